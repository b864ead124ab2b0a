using BotAutoOrder.Domain.Common;

namespace BotAutoOrder.Domain.Backups;

/// <summary>What restoring a backup would throw away: orders and payments made (or paid) after the backup was taken.</summary>
public sealed record RestoreLoss(int Orders, int Payments, long Received)
{
    public bool Any => Orders > 0 || Payments > 0;

    public override string ToString() =>
        $"{Orders} order(s) and {Payments} payment(s) newer than the backup ({Rupiah.Display(Received)} received since)";
}

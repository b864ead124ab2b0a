namespace BotAutoOrder.Domain.Broadcasts;

/// <summary>Where a broadcast stands: recipients per outcome, those still waiting, and an estimate from the send rate.</summary>
public sealed record BroadcastProgress(long BroadcastId, BroadcastStatus Status, int Total, int Sent, int Failed, int Blocked,
    int Cancelled,
    int Remaining, TimeSpan? Eta)
{
    public int Done => Sent + Failed + Blocked + Cancelled;

    /// <summary>0–100, for a progress bar.</summary>
    public int Percent => Total == 0 ? (Status == BroadcastStatus.Draft || Status == BroadcastStatus.Sending ? 0 : 100)
        : (int)(100L * Done / Total);
}

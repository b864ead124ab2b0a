namespace BotAutoOrder.Domain.Settings;

/// <summary>The shop rules in force: dashboard-edited values over the configured defaults (<c>Shop:*</c>, <c>Store:*</c>).</summary>
public sealed record ShopSettings
{
    public string StoreName { get; init; } = "Toko Digital";
    public int InvoiceExpiryMinutes { get; init; } = 15;
    public long DepositMin { get; init; } = 10_000;
    public long DepositMax { get; init; } = 5_000_000;
    public int SpamMaxActions { get; init; } = 30;
    public int SpamWindowSeconds { get; init; } = 10;
    public int LowStockThreshold { get; init; } = 5;
    public int SendRatePerSecond { get; init; } = 25;
    /// <summary>
    /// Broadcasts go out as Telegram paid broadcasts (<c>allow_paid_broadcast</c>): above the free ~30/s, at
    /// <see cref="PaidBroadcastRatePerSecond"/>, for 0.1 Star per message from the bot's Star balance. Owner's opt-in.
    /// </summary>
    public bool PaidBroadcasts { get; init; }
    /// <summary>Messages per second of a paid broadcast (Telegram allows up to 1000).</summary>
    public int PaidBroadcastRatePerSecond { get; init; } = 300;
    public string ContactUsername { get; init; } = "";
    /// <summary>Days an SNK proof is kept after review (0 keeps forever).</summary>
    public int ProofRetentionDays { get; init; } = 90;
    /// <summary>Days of scheduled backups kept (0 disables scheduled backups).</summary>
    public int BackupRetentionDays { get; init; } = 7;
    /// <summary>Every dashboard user must use two-factor sign-in; users without it are sent to enrolment.</summary>
    public bool RequireTwoFactor { get; init; }
    /// <summary>
    /// A payment that cannot be fulfilled is credited to the balance as what the buyer paid (<c>total_payment</c>, the
    /// gateway fee included) when true, or as the order amount when false.
    /// </summary>
    public bool LateCreditTotalPayment { get; init; } = true;
    /// <summary>A warranty claim is replaced from stock at once when stock exists (ADR-020); off: a seller decides each one.</summary>
    public bool ClaimsAutoReplace { get; init; }
    /// <summary>Most automatic replacements per buyer within <see cref="ClaimsAutoReplaceDays"/>; further claims wait for a
    /// seller.</summary>
    public int ClaimsAutoReplaceMax { get; init; } = 1;
    /// <summary>The period, in days, the automatic-replacement cap counts over.</summary>
    public int ClaimsAutoReplaceDays { get; init; } = 30;
    /// <summary>
    /// The Telegram channel new visible testimonials are posted to (e.g. -1001234567890; the bot must be an admin there);
    /// 0 posts nowhere.
    /// </summary>
    public long TestimonyChannelId { get; init; }
}

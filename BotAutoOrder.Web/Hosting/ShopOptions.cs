namespace BotAutoOrder.Web.Hosting;

/// <summary><c>Shop:*</c>: defaults for the shop rules an admin can later change in the dashboard.</summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";

    public int InvoiceExpiryMinutes { get; set; } = 15;
    public long DepositMin { get; set; } = 10_000;
    public long DepositMax { get; set; } = 5_000_000;
    public int SpamMaxActions { get; set; } = 30;
    public int SpamWindowSeconds { get; set; } = 10;
    public int LowStockThreshold { get; set; } = 5;
    public int SendRatePerSecond { get; set; } = 25;
    public string ContactUsername { get; set; } = "";
}

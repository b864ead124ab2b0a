namespace BotAutoOrder.Web.Hosting;

/// <summary><c>Store:*</c>: who the shop is to its buyers.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    public string Name { get; set; } = "Toko Digital";
    public string TimeZone { get; set; } = "Asia/Jakarta";

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

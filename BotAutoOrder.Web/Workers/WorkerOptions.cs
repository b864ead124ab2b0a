namespace BotAutoOrder.Web.Workers;

/// <summary><c>Workers:*</c>: which background jobs run here and how often (seconds). Defaults suit production.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Workers";

    /// <summary>False runs no background job in this instance (e.g. a web-only replica).</summary>
    public bool Enabled { get; set; } = true;
    public double OutboxIntervalSeconds { get; set; } = 0.2;
    public double ExpiryIntervalSeconds { get; set; } = 10;
    public double ReconcileIntervalSeconds { get; set; } = 5;
    /// <summary>V2 allows about one status call per 4 s per transaction; young payments are polled at this pace.</summary>
    public double MinStatusIntervalSeconds { get; set; } = 5;
    public double StockAlertIntervalSeconds { get; set; } = 30;
    public double HealthCheckIntervalSeconds { get; set; } = 60;
    public double RetentionIntervalSeconds { get; set; } = 3600;
}

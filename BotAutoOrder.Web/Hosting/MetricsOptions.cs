namespace BotAutoOrder.Web.Hosting;

/// <summary><c>Metrics:*</c>: who may read <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>When set, <c>/metrics</c> answers only requests with <c>Authorization: Bearer {token}</c> (else 401).</summary>
    public string BearerToken { get; set; } = "";
}

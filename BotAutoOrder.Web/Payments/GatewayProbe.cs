namespace BotAutoOrder.Web.Payments;

/// <summary>
/// One on-demand reachability call to the gateway (the System page's "probe now"): what was asked, whether the API
/// answered usefully, the HTTP status, how long one attempt took, and a short outcome for the owner.
/// </summary>
public sealed record GatewayProbe(string Request, bool Ok, int? StatusCode, TimeSpan Latency, string Outcome);

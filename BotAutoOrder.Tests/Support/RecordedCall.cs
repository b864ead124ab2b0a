namespace BotAutoOrder.Tests.Support;

/// <summary>One request the Pakasir double received, as sent on the wire.</summary>
public sealed record RecordedCall(string Method, string Path, string Query, string Body, string? ApiKeyHeader, DateTimeOffset At = default);

using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// A Serilog sink that keeps the last <see cref="Capacity"/> Warning-or-worse events in memory (after secret redaction,
/// which runs as an enricher before sinks) for the dashboard's System page. Lost on restart; the log file is the record.
/// </summary>
public sealed class RecentLogEvents : ILogEventSink
{
    public const int Capacity = 50;
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(DateTimeOffset At, string Level, string Source, string Message, string? Exception);

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Warning) return;
        var source = logEvent.Properties.TryGetValue("SourceContext", out var s) ? s.ToString().Trim('"') : "";
        var message = logEvent.RenderMessage();
        _entries.Enqueue(new Entry(logEvent.Timestamp, logEvent.Level.ToString(), source,
            message.Length > 1000 ? message[..1000] : message,
            logEvent.Exception is { } e ? e.GetType().Name + ": " + e.Message : null));
        while (_entries.Count > Capacity) _entries.TryDequeue(out _);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Entry> Snapshot() => _entries.Reverse().ToList();
}

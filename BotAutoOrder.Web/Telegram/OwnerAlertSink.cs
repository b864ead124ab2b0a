using System.Threading.Channels;
using Serilog.Core;
using Serilog.Events;

namespace BotAutoOrder.Web.Telegram;

/// <summary>Serilog sink that hands Error and Fatal events to <see cref="OwnerAlertWorker"/> (never blocks the logger).</summary>
public sealed class OwnerAlertSink : ILogEventSink
{
    private readonly Channel<LogEvent> _channel = Channel.CreateBounded<LogEvent>(new BoundedChannelOptions(200)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public ChannelReader<LogEvent> Reader => _channel.Reader;

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Error) return;
        if (logEvent.Properties.TryGetValue("SourceContext", out var source)
            && source.ToString().Contains(nameof(OwnerAlertWorker))) return;
        _channel.Writer.TryWrite(logEvent);
    }
}

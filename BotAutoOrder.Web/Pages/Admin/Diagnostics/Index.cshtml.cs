using BotAutoOrder.Web.Dashboard;

namespace BotAutoOrder.Web.Pages.Admin.Diagnostics;

/// <summary>Owner only: Telegram webhook, Pakasir, database and migrations, outbox backlog, recent warnings and errors.</summary>
public sealed class IndexModel(SystemStatus status, ConnectivityProbe probe) : AdminPageModel
{
    /// <summary>Set after "probe now" (<c>?handler=Probe</c>, a GET: it only reads).</summary>
    public ConnectivityProbe.Result? Probe { get; private set; }
    public SystemStatus Status => status;
    public SystemStatus.Webhook? Webhook { get; private set; }
    public SystemStatus.Gateway Gateway { get; private set; } = null!;
    public SystemStatus.Database Database { get; private set; } = null!;
    public SystemStatus.Outbox Outbox { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Webhook = await status.WebhookAsync(Aborted);
        Gateway = await status.GatewayAsync(Aborted);
        Database = await status.DatabaseAsync(Aborted);
        Outbox = await status.OutboxAsync(Aborted);
    }

    public async Task OnGetProbeAsync()
    {
        Probe = await probe.RunAsync(Aborted);
        await OnGetAsync();
    }
}

using System.Diagnostics;
using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Telegram;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// The System page's "probe now": one harmless call to Pakasir (V2: the public fee endpoint; V1: a detail call for an
/// order that does not exist) and Telegram's <c>getWebhookInfo</c>, each with its latency. Asked only on demand.
/// </summary>
public sealed class ConnectivityProbe(IServiceProvider services, IOptions<PakasirOptions> pakasir, IOptions<TelegramOptions> telegram,
    ITelegramBotClient bot, ILogger<ConnectivityProbe> log)
{
    public sealed record TelegramProbe(bool Ok, TimeSpan Latency, int PendingUpdates, string? Url, string? LastError,
        DateTime? LastErrorAtUtc,
        string? Failure);

    public sealed record Result(GatewayProbe? Pakasir, TelegramProbe? Telegram);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var gateway = PakasirAsync(ct);
        var telegramProbe = TelegramAsync(ct);
        return new Result(await gateway, await telegramProbe);
    }

    /// <summary>Null in Simulator mode: there is no gateway to reach.</summary>
    private async Task<GatewayProbe?> PakasirAsync(CancellationToken ct)
    {
        var o = pakasir.Value;
        if (o.EffectiveMode == PakasirMode.Simulator) return null;
        var probe = o.ApiVersion == PakasirApiVersion.V2
            ? await services.GetRequiredService<PakasirV2Client>().ProbeAsync(ct)
            : await services.GetRequiredService<PakasirV1Client>().ProbeAsync(ct);
        log.LogInformation("Pakasir probe: {Outcome} in {LatencyMs} ms", probe.Outcome, (int)probe.Latency.TotalMilliseconds);
        return probe;
    }

    /// <summary>Null in Playground mode: there is no Bot API to ask.</summary>
    private async Task<TelegramProbe?> TelegramAsync(CancellationToken ct)
    {
        if (telegram.Value.EffectiveMode == TelegramMode.Playground) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var watch = Stopwatch.StartNew();
        try
        {
            var info = await bot.GetWebhookInfo(timeout.Token);
            return new TelegramProbe(true, watch.Elapsed, info.PendingUpdateCount, info.Url, info.LastErrorMessage, info.LastErrorDate,
                null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failure = e is OperationCanceledException ? "timed out" : e.Message;
            log.LogWarning("Telegram probe (getWebhookInfo) failed: {Error}", failure);
            return new TelegramProbe(false, watch.Elapsed, 0, null, null, null, failure);
        }
    }
}

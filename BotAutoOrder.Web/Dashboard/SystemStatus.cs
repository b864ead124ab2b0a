using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>What the owner's System page shows: Telegram, Pakasir, database, outbox backlog, recent warnings and errors.</summary>
public sealed class SystemStatus(AppDbContext db, ITelegramBotClient bot, IOptions<TelegramOptions> telegram,
    IOptions<PakasirOptions> pakasir,
    IOptions<DatabaseOptions> database, RecentLogEvents recent, TimeProvider clock, ILogger<SystemStatus> log)
{
    public sealed record Webhook(string? Url, int PendingUpdates, string? LastError, DateTime? LastErrorAtUtc, string? Failure);
    public sealed record FailedMessage(long Id, long ChatId, string Kind, int Attempts, DateTime CreatedAtUtc, string? Error);
    public sealed record Outbox(int Pending, int Failed, TimeSpan? OldestPendingAge, IReadOnlyList<FailedMessage> LastFailed);
    public sealed record Gateway(string Mode, string ApiVersion, string BaseUrl, DateTime? LastCheckAtUtc, DateTime? LastCompletedAtUtc,
        int OpenPayments);
    public sealed record Database(string Provider, IReadOnlyList<string> PendingMigrations, string? LastApplied);

    public string TelegramMode => telegram.Value.EffectiveMode.ToString();

    /// <summary>Telegram's own view of the webhook (in Webhook mode), asked through the real client with a short timeout.</summary>
    public async Task<Webhook?> WebhookAsync(CancellationToken ct)
    {
        if (telegram.Value.EffectiveMode != global::BotAutoOrder.Web.Telegram.TelegramMode.Webhook) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var info = await bot.GetWebhookInfo(timeout.Token);
            return new Webhook(info.Url, info.PendingUpdateCount, info.LastErrorMessage, info.LastErrorDate, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning("getWebhookInfo failed: {Error}", e.Message);
            return new Webhook(null, 0, null, null, e.Message);
        }
    }

    public async Task<Gateway> GatewayAsync(CancellationToken ct)
    {
        var o = pakasir.Value;
        var lastCheck = await db.Payments.MaxAsync(p => p.LastCheckedAtUtc, ct);
        var lastCompleted = await db.Payments.MaxAsync(p => p.CompletedAtUtc, ct);
        var open = await db.Payments.CountAsync(p => p.AppliedAtUtc == null && p.Status == Domain.Payments.PaymentStatus.Pending, ct);
        return new Gateway(o.EffectiveMode.ToString(), o.ApiVersion.ToString(), o.EffectiveMode == PakasirMode.Simulator ? "–" : o.BaseUrl,
            lastCheck, lastCompleted, open);
    }

    public async Task<Database> DatabaseAsync(CancellationToken ct) =>
        new(database.Value.Provider.ToString(), (await db.Database.GetPendingMigrationsAsync(ct)).ToList(),
            (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());

    public async Task<Outbox> OutboxAsync(CancellationToken ct)
    {
        var pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
        var failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, ct);
        var oldest = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).MinAsync(m => (DateTime?)m.CreatedAtUtc, ct);
        var lastFailed =
            await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed).OrderByDescending(m => m.Id).Take(10)
            .Select(m => new FailedMessage(m.Id, m.ChatId, m.Kind, m.Attempts, m.CreatedAtUtc, m.LastError)).ToListAsync(ct);
        return new Outbox(pending, failed, oldest is { } o ? clock.GetUtcNow().UtcDateTime - o : null, lastFailed);
    }

    public IReadOnlyList<RecentLogEvents.Entry> RecentErrors => recent.Snapshot();
}

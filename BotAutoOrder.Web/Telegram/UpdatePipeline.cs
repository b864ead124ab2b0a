using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram;

public enum UpdateOutcome
{
    Handled,
    Duplicate,
    Failed,
}

/// <summary>
/// De-duplicates an update on its <c>update_id</c> (unique index), then hands it to <see cref="UpdateHandler"/> in its
/// own scope. A row left unprocessed for a minute (the process died mid-update) is taken up again by a redelivery.
/// When handling fails the buyer is told so (<see cref="BotTextCatalog.GenericError"/>) rather than left in silence.
/// </summary>
public sealed class UpdatePipeline(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UpdatePipeline> log)
{
    public const string Source = "telegram";
    private static readonly TimeSpan RetakeAfter = TimeSpan.FromMinutes(1);

    public async Task<UpdateOutcome> ProcessAsync(Update update, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var externalId = update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!await ClaimAsync(db, externalId, ct))
        {
            log.LogInformation("Update {UpdateId} seen before: ignored", update.Id);
            return UpdateOutcome.Duplicate;
        }

        var outcome = UpdateOutcome.Handled;
        try
        {
            await scope.ServiceProvider.GetRequiredService<UpdateHandler>().HandleAsync(update, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A retry would fail the same way: log it (owner alerts pick up errors) and acknowledge.
            log.LogError(e, "Update {UpdateId} ({Type}) failed", update.Id, update.Type);
            outcome = UpdateOutcome.Failed;
            await TellBuyerAsync(update, e, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await db.InboundEvents.Where(e => e.Source == Source && e.ExternalId == externalId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAtUtc, now), CancellationToken.None);
        return outcome;
    }

    /// <summary>The <c>error.generic</c> text to the chat the update came from (not when Telegram said the buyer is unreachable).</summary>
    private async Task TellBuyerAsync(Update update, Exception error, CancellationToken ct)
    {
        var (chatId, from) = update switch
        {
            { Message: { Chat.Type: ChatType.Private, From: { IsBot: false } user } message } => (message.Chat.Id, user),
            { CallbackQuery: { } query } => (query.Message?.Chat.Id ?? query.From.Id, query.From),
            _ => (0L, null),
        };
        if (from is null || error is ApiRequestException { ErrorCode: 403 }) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Customers.Where(c => c.TelegramUserId == from.Id).Select(c => c.LanguageCode).FirstOrDefaultAsync(ct);
            var text = await scope.ServiceProvider.GetRequiredService<BotTexts>()
                .RenderAsync(BotTextCatalog.GenericError, BotTexts.LanguageFor(stored ?? from.LanguageCode), ct);
            await scope.ServiceProvider.GetRequiredService<ITelegramBotClient>().SendMessage(chatId, text, ParseMode.Html,
                cancellationToken: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning("Could not tell {ChatId} that update {UpdateId} failed: {Error}", chatId, update.Id, e.Message);
        }
    }

    private async Task<bool> ClaimAsync(AppDbContext db, string externalId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.InboundEvents.Add(new InboundEvent(Source, externalId, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var staleBefore = now - RetakeAfter;
            var retaken = await db.InboundEvents
                .Where(e => e.Source == Source && e.ExternalId == externalId && e.ProcessedAtUtc == null && e.ReceivedAtUtc < staleBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ReceivedAtUtc, now), ct);
            return retaken == 1;
        }
    }
}

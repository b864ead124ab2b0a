using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// The shop's own wording of a buyer-facing bot text (<see cref="BotTextOverride"/>): read, save, reset, each change saved
/// with its audit entry in one unit of work (<see cref="AuditedSave"/>). The templates and their checks are the web's
/// (they belong to the bot's screens); the caller checks the text first and drops the bot's text cache afterwards.
/// </summary>
public sealed class BotTextService(AppDbContext db, AuditedSave save, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<(string Key, string Language), string>> OverridesAsync(CancellationToken ct) =>
        (await db.BotTextOverrides.AsNoTracking().ToListAsync(ct)).ToDictionary(o => (o.Key, o.Language), o => o.Text);

    /// <summary>Saves <paramref name="text"/>; a text equal to <paramref name="defaultText"/> removes the override.</summary>
    public async Task SaveAsync(string key, string language, string text, string defaultText, string actor, CancellationToken ct)
    {
        var current = await FindAsync(key, language, ct);
        if (text == defaultText)
        {
            if (current is not null) db.BotTextOverrides.Remove(current);
        }
        else if (current is null) db.BotTextOverrides.Add(new BotTextOverride(key, language, text, clock.GetUtcNow().UtcDateTime));
        else current.Set(text, clock.GetUtcNow().UtcDateTime);
        await save.SaveAsync(actor, AuditActions.BotTextSaved, "BotText", () => key + ":" + language, () => new { text }, ct);
    }

    /// <summary>Back to the default wording (the reset is audited even when there was no override).</summary>
    public async Task ResetAsync(string key, string language, string actor, CancellationToken ct)
    {
        var current = await FindAsync(key, language, ct);
        if (current is not null) db.BotTextOverrides.Remove(current);
        await save.SaveAsync(actor, AuditActions.BotTextReset, "BotText", () => key + ":" + language, null, ct);
    }

    private Task<BotTextOverride?> FindAsync(string key, string language, CancellationToken ct) =>
        db.BotTextOverrides.FirstOrDefaultAsync(o => o.Key == key && o.Language == language, ct);
}

using System.Text;
using BotAutoOrder.Domain.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// During a rush, several admin notices due for one admin go as one message ("🧾 12 notifikasi …") instead of one
/// each, so a sale does not spend the send budget on admin chats. Whole notices only, up to Telegram's 4096 characters.
/// </summary>
public sealed class AdminDigestRenderer(AdminNotices notices)
{
    /// <summary>From this many due notices for one admin on, they go as a digest.</summary>
    public const int Threshold = 3;
    private const int Room = 3900;

    /// <returns>The rows the digest carried (the rest stay for the next one).</returns>
    public async Task<IReadOnlyList<long>> SendAsync(IReadOnlyList<OutboxMessage> rows, ITelegramBotClient client, CancellationToken ct)
    {
        var parts = new List<(long Id, string Html)>();
        var length = 0;
        foreach (var row in rows)
        {
            var html = await notices.RenderAsync(row, ct);
            if (html is null) continue;
            if (parts.Count > 0 && length + html.Length + 2 > Room) break;
            parts.Add((row.Id, html));
            length += html.Length + 2;
        }
        if (parts.Count == 0) return [];
        var text = new StringBuilder($"🧾 <b>{parts.Count} notifikasi</b> sekaligus (toko sedang ramai)\n\n");
        text.AppendJoin("\n\n", parts.Select(p => p.Html));
        await client.SendMessage(rows[0].ChatId, text.ToString(), ParseMode.Html, cancellationToken: ct);
        return parts.Select(p => p.Id).ToList();
    }
}

using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace BotAutoOrder.Web.Telegram.OutboxRenderers;

/// <summary>
/// <see cref="OutboxKinds.TestimonialChannel"/>: a new testimonial posted to the testimony channel, with the buyer's first
/// name only, everything escaped. When Telegram refuses (400 wrong id, 403 the bot is not an admin there) the owner is
/// alerted and the row fails — the shop goes on.
/// </summary>
public sealed class TestimonialChannelRenderer(AppDbContext db, Outbox outbox, BotTexts texts) : IOutboxRenderer
{
    public string Kind => OutboxKinds.TestimonialChannel;

    public async Task<string?> WhyNotAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = RendererHelpers.Read<TestimonialPayload>(message).TestimonialId;
        return await db.Testimonials.AnyAsync(t => t.Id == id && !t.IsHidden, ct) ? null : "testimonial hidden or gone";
    }

    public async Task SendAsync(OutboxMessage message, ITelegramBotClient client, CancellationToken ct)
    {
        var id = RendererHelpers.Read<TestimonialPayload>(message).TestimonialId;
        var t = await db.Testimonials.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Rating, x.Text,
                Product = db.Products.Where(p => p.Id == x.ProductId).Select(p => p.Name).First(),
                Buyer = db.Customers.Where(c => c.Id == x.CustomerId).Select(c => c.FirstName).First(),
            }).FirstAsync(ct);
        var html = await texts.RenderAsync(BotTextCatalog.TestimonyPost, BotTexts.Indonesian, ct,
            ("stars", new string('⭐', t.Rating)), ("product", t.Product), ("text", t.Text ?? ""), ("buyer", t.Buyer));
        try
        {
            await client.SendMessage(message.ChatId, html, ParseMode.Html, cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            outbox.ToOwners($"⚠️ <b>Channel testimoni</b> <code>{message.ChatId}</code> menolak posting ({e.ErrorCode}: {Html.Escape(e.Message)}). " +
                            "Pastikan bot adalah admin channel dan ID-nya benar (Settings → TestimonyChannelId).",
                                $"testimony-channel:{message.Id}");
            await db.SaveChangesAsync(ct);
            throw;
        }
    }
}

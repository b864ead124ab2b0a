using BotAutoOrder.Domain.Messaging;

namespace BotAutoOrder.Domain.Broadcasts;

public class Broadcast
{
    private Broadcast() { }

    public Broadcast(string htmlText, string? photoFileName, byte[]? photo, BroadcastAudience audience, string createdBy, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(htmlText);
        HtmlText = htmlText;
        PhotoFileName = photoFileName;
        Photo = photo;
        Audience = audience;
        CreatedBy = createdBy;
        Status = BroadcastStatus.Draft;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public string HtmlText { get; private set; } = "";
    public string? PhotoFileName { get; private set; }
    public byte[]? Photo { get; private set; }
    public BroadcastAudience Audience { get; private set; }
    public BroadcastStatus Status { get; private set; }
    public int TotalRecipients { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    /// <summary>Sent as a Telegram paid broadcast (decided when it started, from the owner's setting then).</summary>
    public bool Paid { get; private set; }

    /// <summary>What Telegram charges per message of a paid broadcast, in Stars.</summary>
    public const decimal StarsPerPaidMessage = 0.1m;

    /// <summary>The Stars a paid broadcast to <paramref name="recipients"/> buyers costs at most (every message sent).</summary>
    public static decimal PaidCost(int recipients) => recipients * StarsPerPaidMessage;

    /// <summary>The visible-text limit for this broadcast: a caption when a photo is attached.</summary>
    public int TextLimit => Photo is { Length: > 0 } ? TelegramLimits.Caption : TelegramLimits.MessageText;

    /// <summary>True when <paramref name="bytes"/> start like a JPEG or a PNG file.</summary>
    public static bool LooksLikeImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
}

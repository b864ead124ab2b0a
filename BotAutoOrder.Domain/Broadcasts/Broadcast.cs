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
}

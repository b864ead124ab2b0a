using System.Reflection;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// What the browser reads: the page and its two assets (embedded in the assembly, so they exist wherever the app runs
/// and nowhere outside <c>Playground</c> mode), the transcript for polling, and stored photos and documents.
/// </summary>
public static class PlaygroundViews
{
    private static readonly Dictionary<string, string> Assets = new()
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["playground.js"] = "text/javascript; charset=utf-8",
        ["playground.css"] = "text/css; charset=utf-8",
    };

    /// <summary>The page renders bot HTML itself, tag by tag; the policy is a second line of defence (no inline script, no foreign
    /// origin).</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IResult Page(HttpContext http) => Asset(http, "index.html");

    public static IResult Asset(HttpContext http, string name)
    {
        if (!Assets.TryGetValue(name, out var type)) return Results.NotFound();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Playground.{name}")
            ?? throw new InvalidOperationException($"Embedded playground asset {name} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Bytes(buffer.ToArray(), type);
    }

    /// <summary>The chat's changes after <paramref name="after"/>: messages (edited in place, deleted as tombstones), toasts, reply
    /// keyboard.</summary>
    public static IResult Chat(long? buyer, long? after, PlaygroundStore store)
    {
        if (buyer is not > 0) return Results.BadRequest(new { error = "buyer (a positive Telegram user id) is required" });
        var t = store.Transcript(buyer.Value, after ?? 0);
        return Results.Ok(new
        {
            version = t.Version,
            replyKeyboard = t.ReplyKeyboard,
            toasts = t.Toasts.Select(x => new { text = x.Text, showAlert = x.ShowAlert }),
            messages = t.Messages.Select(m => new
            {
                messageId = m.MessageId,
                author = m.Author.ToString().ToLowerInvariant(),
                date = m.Date,
                text = m.Text,
                caption = m.Caption,
                parseMode = m.ParseMode,
                edited = m.Edited,
                deleted = m.Deleted,
                inlineKeyboard =
                    m.InlineKeyboard.Select(r => r.Select(b => new { text = b.Text, callbackData = b.CallbackData, url = b.Url })),
                photo = m.Photo is { } p ? new { url = p.Url, name = p.FileName } : null,
                document = m.Document is { } d ? new { url = d.Url, name = d.FileName, size = d.Bytes.Length } : null,
            }),
        });
    }

    /// <summary>A stored file: images inline, anything else as a download, so a bot-sent .html can never run on this origin.</summary>
    public static IResult File(HttpContext http, string fileId, PlaygroundStore store)
    {
        if (store.FileOf(fileId) is not { } file) return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var inline = ContentTypes.IsSafeImage(file.ContentType);
        return Results.File(file.Bytes, inline ? file.ContentType : "application/octet-stream", inline ? null : file.FileName);
    }
}

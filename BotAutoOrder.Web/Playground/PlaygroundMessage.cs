namespace BotAutoOrder.Web.Playground;

/// <summary>
/// One message of a playground chat as it stands now: edits replace it in place (with a new <see cref="Version"/>),
/// a deletion leaves a tombstone so a polling page learns about it. Immutable: the store swaps whole records.
/// </summary>
public sealed record PlaygroundMessage(long ChatId, int MessageId, PlaygroundAuthor Author, DateTimeOffset Date)
{
    /// <summary>The store's change counter when this message last changed; the page polls for versions after its last.</summary>
    public long Version { get; init; }
    public string? Text { get; init; }
    public string? Caption { get; init; }
    /// <summary><c>HTML</c>, <c>MarkdownV2</c>, <c>Markdown</c> or null (plain text).</summary>
    public string? ParseMode { get; init; }
    public IReadOnlyList<IReadOnlyList<PlaygroundButton>> InlineKeyboard { get; init; } = [];
    public PlaygroundFile? Photo { get; init; }
    public PlaygroundFile? Document { get; init; }
    public bool Edited { get; init; }
    public bool Deleted { get; init; }
}

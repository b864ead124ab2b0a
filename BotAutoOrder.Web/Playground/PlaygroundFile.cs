namespace BotAutoOrder.Web.Playground;

/// <summary>
/// A photo or document that passed through the playground (uploaded by the bot or by a buyer), kept in memory so the
/// page can show it and <c>getFile</c> can resolve its <c>file_id</c> like Telegram would.
/// </summary>
public sealed record PlaygroundFile(string FileId, string FileName, string ContentType, byte[] Bytes)
{
    /// <summary>Where the page downloads the bytes.</summary>
    public string Url => $"/playground/files/{Uri.EscapeDataString(FileId)}";
}

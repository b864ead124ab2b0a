namespace BotAutoOrder.Web.Telegram;

/// <summary>
/// The <c>callback_data</c> of every inline button (at most 64 bytes): <c>verb:arg:arg</c>.
/// Parsing never throws: anything unknown is a stale button.
/// </summary>
public static class CallbackData
{
    public const string CategoryVerb = "cat";

    public static string Category(long categoryId, int page = 0) => $"{CategoryVerb}:{categoryId}:{page}";

    public static (string Verb, string[] Args) Parse(string? data)
    {
        if (string.IsNullOrEmpty(data)) return ("", []);
        var parts = data.Split(':');
        return (parts[0], parts[1..]);
    }

    public static bool TryLong(string[] args, int index, out long value)
    {
        value = 0;
        return args.Length > index && long.TryParse(args[index], out value);
    }
}

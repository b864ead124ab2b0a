namespace BotAutoOrder.Domain.Broadcasts;

/// <summary>Why Telegram would refuse a broadcast text.</summary>
public enum HtmlProblem
{
    None,
    Empty,
    TooLong,
    TagNotAllowed,
    BadAttribute,
    Unclosed,
    UnexpectedClose,
    BareLessThan,
    UnknownEntity,
}

namespace BotAutoOrder.Domain.Messaging;

/// <summary>Why Telegram would refuse a text sent in HTML parse mode.</summary>
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

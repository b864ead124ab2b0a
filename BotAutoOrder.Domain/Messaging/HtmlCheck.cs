namespace BotAutoOrder.Domain.Messaging;

/// <summary>
/// What is wrong with a Telegram HTML text (<see cref="HtmlProblem.None"/> when nothing); <paramref name="Length"/> is the
/// visible length as Telegram counts it; <see cref="Position"/> the index in the source where the problem starts.
/// </summary>
public sealed record HtmlCheck(HtmlProblem Problem, string? Detail, int Length = 0)
{
    public bool Ok => Problem == HtmlProblem.None;

    /// <summary>Index of the first problem in the source text (0 when there is none or it is about the whole text).</summary>
    public int Position { get; init; }
}

namespace BotAutoOrder.Domain.Broadcasts;

/// <summary>What is wrong with a broadcast text (<see cref="HtmlProblem.None"/> when nothing); <paramref name="Length"/> is the visible length.</summary>
public sealed record HtmlCheck(HtmlProblem Problem, string? Detail, int Length = 0)
{
    public bool Ok => Problem == HtmlProblem.None;
}

namespace BotAutoOrder.Domain.Common;

/// <summary>What an admin save did: the saved row, or the problems that refused it (nothing changed), or not found.</summary>
public sealed record SaveResult<T>(SaveOutcome Outcome, T? Saved, IReadOnlyList<FieldProblem> Problems) where T : class
{
    public static SaveResult<T> NotFound { get; } = new(SaveOutcome.NotFound, null, []);

    public static SaveResult<T> Done(T saved) => new(SaveOutcome.Saved, saved, []);

    public static SaveResult<T> Refused(IReadOnlyList<FieldProblem> problems) => new(SaveOutcome.Invalid, null, problems);
}

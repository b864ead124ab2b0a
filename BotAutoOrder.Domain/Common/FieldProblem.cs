namespace BotAutoOrder.Domain.Common;

/// <summary>
/// Why a form field was refused. <see cref="Message"/> is an English key the dashboard translates ({0}, {1} filled from
/// <see cref="Args"/>); <see cref="Field"/> is the property name of the draft (the page prefixes its form name).
/// </summary>
public sealed record FieldProblem(string Field, string Message, params object[] Args);

namespace BotAutoOrder.Web.Cli;

/// <summary>
/// One job of the command line: its name, the arguments it takes (shown in the usage text), the flags it knows and
/// whether it needs the database schema to be current. <see cref="RunAsync"/> returns the exit code.
/// </summary>
public sealed record CliCommand(string Name, string[] Arguments, string[] Flags, string Description,
    Func<CliContext, Task<int>> RunAsync, bool NeedsSchema = true)
{
    public string Usage => string.Join(' ', new[] { Name }.Concat(Arguments.Select(a => $"<{a}>")).Concat(Flags.Select(f => $"[{f}]")));
}

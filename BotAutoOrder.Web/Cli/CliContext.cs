namespace BotAutoOrder.Web.Cli;

/// <summary>What a command-line job gets: a scope of the app's services, its arguments and flags, and the console.</summary>
public sealed record CliContext(IServiceProvider Services, IReadOnlyList<string> Arguments, IReadOnlySet<string> Flags,
    TextReader In, TextWriter Out, TextWriter Error, CancellationToken Ct);

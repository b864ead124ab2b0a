namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// A problem the operator must fix before the shop can start (a setting, a key file, an unreachable database).
/// Throw it from anywhere during start-up with one line per problem, each naming the configuration key and what to
/// set; <see cref="StartupFailure"/> prints the lines and exits with code 2, without a stack trace.
/// </summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException(IReadOnlyList<string> problems, Exception? inner = null)
        : base(string.Join(Environment.NewLine, problems), inner) => Problems = problems;

    public StartupConfigurationException(string problem, Exception? inner = null) : this([problem], inner)
    {
    }

    public IReadOnlyList<string> Problems { get; }
}

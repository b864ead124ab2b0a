using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// Turns the start-up failures an operator can fix (options validation, <see cref="StartupConfigurationException"/>,
/// a setting that cannot be converted) into one line per problem on stderr and exit code 2. Anything else is a bug
/// and stays loud (unhandled, with its stack trace).
/// </summary>
public static partial class StartupFailure
{
    public const int ExitCode = 2;

    [GeneratedRegex("^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    /// <summary>Runs the app; an operator-fixable start-up failure prints its problems and returns <see cref="ExitCode"/>.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> run, TextWriter? error = null)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (IsProcessEntry && Problems(e) is { Count: > 0 } problems)
        {
            Report(problems, error ?? Console.Error);
            return ExitCode;
        }
    }

    /// <summary>Runs every <c>ValidateOnStart</c> check now, so all problems are reported together before anything else runs.</summary>
    public static void ValidateOptions(this IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>The operator-fixable problems inside <paramref name="e"/> (empty when it is a bug).</summary>
    public static IReadOnlyList<string> Problems(Exception e)
    {
        var problems = new List<string>();
        Collect(e, problems);
        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    public static void Report(IReadOnlyList<string> problems, TextWriter error)
    {
        error.WriteLine($"BotAutoOrder cannot start: {problems.Count} configuration problem(s).");
        foreach (var p in problems) error.WriteLine($"  - {p}");
        error.WriteLine("Fix them in appsettings.json or the environment (Section:Key becomes Section__Key) and start again.");
    }

    private static void Collect(Exception e, List<string> problems)
    {
        switch (e)
        {
            case StartupConfigurationException s:
                problems.AddRange(s.Problems);
                return;
            case BotAutoOrder.Domain.Stock.StockKeyException k:
                problems.Add(k.Message);
                return;
            case OptionsValidationException o:
                problems.AddRange(o.Failures);
                return;
            case AggregateException a:
                foreach (var inner in a.InnerExceptions) Collect(inner, problems);
                return;
            case InvalidOperationException when ConversionFailure().Match(e.Message) is { Success: true } m:
                problems.Add(ConversionProblem(m.Groups["key"].Value, m.Groups["type"].Value));
                return;
        }
        if (e.InnerException is { } next) Collect(next, problems);
    }

    // The value itself is not repeated: it may be a secret.
    private static string ConversionProblem(string key, string typeName)
    {
        var type = Type.GetType(typeName) ?? typeof(StartupFailure).Assembly.GetType(typeName);
        var expected = type is { IsEnum: true } ? "one of " + string.Join(", ", Enum.GetNames(type)) : "a " + (type?.Name ?? typeName);
        return $"{key} has a value that cannot be read: set {expected}.";
    }

    /// <summary>
    /// False under the test host or EF tools, which build the app from their own process: there the exception must
    /// reach the caller (a test expects it; the tools report it).
    /// </summary>
    private static bool IsProcessEntry => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;
}

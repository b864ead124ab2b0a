using System.Diagnostics;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// Runs the built app (<c>dotnet BotAutoOrder.Web.dll &lt;job&gt; …</c>) as a child process on a test database, the
/// way an operator would, and captures its exit code and output.
/// </summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Out}\nstderr: {Error}";
    }

    public static async Task<Result> RunAsync(TestDatabase database, string? stdin, params string[] args) =>
        await RunAsync(database, stdin, new Dictionary<string, string>(), args);

    public static async Task<Result> RunAsync(TestDatabase database, string? stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(WebDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["Database__Provider"] = database.Provider.ToString();
        psi.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        psi.Environment["Logging__FilePath"] = "";
        psi.Environment["Stock__EncryptionKey"] = TestStockKeys.Key;
        psi.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in environment) psi.Environment[key] = value;

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within 3 minutes");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The app built next to this test run: BotAutoOrder.Web/bin/&lt;configuration&gt;/&lt;tfm&gt;/BotAutoOrder.Web.dll.</summary>
    private static string WebDll
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var root = testOutput;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "BotAutoOrder.sln"))) root = root.Parent;
            if (root is null) throw new InvalidOperationException("BotAutoOrder.sln not found above " + AppContext.BaseDirectory);
            var dll = Path.Combine(root.FullName, "BotAutoOrder.Web", "bin", configuration, tfm, "BotAutoOrder.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build BotAutoOrder.Web first; not found: " + dll);
        }
    }
}

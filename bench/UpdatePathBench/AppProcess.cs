using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UpdatePathBench;

/// <summary>
/// A bot under test in its own process (so its CPU time and memory are its own): the shop's built
/// <c>BotAutoOrder.Web.dll</c>, or this bench started as the echo bot. Output is kept for the error message only.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The highest resident set since the process started (VmHWM on Linux).</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public static async Task<AppProcess> StartShopAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(WebDll);
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        return await StartAsync(psi, port);
    }

    public static async Task<AppProcess> StartEchoAsync(string apiBase, string secret)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(typeof(AppProcess).Assembly.Location);
        foreach (var a in new[] { "echo", $"http://127.0.0.1:{port}", apiBase, secret }) psi.ArgumentList.Add(a);
        return await StartAsync(psi, port);
    }

    private static async Task<AppProcess> StartAsync(ProcessStartInfo psi, int port)
    {
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + psi.FileName);
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"the app exited ({process.ExitCode}):\n{app.Output}");
            try
            {
                using var live = await http.GetAsync("/health/live");
                if (live.StatusCode == HttpStatusCode.OK) return app;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        await app.DisposeAsync();
        throw new TimeoutException("the app did not answer /health/live within 90 s:\n" + app.Output);
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
            if (_output.Length < 200_000) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The shop built in the same configuration as this bench: BotAutoOrder.Web/bin/&lt;configuration&gt;/&lt;tfm&gt;/.</summary>
    private static string WebDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var root = output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "BotAutoOrder.sln"))) root = root.Parent;
            if (root is null) throw new InvalidOperationException("BotAutoOrder.sln not found above " + AppContext.BaseDirectory);
            var dll = Path.Combine(root.FullName, "BotAutoOrder.Web", "bin", output.Parent!.Name, output.Name, "BotAutoOrder.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build BotAutoOrder.Web first; not found: " + dll);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// A private PostgreSQL cluster started by the test run itself (initdb + pg_ctl on a free port, socket in a temp
/// folder), shared by all tests and stopped when the run ends. As root it runs the server as the <c>postgres</c>
/// user, since PostgreSQL refuses to run as root. Missing binaries fail the run with a clear message: nothing is skipped.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string _binDir;
    private readonly string _dir;
    private readonly bool _asPostgresUser;

    private PostgresServer(string binDir, string dir, int port, bool asPostgresUser)
    {
        _binDir = binDir;
        _dir = dir;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=60;Connection Idle Lifetime=15;Connection Pruning Interval=5;Include Error Detail=true;Timeout=30;Command Timeout=60";

    /// <summary>A fresh, empty database for one test class.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binDir = FindBinDir() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
            "Install them (Debian: apt-get install -y postgresql) or run .ci/run, which does.");
        var asPostgresUser = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        await StopOrphansAsync(binDir, asPostgresUser);
        var dir = Path.Combine(Path.GetTempPath(), $"botautoorder-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        if (asPostgresUser) await RunAsync("chown", ["-R", "postgres", dir], asUser: false);
        var port = FreePort();
        var server = new PostgresServer(binDir, dir, port, asPostgresUser);
        await server.RunPgAsync("initdb", ["-D", Path.Combine(dir, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-locale"]);
        var serverOptions = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                            "-c full_page_writes=off -c max_connections=500 -c shared_buffers=64MB";
        await server.RunPgAsync("pg_ctl", ["-D", Path.Combine(dir, "data"), "-o", serverOptions, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>Clusters left by a test run that was killed (its process is gone) are stopped and removed.</summary>
    private static async Task StopOrphansAsync(string binDir, bool asPostgresUser)
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "botautoorder-pg-*"))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || Directory.Exists($"/proc/{pid}")) continue;
            try
            {
                if (File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
                    await RunAsync(Path.Combine(binDir, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-m", "immediate", "-w", "stop"], asPostgresUser);
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"Could not remove the orphaned test cluster {dir}: {e.Message}");
            }
        }
    }

    private void Stop()
    {
        try
        {
            RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], _asPostgresUser)
                .Wait(TimeSpan.FromSeconds(20));
            Directory.Delete(_dir, recursive: true);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"PostgreSQL test server at {_dir} did not stop cleanly: {e.Message}");
        }
    }

    private Task RunPgAsync(string tool, string[] args) => RunAsync(Path.Combine(_binDir, tool), args, _asPostgresUser);

    private static async Task RunAsync(string file, string[] args, bool asUser)
    {
        var psi = asUser ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static string? FindBinDir()
    {
        var fromEnv = Environment.GetEnvironmentVariable("POSTGRES_BIN");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "initdb"))) return fromEnv;
        foreach (var p in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl"))) return p;
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

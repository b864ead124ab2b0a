using BotAutoOrder.Domain.Data;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Cli;

/// <summary>
/// <c>dotnet BotAutoOrder.Web.dll &lt;job&gt; …</c>: runs one job on the built app's services (nothing is served) and
/// returns the exit code: 0 done, 1 failed (message on stderr), 2 unknown job or wrong arguments (usage on stderr).
/// Configuration switches (<c>--Database:Provider=Postgres</c>) may follow the job; they configure the app as usual.
/// </summary>
public static class CommandLine
{
    /// <summary>The jobs; a new one is one line here.</summary>
    private static readonly CliCommand[] Commands =
    [
        new("migrate", [], [], "apply pending database migrations", DatabaseJobs.MigrateAsync, NeedsSchema: false),
        new("create-admin", ["email"], [], "create an owner account, or set its password (password read from stdin)",
            AdminJobs.CreateAdminAsync),
        new("backup", ["file"], [], "write a backup of all data to <file> (gzip'd JSON)", BackupJobs.BackupAsync),
        new("restore", ["file"], ["--force"],
            "replace ALL data with the backup in <file>; --force when the database already holds orders or buyers",
            BackupJobs.RestoreAsync),
        new("import-catalog", ["csv"], [], "upsert products from a catalog CSV (code,name,category,price,description,active,…)",
            ImportJobs.ImportCatalogAsync),
        new("import-stock", ["product-code", "file"], [], "add stock items to a product, one per line (duplicates skipped)",
            ImportJobs.ImportStockAsync),
        new("new-stock-key", [], [], "print a new random stock encryption key (base64) for Stock:EncryptionKey", StockKeyJobs.NewKeyAsync,
            NeedsSchema: false),
        new("rotate-stock-key", [], [],
            "re-encrypt all stock under Stock:EncryptionKey (old key in Stock:PreviousEncryptionKey); resumable",
            StockKeyJobs.RotateAsync),
    ];

    /// <summary>True when the first argument names a job (configuration switches start with '-').</summary>
    public static bool IsJob(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null) return Usage($"unknown command '{args[0]}'");
        var positional = args.Skip(1).Where(a => !a.StartsWith('-')).ToList();
        var flags = args.Skip(1).Where(a => a.StartsWith('-')
            && !a.Contains('=', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (positional.Count != command.Arguments.Length) return Usage($"'{command.Name}' takes {Describe(command)}");
        if (flags.FirstOrDefault(f =>
            !command.Flags.Contains(f)) is { } unknown) return Usage($"'{command.Name}' does not know the option {unknown}");

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (command.NeedsSchema && !await EnsureSchemaAsync(app, scope.ServiceProvider, cancel.Token)) return 1;
            return await command.RunAsync(new CliContext(scope.ServiceProvider, positional, flags, Console.In, Console.Out, Console.Error,
                cancel.Token));
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{command.Name} failed: {e.GetBaseException().Message}");
            return 1;
        }
    }

    /// <summary>Applies pending migrations first when <c>Database:MigrateOnStartup</c> is on (as serving would); else refuses.</summary>
    private static async Task<bool> EnsureSchemaAsync(WebApplication app, IServiceProvider services, CancellationToken ct)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            var applied = await DatabaseJobs.ApplyMigrationsAsync(services, ct);
            if (applied.Count > 0) await Console.Out.WriteLineAsync($"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return true;
        }
        var pending = (await services.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return true;
        await Console.Error.WriteLineAsync($"The database has {pending.Count} pending migration(s) and Database:MigrateOnStartup is off: run 'migrate' first.");
        return false;
    }

    private static string Describe(CliCommand c) =>
        c.Arguments.Length == 0 ? "no arguments" : string.Join(" ", c.Arguments.Select(a => $"<{a}>"));

    private static int Usage(string problem)
    {
        var error = Console.Error;
        error.WriteLine($"error: {problem}");
        error.WriteLine();
        error.WriteLine("Usage: dotnet BotAutoOrder.Web.dll [command] [--Section:Key=value ...]");
        error.WriteLine("Without a command the shop serves. Commands:");
        foreach (var c in Commands) error.WriteLine($"  {c.Usage,-32} {c.Description}");
        return 2;
    }
}

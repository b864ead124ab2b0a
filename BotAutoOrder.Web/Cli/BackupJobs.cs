using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Backups;

namespace BotAutoOrder.Web.Cli;

/// <summary><c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--force]</c>.</summary>
public static class BackupJobs
{
    public static async Task<int> BackupAsync(CliContext cli)
    {
        var file = Path.GetFullPath(cli.Arguments[0]);
        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var temp = $"{file}.{Guid.NewGuid():N}.tmp";
        BackupHeader header;
        try
        {
            await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                header = await cli.Services.GetRequiredService<BackupService>().WriteAsync(stream, cli.Ct);
            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        await cli.Out.WriteLineAsync($"Backup written to {file}: {header.Tables.Count} tables, {header.TotalRows} rows, " +
                                     $"{new FileInfo(file).Length / 1024} KB (schema {header.Schema}).");
        return 0;
    }

    public static async Task<int> RestoreAsync(CliContext cli)
    {
        var file = Path.GetFullPath(cli.Arguments[0]);
        if (!File.Exists(file))
        {
            await cli.Error.WriteLineAsync($"restore: no such file {file}");
            return 1;
        }
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var result = await cli.Services.GetRequiredService<BackupService>()
            .RestoreAsync(stream, cli.Flags.Contains("--force"), AuditLog.Job("command-line"), cli.Ct);
        await (result.Succeeded ? cli.Out : cli.Error).WriteLineAsync(result.Message);
        return result.Succeeded ? 0 : 1;
    }
}

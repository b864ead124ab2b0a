using System.Data;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace BotAutoOrder.Domain.Backups;

/// <summary>
/// Backs up every table of the model into one gzip'd JSON document (provider-independent: a SQLite shop restores
/// into PostgreSQL and back), and restores such a document: validated in full first, then all rows replaced in one
/// transaction. Raw ADO.NET on the context's connection, names taken from the EF model.
/// </summary>
public sealed class BackupService(AppDbContext db, AuditLog audit, SettingsCache settingsCache, TimeProvider clock,
    ILogger<BackupService> log,
    RestoreLimits? limits = null)
{
    private readonly RestoreLimits _limits = limits ?? RestoreLimits.Default;

    public static string AppVersion { get; } =
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes a backup of the whole database to <paramref name="destination"/> (left open).</summary>
    public async Task<BackupHeader> WriteAsync(Stream destination, CancellationToken ct)
    {
        var tables = BackupSchema.Of(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await BeginSnapshotAsync(ct);
            var schema = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() ?? "";
            var writer = new BackupWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction(), tables);
            var infos = await writer.HashTablesAsync(ct);
            var header = new BackupHeader(BackupHeader.FormatName, BackupHeader.CurrentVersion, clock.GetUtcNow().UtcDateTime,
                AppVersion, schema, db.IsPostgres ? "Postgres" : "Sqlite", infos);
            await using (var gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true))
                await writer.WriteDocumentAsync(gzip, header, ct);
            await transaction.RollbackAsync(ct); // read-only: nothing to commit
            log.LogInformation("Backup written: {Tables} tables, {Rows} rows, schema {Schema}", infos.Count, header.TotalRows, schema);
            return header;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Replaces all data with the backup in <paramref name="file"/>. Refuses (and changes nothing) when the file is
    /// damaged, foreign or from other tables/columns, and when the database holds orders or buyers unless forced.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(Stream file, bool force, string actor, CancellationToken ct)
    {
        var tables = BackupSchema.Of(db);
        FileStream? copy = null;
        try
        {
            var source = file;
            if (!file.CanSeek)
            {
                copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                    FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await file.CopyToAsync(copy, ct);
                copy.Position = 0;
                source = copy;
            }
            var start = source.Position;
            BackupHeader header;
            try
            {
                header = await BackupFileCheck.ReadAsync(source, tables, _limits, onRow: null, ct);
            }
            catch (BackupFormatException e)
            {
                log.LogWarning("Restore refused: {Reason}", e.Message);
                return new RestoreResult(RestoreStatus.InvalidFile, $"Refused: {e.Message}. Nothing was changed.");
            }
            source.Position = start;
            return await ReplaceAllAsync(source, tables, header, force, actor, ct);
        }
        finally
        {
            if (copy is not null) await copy.DisposeAsync();
        }
    }

    /// <summary>Orders and payments created or paid after <paramref name="backupTakenAtUtc"/>: what a restore of that backup
    /// loses.</summary>
    public async Task<RestoreLoss> LossSinceAsync(DateTime backupTakenAtUtc, CancellationToken ct)
    {
        var orders = await db.Orders.CountAsync(o => o.CreatedAtUtc > backupTakenAtUtc || o.PaidAtUtc > backupTakenAtUtc, ct);
        var payments = await db.Payments.CountAsync(p => p.CreatedAtUtc > backupTakenAtUtc || p.AppliedAtUtc > backupTakenAtUtc, ct);
        var received = await db.Payments.Where(p => p.AppliedAtUtc > backupTakenAtUtc).SumAsync(p => (long?)p.TotalPayment, ct) ?? 0;
        return new RestoreLoss(orders, payments, received);
    }

    private async Task<RestoreResult> ReplaceAllAsync(Stream source, IReadOnlyList<BackupTable> tables, BackupHeader header,
        bool force, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var tx = transaction.GetDbTransaction();
        if (db.IsPostgres)
            await BackupSql.ExecuteAsync(connection, tx,
                $"LOCK TABLE {string.Join(", ", tables.Select(t => BackupSql.Quote(t.Name)))} IN ACCESS EXCLUSIVE MODE", ct);
        // Said before anything is replaced, so the operator decides knowing what goes (and the forced run reports it).
        var loss = await LossSinceAsync(header.CreatedAtUtc, ct);
        if (!force)
        {
            var orders = BackupSql.Quote(db.Model.FindEntityType(typeof(Order))!.GetTableName()!);
            var customers = BackupSql.Quote(db.Model.FindEntityType(typeof(Customer))!.GetTableName()!);
            var held = await BackupSql.ScalarAsync(connection, tx,
                $"SELECT (SELECT COUNT(*) FROM {orders}) + (SELECT COUNT(*) FROM {customers})", ct);
            if (held > 0 || loss.Any)
                return new RestoreResult(RestoreStatus.TargetNotEmpty,
                    "Refused: this database already holds orders or buyers" + (loss.Any ? $"; restoring would lose {loss}" : "") +
                    ". Restoring replaces ALL data; repeat with --force to do that. Nothing was changed.",
                    header, loss);
        }

        foreach (var table in tables.Reverse()) await BackupSql.ExecuteAsync(connection, tx, $"DELETE FROM {BackupSql.Quote(table.Name)}",
            ct);
        RowInserter? inserter = null;
        try
        {
            await BackupFileCheck.ReadAsync(source, tables, _limits, async (table, row) =>
            {
                if (inserter is null || !ReferenceEquals(inserter.Table, table))
                {
                    if (inserter is not null) await inserter.FlushAsync(ct);
                    inserter = new RowInserter(connection, tx, table);
                }
                await inserter.AddAsync(row, ct);
            }, ct);
            if (inserter is not null) await inserter.FlushAsync(ct);
        }
        catch (BackupFormatException e)
        {
            // The file changed between validation and restore: the transaction rolls back.
            return new RestoreResult(RestoreStatus.InvalidFile, $"Refused: {e.Message}. Nothing was changed.");
        }
        if (db.IsPostgres) await BackupSql.ResetSequencesAsync(connection, tx, tables, ct);

        audit.Record(actor, AuditActions.BackupRestored, "Database", null, new
        {
            header.CreatedAtUtc, header.AppVersion, header.Schema, header.Provider, Rows = header.TotalRows, Forced = force,
            lostOrders = loss.Orders, lostPayments = loss.Payments, lostReceived = loss.Received,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        settingsCache.Clear();
        log.LogInformation("Backup of {CreatedAt:O} restored: {Rows} rows", header.CreatedAtUtc, header.TotalRows);
        return new RestoreResult(RestoreStatus.Restored,
            $"Restored {header.TotalRows} rows in {header.Tables.Count} tables from the backup of {header.CreatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC " +
            $"({header.Provider}, schema {header.Schema})." + (loss.Any ? $" Dropped {loss}." : ""), header, loss);
    }

    private async Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            var pg = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", ct);
            return pg;
        }
        // Deferred: a read snapshot from the first SELECT on, without blocking the shop's writers (WAL).
        var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        return await db.Database.UseTransactionAsync(sqlite, ct) ?? throw new InvalidOperationException("no transaction");
    }
}

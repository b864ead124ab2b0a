using System.Data.Common;

namespace BotAutoOrder.Domain.Backups;

/// <summary>The little SQL the backup needs, valid on PostgreSQL and SQLite alike (double-quoted identifiers).</summary>
internal static class BackupSql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string SelectAll(BackupTable table) =>
        $"SELECT {string.Join(", ", table.Columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)} " +
        $"ORDER BY {string.Join(", ", table.Key.Select(Quote))}";

    public static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return command;
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>PostgreSQL: identity columns continue after the restored ids, so new rows never collide.</summary>
    public static async Task ResetSequencesAsync(DbConnection connection, DbTransaction tx,
        IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            foreach (var column in table.IdentityColumns)
            {
                var name = BackupSql.Quote(table.Name);
                await using var command = BackupSql.Command(connection, tx,
                    $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({BackupSql.Quote(column)}) FROM {name}), 0) + 1, false)");
                var t = command.CreateParameter();
                t.ParameterName = "@table";
                t.Value = name;
                command.Parameters.Add(t);
                var c = command.CreateParameter();
                c.ParameterName = "@column";
                c.Value = column;
                command.Parameters.Add(c);
                await command.ExecuteScalarAsync(ct);
            }
        }
    }
}

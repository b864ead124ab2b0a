using System.Data.Common;
using System.Text;

namespace BotAutoOrder.Domain.Backups;

/// <summary>Inserts rows into one table with their own keys, several rows per parameterised INSERT.</summary>
internal sealed class RowInserter(DbConnection connection, DbTransaction transaction, BackupTable table)
{
    private readonly int _batchSize = Math.Clamp(2000 / Math.Max(1, table.Columns.Count), 1, 500);
    private readonly List<object[]> _rows = [];
    private readonly string _prefix =
        $"INSERT INTO {BackupSql.Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => BackupSql.Quote(c.Name)))}) VALUES ";

    public BackupTable Table => table;
    public long Inserted { get; private set; }

    public async Task AddAsync(object[] row, CancellationToken ct)
    {
        _rows.Add(row);
        if (_rows.Count >= _batchSize) await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_rows.Count == 0) return;
        await using var command = BackupSql.Command(connection, transaction, "");
        var sql = new StringBuilder(_prefix);
        var n = 0;
        for (var r = 0; r < _rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + n;
                parameter.Value = _rows[r][c];
                command.Parameters.Add(parameter);
                sql.Append(c == 0 ? "@p" : ", @p").Append(n++);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
        Inserted += _rows.Count;
        _rows.Clear();
    }
}

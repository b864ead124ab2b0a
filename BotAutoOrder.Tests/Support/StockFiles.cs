using System.Text;
using Microsoft.Data.Sqlite;

namespace BotAutoOrder.Tests.Support;

/// <summary>Byte-level searches of what the shop writes to disk: the SQLite file with its WAL, and backup files.</summary>
public static class StockFiles
{
    /// <summary>The SQLite database file and its write-ahead log, read while the app may still hold them open.</summary>
    public static byte[] SqliteBytes(TestDatabase database)
    {
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        using var all = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal", path + "-journal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }
        return all.ToArray();
    }

    /// <summary>The texts among <paramref name="texts"/> whose UTF-8 bytes occur anywhere in <paramref name="bytes"/>.</summary>
    public static IReadOnlyList<string> Found(byte[] bytes, IEnumerable<string> texts) =>
        texts.Where(t => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(t)) >= 0).ToList();
}

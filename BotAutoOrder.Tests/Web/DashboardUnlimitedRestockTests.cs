using BotAutoOrder.Domain.Audit;
using System.Net;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>The product form (ADR-021): unlimited content is set there (sealed, shown masked) and the restock queue is counted.</summary>
public abstract class DashboardUnlimitedRestockTests(DatabaseProvider provider) : BuyingDashboardTestBase(provider)
{
    [Fact]
    public async Task ProductForm_MakesAProductUnlimited_AndShowsHowManyWaitForRestock()
    {
        var productId = await SeedProductAsync("KEY", "Lisensi Office", 30_000, items: 0);
        const long buyer = 45_001;
        await SendAsync(buyer, "/start");
        await ClickAsync(buyer, $"rst:{productId}");
        var owner = await OwnerAsync();
        var edit = $"/admin/products/edit/{productId}";
        Assert.Contains("Menunggu restok: <strong>1</strong>", await owner.GetPageAsync(edit));
        var categoryId = await App.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.CategoryId).SingleAsync());

        using var saved = await owner.PostFormAsync(edit, ("Input.Name", "Lisensi Office"), ("Input.CategoryId", categoryId.ToString()),
            ("Input.Price", "30000"), ("Input.IsActive", "true"), ("Input.IsUnlimited", "true"), ("Input.UnlimitedContent", "KEY-AAAA-BBBB-CCCC"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.True(await App.QueryAsync(db => db.Products.AnyAsync(p => p.Id == productId && p.IsUnlimited)));
        Assert.Equal(["KEY-AAAA-BBBB-CCCC"], await App.StockContentsAsync(s => s.ProductId == productId && s.Status == StockItemStatus.Unlimited));
        var page = await owner.GetPageAsync(edit);
        Assert.DoesNotContain("AAAA-BBBB", page); // shown masked only
        Assert.Contains("Menunggu restok: <strong>0</strong>", page); // the waiting buyer was told
        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Text?.Contains("tersedia lagi") == true, what: "restock alert");
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ProductUnlimitedSet && a.Actor == OwnerActor)));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Details != null && a.Details.Contains("AAAA"))));

        using var missing = await owner.PostFormAsync("/admin/products/edit", ("Input.Code", "NEWU"), ("Input.Name", "Baru"),
            ("Input.CategoryId", categoryId.ToString()), ("Input.Price", "1000"), ("Input.IsActive", "true"), ("Input.IsUnlimited", "true"));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode); // the form again, with the error
        Assert.False(await App.QueryAsync(db => db.Products.AnyAsync(p => p.Code == "NEWU")));
    }
}

public sealed class DashboardUnlimitedRestockPostgresTests() : DashboardUnlimitedRestockTests(DatabaseProvider.Postgres);

public sealed class DashboardUnlimitedRestockSqliteTests() : DashboardUnlimitedRestockTests(DatabaseProvider.Sqlite);

using System.Net;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Deactivating a category, product, voucher or dashboard user needs the "I am sure" tick (no JavaScript): a post
/// without it is refused with a message and changes nothing; with it the row is deactivated.
/// </summary>
public abstract class DashboardConfirmationTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private const string Refused = "Centang &quot;Saya yakin&quot; untuk konfirmasi.";
    private DashboardSeed Seed => new(App);

    [Fact]
    public async Task CategoryDeactivate_WithoutThenWithTheTick_RefusedThenDeactivated()
    {
        var categoryId = (await Seed.ProductAsync("CAT1")).CategoryId;
        var owner = await OwnerAsync();
        Assert.Contains("name=\"confirmed\" value=\"true\" required", await owner.GetPageAsync("/admin/categories"));

        await AssertRefusedAsync(owner, $"/admin/categories?handler=Active&id={categoryId}&active=false", "/admin/categories");
        Assert.True(await App.QueryAsync(db => db.Categories.Where(c => c.Id == categoryId).Select(c => c.IsActive).SingleAsync()));

        await AssertDoneAsync(owner, $"/admin/categories?handler=Active&id={categoryId}&active=false", "/admin/categories");
        Assert.False(await App.QueryAsync(db => db.Categories.Where(c => c.Id == categoryId).Select(c => c.IsActive).SingleAsync()));
        // switching back on takes nothing away: no tick needed
        using var on = await owner.PostFormAsync($"/admin/categories?handler=Active&id={categoryId}&active=true", [], "/admin/categories");
        Assert.DoesNotContain(Refused, await owner.FollowAsync(on));
        Assert.True(await App.QueryAsync(db => db.Categories.Where(c => c.Id == categoryId).Select(c => c.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task ProductDeactivate_WithoutThenWithTheTick_RefusedThenDeactivated()
    {
        var product = await Seed.ProductAsync("PRD1");
        var owner = await OwnerAsync();
        Assert.Contains("name=\"confirmed\" value=\"true\" required", await owner.GetPageAsync("/admin/products"));

        await AssertRefusedAsync(owner, $"/admin/products?handler=Active&id={product.Id}&active=false", "/admin/products");
        Assert.True(await App.QueryAsync(db => db.Products.Where(p => p.Id == product.Id).Select(p => p.IsActive).SingleAsync()));

        await AssertDoneAsync(owner, $"/admin/products?handler=Active&id={product.Id}&active=false", "/admin/products");
        Assert.False(await App.QueryAsync(db => db.Products.Where(p => p.Id == product.Id).Select(p => p.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task VoucherDeactivate_WithoutThenWithTheTick_RefusedThenDeactivated()
    {
        var voucherId = await App.QueryAsync(async db =>
        {
            var v = new Voucher("HEMAT5", VoucherKind.Flat, 5_000, DateTime.UtcNow);
            db.Vouchers.Add(v);
            await db.SaveChangesAsync();
            return v.Id;
        });
        var owner = await OwnerAsync();
        Assert.Contains("name=\"confirmed\" value=\"true\" required", await owner.GetPageAsync("/admin/vouchers"));

        await AssertRefusedAsync(owner, $"/admin/vouchers?handler=Active&id={voucherId}&active=false", "/admin/vouchers");
        Assert.True(await App.QueryAsync(db => db.Vouchers.Where(v => v.Id == voucherId).Select(v => v.IsActive).SingleAsync()));

        await AssertDoneAsync(owner, $"/admin/vouchers?handler=Active&id={voucherId}&active=false", "/admin/vouchers");
        Assert.False(await App.QueryAsync(db => db.Vouchers.Where(v => v.Id == voucherId).Select(v => v.IsActive).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.VoucherDeactivated && a.EntityId == voucherId.ToString())));
    }

    [Fact]
    public async Task UserDeactivateOrDemote_WithoutTheTick_IsRefusedButPromotionNeedsNone()
    {
        var owner = await OwnerAsync();
        await AdminAsync("seller@shop.test");
        var id = await App.QueryAsync(db => db.DashboardUsers.Where(u => u.Email == "seller@shop.test").Select(u => u.Id).SingleAsync());
        Assert.Contains("name=\"confirmed\" value=\"true\"", await owner.GetPageAsync("/admin/users"));

        await AssertRefusedAsync(owner, $"/admin/users?handler=Update&id={id}", "/admin/users", KeyValuePair.Create("role", "Admin"));
        Assert.True(await App.QueryAsync(db => db.DashboardUsers.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));

        using var promoted = await owner.PostFormAsync($"/admin/users?handler=Update&id={id}", [new("role", "Owner"), new("isActive", "true")], "/admin/users");
        Assert.DoesNotContain(Refused, await owner.FollowAsync(promoted));
        Assert.Equal(StaffRole.Owner, await App.QueryAsync(db => db.DashboardUsers.Where(u => u.Id == id).Select(u => u.Role).SingleAsync()));

        await AssertRefusedAsync(owner, $"/admin/users?handler=Update&id={id}", "/admin/users", KeyValuePair.Create("role", "Admin"), KeyValuePair.Create("isActive", "true"));
        Assert.Equal(StaffRole.Owner, await App.QueryAsync(db => db.DashboardUsers.Where(u => u.Id == id).Select(u => u.Role).SingleAsync()));

        await AssertDoneAsync(owner, $"/admin/users?handler=Update&id={id}", "/admin/users", KeyValuePair.Create("role", "Admin"));
        var user = await App.QueryAsync(db => db.DashboardUsers.SingleAsync(u => u.Id == id));
        Assert.Equal((StaffRole.Admin, false), (user.Role, user.IsActive));
    }

    private async Task AssertRefusedAsync(DashboardClient owner, string url, string page, params KeyValuePair<string, string>[] fields)
    {
        var audited = await App.QueryAsync(db => db.AuditEntries.CountAsync());
        using var response = await owner.PostFormAsync(url, fields, page);
        Assert.Contains(Refused, await owner.FollowAsync(response));
        Assert.Equal(audited, await App.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    private static async Task AssertDoneAsync(DashboardClient owner, string url, string page, params KeyValuePair<string, string>[] fields)
    {
        using var response = await owner.PostFormAsync(url, fields.Append(new("confirmed", "true")), page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(Refused, await owner.FollowAsync(response));
    }
}

public sealed class DashboardConfirmationPostgresTests() : DashboardConfirmationTests(DatabaseProvider.Postgres);

public sealed class DashboardConfirmationSqliteTests() : DashboardConfirmationTests(DatabaseProvider.Sqlite);

using System.Net;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Vouchers;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>The voucher rules live in the domain (<see cref="VoucherRules"/>); the page shows them and saves nothing.</summary>
public abstract class DashboardVoucherRulesTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private static (string, string)[] Form(string code, string value, string totalUses = "", string from = "", string until = "") =>
    [
        ("Input.Code", code), ("Input.Kind", "Percent"), ("Input.Value", value), ("Input.MinOrder", "0"), ("Input.MaxDiscount", ""),
        ("Input.TotalUses", totalUses), ("Input.UsesPerBuyer", ""), ("Input.ValidFrom", from), ("Input.ValidUntil", until),
        ("Input.IsActive", "true"),
    ];

    private static string ErrorFor(string html, string field) =>
        Regex.Match(html, $"data-valmsg-for=\"Input\\.{field}\"[^>]*>([^<]*)<").Groups[1].Value;

    [Fact]
    public async Task Create_PercentOver100AndWindowBackwards_ShowsBothProblemsAndSavesNothing()
    {
        var owner = await OwnerAsync();

        using var bad = await owner.PostFormAsync("/admin/vouchers/edit", Form("LEBIH", "150", from: "2026-02-01T10:00", until: "2026-02-01T09:00"));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.NotEmpty(ErrorFor(html, "Value"));
        Assert.NotEmpty(ErrorFor(html, "ValidUntil"));
        Assert.Equal(0, await App.QueryAsync(db => db.Vouchers.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Voucher")));
    }

    [Fact]
    public async Task Edit_TotalUsesBelowUsed_IsRefusedAndChangesNothing()
    {
        var owner = await OwnerAsync();
        await owner.FollowAsync(await owner.PostFormAsync("/admin/vouchers/edit", Form("TIGA", "10", totalUses: "10")));
        var id = await App.QueryAsync(db => db.Vouchers.Select(v => v.Id).SingleAsync());
        await App.QueryAsync(db => db.Vouchers.ExecuteUpdateAsync(s => s.SetProperty(v => v.UsedCount, 3)));

        using var bad = await owner.PostFormAsync($"/admin/vouchers/edit/{id}", Form("TIGA", "10", totalUses: "2"));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("3", ErrorFor(await bad.Content.ReadAsStringAsync(), "TotalUses"));
        Assert.Equal(10, await App.QueryAsync(db => db.Vouchers.Select(v => v.TotalUses).SingleAsync()));
        using var good = await owner.PostFormAsync($"/admin/vouchers/edit/{id}", Form("TIGA", "10", totalUses: "3"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(3, await App.QueryAsync(db => db.Vouchers.Select(v => v.TotalUses).SingleAsync()));
    }
}

public sealed class DashboardVoucherRulesPostgresTests() : DashboardVoucherRulesTests(DatabaseProvider.Postgres);

public sealed class DashboardVoucherRulesSqliteTests() : DashboardVoucherRulesTests(DatabaseProvider.Sqlite);

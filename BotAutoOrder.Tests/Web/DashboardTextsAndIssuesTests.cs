using System.Net;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>Bot texts editor (placeholders, Telegram HTML, preview, reset; the bot uses an edit at once) and reconciliation items.</summary>
public abstract class DashboardTextsAndIssuesTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private const string Greeting = "/admin/texts/edit?key=start.greeting";

    private static Task<HttpResponseMessage> PostText(DashboardClient client, string handler, string lang, string? text = null) =>
        client.PostFormAsync($"{Greeting}&handler={handler}&lang={lang}",
            text is null ? [] : [new KeyValuePair<string, string>("Input.Text", text)], formPage: Greeting);

    private Task<string?> OverrideAsync(string lang) => App.QueryAsync(db =>
        db.BotTextOverrides.Where(o => o.Key == "start.greeting" && o.Language == lang).Select(o => o.Text).FirstOrDefaultAsync());

    [Fact]
    public async Task EditedGreeting_IsUsedByTheBotsNextStart_AndResetRestoresTheDefault()
    {
        var owner = await OwnerAsync();
        Assert.Contains("start.greeting", await owner.GetPageAsync("/admin/texts"));
        await App.PostUpdateAsync(Client, Updates.Text(7100, "/start", "Dodi")); // the bot has loaded (and cached) the texts
        await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7100 && c.Text!.Contains("Selamat datang"), what: "first greeting");

        var saved = await owner.FollowAsync(await PostText(owner, "Save", "id", "👋 Halo <b>{name}</b>, selamat datang di toko BARU {store}!"));

        Assert.Contains("Teks start.greeting (id) disimpan.", saved);
        Assert.Contains("Isian {products} tidak dipakai", saved); // a missing listed placeholder is a warning, saving allowed
        Assert.Equal("👋 Halo <b>{name}</b>, selamat datang di toko BARU {store}!", await OverrideAsync("id"));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.BotTextSaved && a.EntityId == "start.greeting:id" && a.Actor == "admin:" + OwnerEmail)));
        await App.PostUpdateAsync(Client, Updates.Text(7101, "/start", "Sari"));
        var greeting = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7101 && c.Text!.Contains("Sari"), what: "greeting");
        Assert.Equal("👋 Halo <b>Sari</b>, selamat datang di toko BARU Toko Uji!", greeting.Text);

        var reset = await owner.FollowAsync(await PostText(owner, "Reset", "id"));

        Assert.Contains("dikembalikan ke bawaan", reset);
        Assert.Null(await OverrideAsync("id"));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.BotTextReset)));
        await App.PostUpdateAsync(Client, Updates.Text(7102, "/start", "Rina"));
        var again = await Bot.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == 7102 && c.Text!.Contains("Rina"), what: "default greeting");
        Assert.Contains("Selamat datang di <b>Toko Uji</b>", again.Text);
    }

    [Fact]
    public async Task TextSave_UnknownPlaceholder_IsRefusedAndSavesNothing()
    {
        var owner = await OwnerAsync();

        using var response = await PostText(owner, "Save", "en", "Hi {name}, your {voucher_code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Isian {voucher_code} tidak dikenal", html);
        Assert.Null(await OverrideAsync("en"));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.BotTextSaved)));
    }

    [Fact]
    public async Task ScriptInATemplate_IsEscapedInThePreview_AndRefusedAsTelegramHtml()
    {
        var owner = await OwnerAsync();

        using var response = await PostText(owner, "Save", "id", "Halo {name} <script>alert(1)</script> <b>tebal</b> <i>miring");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("<b>tebal</b>", html); // supported tags are rendered as Telegram would
        Assert.Contains("Telegram akan menolak pesan ini", html);
        Assert.Contains("&lt;i&gt; tidak pernah ditutup.", html);
        Assert.Null(await OverrideAsync("id"));
    }

    [Fact]
    public async Task PaymentIssues_AreListedWithAHomeBadge_AndResolvedWithANote()
    {
        var issueId = await App.QueryAsync(async db =>
        {
            var issue = new PaymentIssue(PaymentIssueKind.AmountMismatch, null, "INV-ISSUE-1", 47_000, "<b>gateway</b> said 1.000", DateTime.UtcNow);
            db.PaymentIssues.Add(issue);
            await db.SaveChangesAsync();
            return issue.Id;
        });
        var owner = await OwnerAsync();
        Assert.Matches("id=\"open-issues\">1<", await owner.GetPageAsync("/admin"));
        var list = await owner.GetPageAsync("/admin/payments/issues");
        Assert.Contains("INV-ISSUE-1", list);
        Assert.Contains("&lt;b&gt;gateway&lt;/b&gt;", list);
        Assert.Contains("Nominal tidak cocok", list);

        using var noNote = await owner.PostFormAsync($"/admin/payments/issues?handler=Resolve&issueId={issueId}", [("Input.Note", "")]);
        Assert.Contains("Wajib diisi", await noNote.Content.ReadAsStringAsync());
        Assert.Null(await App.QueryAsync(db => db.PaymentIssues.Where(i => i.Id == issueId).Select(i => i.ResolvedAtUtc).SingleAsync()));

        var done = await owner.FollowAsync(await owner.PostFormAsync($"/admin/payments/issues?handler=Resolve&issueId={issueId}", [("Input.Note", "refund manual ke pembeli")]));

        Assert.Contains("Item diselesaikan.", done);
        Assert.DoesNotContain("INV-ISSUE-1", done);
        var issue = await App.QueryAsync(db => db.PaymentIssues.SingleAsync(i => i.Id == issueId));
        Assert.Equal("admin:" + OwnerEmail, issue.ResolvedBy);
        Assert.Equal("refund manual ke pembeli", issue.ResolutionNote);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PaymentIssueResolved && a.EntityId == issueId.ToString())));
        Assert.Matches("id=\"open-issues\">0<", await owner.GetPageAsync("/admin"));
        Assert.Contains("INV-ISSUE-1", await owner.GetPageAsync("/admin/payments/issues?resolved=true"));
    }
}

public sealed class DashboardTextsAndIssuesPostgresTests() : DashboardTextsAndIssuesTests(DatabaseProvider.Postgres);

public sealed class DashboardTextsAndIssuesSqliteTests() : DashboardTextsAndIssuesTests(DatabaseProvider.Sqlite);

public sealed class BotTextCatalogListTests
{
    [Fact]
    public void EditorTemplates_HoldEveryCatalogTemplate_WithoutNulls()
    {
        var templates = BotAutoOrder.Web.Dashboard.BotTextEditor.Templates;
        Assert.DoesNotContain(templates, t => t is null);
        Assert.Contains(templates, t => t.Key == "start.greeting");
        Assert.Contains(templates, t => t.Key == "delivery.header"); // from the Shopping part of the partial class
        Assert.Contains(templates, t => t.Key == "button.my_orders"); // from the Account part
        Assert.Equal(templates.Count, templates.Select(t => t.Key).Distinct().Count());
    }
}

using System.Net;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Customers;
using BotAutoOrder.Domain.Messaging;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Terms;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>The SNK proofs pages: list, detail, approve/reject through TermsService (buyer told via the Bot API double), photo proxy.</summary>
public abstract class DashboardProofsTests(DatabaseProvider provider) : DashboardTestBase(provider)
{
    private const string Hostile = "<script>alert('x')</script> & <b>beres</b>";

    /// <summary>A paid order of a product with terms and a submitted proof from its buyer.</summary>
    private async Task<(Customer Buyer, TermsProof Proof, string Invoice)> SeedProofAsync(long telegramId, string code, string? text, string? photoFileId = null,
        string firstName = "Budi")
    {
        var seed = new DashboardSeed(App);
        var product = await seed.ProductAsync(code, "Netflix " + code);
        var buyer = await seed.CustomerAsync(telegramId, firstName);
        var invoice = "INV-" + code;
        var order = await seed.OrderAsync(buyer, product, 1, OrderStatus.Paid, invoice);
        var proof = await App.QueryAsync(async db =>
        {
            var p = new TermsProof(order.Id, product.Id, buyer.Id, DateTime.UtcNow);
            p.Submit(text, photoFileId, DateTime.UtcNow);
            db.TermsProofs.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        return (buyer, proof, invoice);
    }

    private Task<TermsProof> ProofAsync(long id) => App.QueryAsync(db => db.TermsProofs.AsNoTracking().SingleAsync(p => p.Id == id));

    private Task<HttpResponseMessage> Review(DashboardClient client, long id, string handler, string note) =>
        client.PostFormAsync($"/admin/proofs/{id}?handler={handler}", ("Input.Note", note));

    [Fact]
    public async Task List_HostileProofTextAndName_AreHtmlEncoded()
    {
        var (_, proof, invoice) = await SeedProofAsync(41_001, "SNK1", Hostile, firstName: "<i>Budi</i>");
        var admin = await AdminAsync();

        var html = await admin.GetPageAsync("/admin/proofs");

        Assert.Contains($"href=\"/admin/proofs/{proof.Id}\"", html);
        Assert.Contains(invoice, html);
        Assert.Contains("Netflix SNK1", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;beres&lt;/b&gt;", html);
        Assert.Contains("&lt;i&gt;Budi&lt;/i&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<i>Budi</i>", html);
    }

    [Fact]
    public async Task List_StatusFilter_ShowsOnlyProofsInThatStatus()
    {
        var (_, _, waitingInvoice) = await SeedProofAsync(41_003, "SNK7", "belum");
        var (_, reviewed, reviewedInvoice) = await SeedProofAsync(41_002, "SNK2", "sudah");
        await App.QueryAsync(db => db.TermsProofs.Where(p => p.Id == reviewed.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, TermsProofStatus.Approved)));
        var admin = await AdminAsync();

        var waiting = await admin.GetPageAsync("/admin/proofs");
        var approved = await admin.GetPageAsync("/admin/proofs?status=Approved");
        var all = await admin.GetPageAsync("/admin/proofs?status=All");

        Assert.Contains(waitingInvoice, waiting); // default filter: waiting for review
        Assert.DoesNotContain(reviewedInvoice, waiting);
        Assert.Contains(reviewedInvoice, approved);
        Assert.DoesNotContain(waitingInvoice, approved);
        Assert.Contains(reviewedInvoice, all);
        Assert.Contains(waitingInvoice, all);
    }

    [Fact]
    public async Task Detail_HostileProofText_IsHtmlEncoded()
    {
        var (_, proof, _) = await SeedProofAsync(41_004, "SNK8", Hostile);
        var admin = await AdminAsync();

        var detail = await admin.GetPageAsync($"/admin/proofs/{proof.Id}");

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", detail);
        Assert.DoesNotContain("<script>alert", detail);
    }

    [Fact]
    public async Task Approve_WithNote_ApprovesAuditsAndTellsTheBuyerEscaped()
    {
        var (buyer, proof, _) = await SeedProofAsync(41_011, "SNK3", "sudah follow");
        var admin = await AdminAsync();

        var page = await admin.FollowAsync(await Review(admin, proof.Id, "Approve", "Mantap <b>ok</b> & lanjut"));

        Assert.Contains("Bukti disetujui; pembeli sudah diberi tahu.", page);
        var stored = await ProofAsync(proof.Id);
        Assert.Equal(TermsProofStatus.Approved, stored.Status);
        Assert.Equal("Mantap <b>ok</b> & lanjut", stored.ReviewNote);
        Assert.Equal("admin:admin@shop.test", stored.ReviewedBy);
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditActions.TermsApproved && a.EntityId == proof.Id.ToString() && a.Actor == "admin:admin@shop.test")));
        var told = await Bot.WaitForSentAsync("sendMessage", buyer.TelegramUserId, BotTextCatalog.TermsApproved,
            ("product", "Netflix SNK3"), ("note", "Mantap <b>ok</b> & lanjut"));
        Assert.Contains("Mantap &lt;b&gt;ok&lt;/b&gt; &amp; lanjut", told.Text); // the note escaped, spelled out
    }

    [Fact]
    public async Task Reject_WithoutNote_IsRefusedAndChangesNothing()
    {
        var (_, proof, _) = await SeedProofAsync(41_021, "SNK4", "sudah");
        var admin = await AdminAsync();

        using var response = await Review(admin, proof.Id, "Reject", "   ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Catatan wajib diisi untuk menolak bukti.", await response.Content.ReadAsStringAsync());
        var stored = await ProofAsync(proof.Id);
        Assert.Equal(TermsProofStatus.Submitted, stored.Status);
        Assert.Null(stored.ReviewedBy);
        Assert.Equal(0, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("terms."))));
        Assert.Equal(0, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.TermsReviewed)));
    }

    [Fact]
    public async Task Reject_WithNote_RejectsAndTellsTheBuyerTheNote()
    {
        var (buyer, proof, _) = await SeedProofAsync(41_022, "SNK9", "sudah");
        var admin = await AdminAsync();

        var page = await admin.FollowAsync(await Review(admin, proof.Id, "Reject", "Foto buram"));

        Assert.Contains("Bukti ditolak; pembeli sudah diberi tahu.", page);
        Assert.Equal(TermsProofStatus.Rejected, (await ProofAsync(proof.Id)).Status);
        await Bot.WaitForSentAsync("sendMessage", buyer.TelegramUserId, BotTextCatalog.TermsRejected,
            ("product", "Netflix SNK9"), ("note", "Foto buram"));
    }

    [Fact]
    public async Task Photo_SignedInStaff_IsStreamedFromTheBotApiWithoutTheToken()
    {
        var (_, proof, _) = await SeedProofAsync(41_031, "SNK5", null, photoFileId: "AgACAgUAAxkBAAIB-proof-photo");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7 % 251)), 0xFF, 0xD9];
        Bot.Files["photos/file_1.jpg"] = jpeg;
        var admin = await AdminAsync();

        var detail = await admin.GetPageAsync($"/admin/proofs/{proof.Id}");
        using var response = await admin.GetAsync($"/admin/proofs/{proof.Id}/photo");

        Assert.Contains($"src=\"/admin/proofs/{proof.Id}/photo\"", detail);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(jpeg, body);
        Assert.Equal("AgACAgUAAxkBAAIB-proof-photo", Assert.Single(Bot.CallsOf("getFile")).Str("file_id"));
        Assert.Equal(1, Bot.FileDownloads);
        var headers = response.Headers.ToString() + response.Content.Headers;
        foreach (var secret in new[] { BotApiDouble.Token, Bot.BaseUrl })
        {
            Assert.DoesNotContain(secret, headers);
            Assert.DoesNotContain(secret, detail);
            Assert.DoesNotContain(secret, System.Text.Encoding.Latin1.GetString(body));
        }
    }

    [Fact]
    public async Task Photo_ProofWithoutPhotoOrUnknownProof_Is404()
    {
        var (_, textOnly, _) = await SeedProofAsync(41_032, "SNK6", "tanpa foto");
        var admin = await AdminAsync();

        using var noPhoto = await admin.GetAsync($"/admin/proofs/{textOnly.Id}/photo");
        using var missing = await admin.GetAsync("/admin/proofs/999999/photo");

        Assert.Equal(HttpStatusCode.NotFound, noPhoto.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(Bot.CallsOf("getFile"));
    }

    [Fact]
    public async Task Photo_Anonymous_IsSentToSignInWithoutReachingTheBotApi()
    {
        var (_, proof, _) = await SeedProofAsync(41_033, "SNK0", null, photoFileId: "AgACAgUAAxkBAAIB-proof-photo");

        using var anonymous = await NewClient().GetAsync($"/admin/proofs/{proof.Id}/photo");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery);
        Assert.Empty(Bot.CallsOf("getFile"));
    }
}

public sealed class DashboardProofsSqliteTests() : DashboardProofsTests(DatabaseProvider.Sqlite);

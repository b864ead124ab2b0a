using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Dashboard.TwoFactor;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// Two-factor sign-in (ADR-016): enrolment at /admin/account/two-factor, the second step with a TOTP or a one-time
/// recovery code, lockout counting second-step failures, the remembered device, and the owner's "require 2FA" setting.
/// </summary>
public sealed partial class DashboardTwoFactorTests() : DashboardTestBase(DatabaseProvider.Sqlite)
{
    [Theory] // RFC 6238 appendix B, SHA-1 rows (the algorithm authenticator apps use)
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Totp_Rfc6238TestVector_MatchesTheExpectedCode(long unixSeconds, string expected)
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, TotpCodes.Compute(secret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime, digits: 8));
    }

    [Fact]
    public async Task Enable_ValidCode_StoresTheSecretProtectedAndOnlyHashedRecoveryCodes()
    {
        var owner = await OwnerAsync();

        var (secret, codes) = await EnrolAsync(owner);

        Assert.Equal(10, codes.Count);
        var stored = await App.QueryAsync(db => db.DashboardUsers.SingleAsync(u => u.Email == OwnerEmail));
        Assert.DoesNotContain(secret, stored.TwoFactorSecret); // protected at rest
        Assert.DoesNotContain(codes[0].Replace("-", ""), stored.RecoveryCodeHashes); // hashes only
        Assert.Contains(AuditActions.AuthTwoFactorEnabled, await App.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task SignIn_PasswordOnlyWithTwoFactor_AsksForTheSecondStepAndSignsNobodyIn()
    {
        await EnrolAsync(await OwnerAsync());
        var browser = NewClient();

        using (var password = await browser.SignInAsync(OwnerEmail, OwnerPassword))
            Assert.StartsWith("/login/two-factor", password.Headers.Location!.ToString());
        using var notYet = await browser.GetAsync("/admin");

        Assert.StartsWith("/login", notYet.Headers.Location!.PathAndQuery); // the password alone signs nobody in
    }

    [Fact]
    public async Task SecondStep_WrongCode_IsRefusedAndAudited()
    {
        await EnrolAsync(await OwnerAsync());
        var browser = NewClient();
        (await browser.SignInAsync(OwnerEmail, OwnerPassword)).Dispose();

        using var wrong = await SecondStepAsync(browser, "000000");

        Assert.Contains("Kode salah atau sudah dipakai", await wrong.Content.ReadAsStringAsync());
        Assert.Contains(AuditActions.AuthTwoFactorFailed, await App.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
        using var notYet = await browser.GetAsync("/admin");
        Assert.StartsWith("/login", notYet.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SecondStep_RecoveryCode_SignsInOnceInAnyCase()
    {
        var (_, codes) = await EnrolAsync(await OwnerAsync());
        var browser = NewClient();
        (await browser.SignInAsync(OwnerEmail, OwnerPassword)).Dispose();

        using (var recovery = await SecondStepAsync(browser, codes[0].ToUpperInvariant()))
            Assert.Equal("/admin", recovery.Headers.Location!.ToString());
        await browser.GetPageAsync("/admin");
        var second = NewClient();
        (await second.SignInAsync(OwnerEmail, OwnerPassword)).Dispose();
        using var reused = await SecondStepAsync(second, codes[0]);

        Assert.Contains("Kode salah atau sudah dipakai", await reused.Content.ReadAsStringAsync()); // spent
        Assert.Equal(9, (await App.QueryAsync(db => db.DashboardUsers.SingleAsync(u => u.Email == OwnerEmail))).RecoveryCodesLeft);
    }

    [Fact]
    public async Task SecondStep_CurrentTotp_SignsIn()
    {
        var (secret, _) = await EnrolAsync(await OwnerAsync());
        var browser = NewClient();
        (await browser.SignInAsync(OwnerEmail, OwnerPassword)).Dispose();

        using (var totp = await SecondStepAsync(browser, Code(secret, 30)))
            Assert.Equal("/admin", totp.Headers.Location!.ToString());

        await browser.GetPageAsync("/admin");
    }

    [Fact]
    public async Task SecondStep_FailuresAcrossARightPassword_CountTowardsTheLockout()
    {
        await EnrolAsync(await OwnerAsync());
        var attacker = NewClient();
        (await attacker.SignInAsync(OwnerEmail, OwnerPassword)).Dispose();
        for (var i = 0; i < 2; i++) (await SecondStepAsync(attacker, "111111")).Dispose();
        (await attacker.SignInAsync(OwnerEmail, OwnerPassword)).Dispose(); // the right password does not wipe the count
        for (var i = 0; i < 2; i++) (await SecondStepAsync(attacker, "222222")).Dispose();
        using var fifth = await SecondStepAsync(attacker, "333333");

        Assert.Contains("terkunci", await fifth.Content.ReadAsStringAsync());
        var user = await App.QueryAsync(db => db.DashboardUsers.SingleAsync(u => u.Email == OwnerEmail));
        Assert.True(user.LockoutEndUtc > DateTime.UtcNow.AddMinutes(14));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AuthLockedOut)));
    }

    [Fact]
    public async Task SignIn_RememberedDevice_SkipsTheSecondStepOnThatBrowserOnly()
    {
        var owner = await OwnerAsync();
        var (_, codes) = await EnrolAsync(owner);
        var browser = NewClient();
        (await browser.SignInAsync(OwnerEmail, OwnerPassword)).Dispose();
        (await SecondStepAsync(browser, codes[0], remember: true)).Dispose();
        (await browser.PostFormAsync("/logout", [], formPage: "/logout")).Dispose();

        using (var again = await browser.SignInAsync(OwnerEmail, OwnerPassword))
            Assert.Equal("/admin", again.Headers.Location!.ToString());
        using (var other = await NewClient().SignInAsync(OwnerEmail, OwnerPassword))
            Assert.StartsWith("/login/two-factor", other.Headers.Location!.ToString()); // only that browser is remembered
    }

    [Fact]
    public async Task RequireTwoFactor_StaffWithoutIt_SentToEnrolment()
    {
        var admin = await AdminAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SettingsService>();
            await settings.SaveAsync(await settings.GetAsync(default) with { RequireTwoFactor = true }, "admin:" + OwnerEmail, default);
        }

        foreach (var page in new[] { "/admin", "/admin/orders" })
        {
            using var sent = await admin.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/admin/account/two-factor", sent.Headers.Location!.ToString());
        }
        Assert.Contains("mewajibkan", await admin.GetPageAsync("/admin/account/two-factor"));
        await EnrolAsync(admin);
        await admin.GetPageAsync("/admin/orders"); // enrolled: the dashboard opens again
    }

    private static async Task<(string Secret, IReadOnlyList<string> Codes)> EnrolAsync(DashboardClient client)
    {
        var page = await client.GetPageAsync("/admin/account/two-factor");
        var secret = KeyPattern().Match(page).Groups[1].Value;
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        Assert.Contains("<svg", page); // the QR code
        using var enabled = await client.PostFormAsync("/admin/account/two-factor?handler=Enable", ("token", token), ("code", Code(secret, 0)));
        var html = await enabled.Content.ReadAsStringAsync();
        var codes = CodesPattern().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.True(codes.Count == 10, html);
        return (secret, codes);
    }

    private static Task<HttpResponseMessage> SecondStepAsync(DashboardClient client, string code, bool remember = false) =>
        client.PostFormAsync("/login/two-factor", ("Input.Code", code), ("Input.RememberDevice", remember ? "true" : "false"));

    /// <summary>The code an authenticator app shows <paramref name="aheadSeconds"/> from now (each step is accepted once).</summary>
    private static string Code(string secret, int aheadSeconds) =>
        TotpCodes.Compute(Base32Encoding.ToBytes(secret), DateTime.UtcNow.AddSeconds(aheadSeconds));

    [GeneratedRegex("id=\"two-factor-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("\\b[a-z2-7]{5}-[a-z2-7]{5}\\b")]
    private static partial Regex CodesPattern();
}

using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Dashboard.TwoFactor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace BotAutoOrder.Web.Pages.Admin.Account;

/// <summary>
/// <c>/admin/account/two-factor</c>: enrol (scan the QR, confirm with a code, see the ten recovery codes once) or turn
/// two-factor sign-in off with a current code (not while the shop requires it).
/// </summary>
public sealed class TwoFactorModel(AppDbContext db, TwoFactorService twoFactor, SettingsService settings, UserStampCache stamps)
    : AdminPageModel
{
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? Secret { get; private set; }
    public string? Token { get; private set; }
    public string? QrSvg { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(null) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnableAsync(string? token, string? code)
    {
        var userId = User.UserId()!.Value;
        var secret = twoFactor.PendingSecret(userId, token);
        if (secret is null)
        {
            StatusMessage = T["The enrolment expired. Scan the new code and try again."];
            StatusIsError = true;
            return await LoadAsync(null) ? Page() : NotFound();
        }
        var codes = await twoFactor.EnableAsync(userId, secret, code ?? "", Aborted);
        if (codes is null)
        {
            ModelState.AddModelError("", T["Wrong code. Check the time on your phone and try again."]);
            return await LoadAsync((secret, token!)) ? Page() : NotFound();
        }
        await ReissueCookieAsync(userId);
        RecoveryCodes = codes; // shown once, on this response only
        return await LoadAsync(null) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? code)
    {
        if ((await settings.GetAsync(Aborted)).RequireTwoFactor)
            return Done(T["The shop requires two-factor sign-in for all staff; it cannot be turned off."], error: true);
        var userId = User.UserId()!.Value;
        if (!await twoFactor.DisableAsync(userId, code ?? "", Aborted)) return Done(T["Wrong code. Nothing changed."], error: true);
        await ReissueCookieAsync(userId);
        return Done(T["Two-factor sign-in is off."]);
    }

    private async Task ReissueCookieAsync(long userId)
    {
        var user = await db.DashboardUsers.AsNoTracking().FirstAsync(u => u.Id == userId, Aborted);
        stamps.Evict(userId);
        await TwoFactorCookies.SignInAsync(HttpContext, user);
    }

    private async Task<bool> LoadAsync((string Secret, string Token)? pending)
    {
        var user = await db.DashboardUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Id == User.UserId(), Aborted);
        if (user is null) return false;
        Enabled = user.HasTwoFactor;
        RecoveryCodesLeft = user.RecoveryCodesLeft;
        Required = (await settings.GetAsync(Aborted)).RequireTwoFactor;
        if (Enabled) return true;
        (Secret, Token) = pending ?? twoFactor.StartEnrolment(user.Id);
        var store = (await settings.GetAsync(Aborted)).StoreName;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(TotpCodes.Uri(store, user.Email, Secret), QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using BotAutoOrder.Domain.Settings;
using BotAutoOrder.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace BotAutoOrder.Web.Pages.Admin.Settings;

/// <summary>Owner only: the shop rules (stored over the configured <c>Shop:*</c> defaults).</summary>
public sealed class IndexModel(SettingsService settings) : AdminPageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required"), StringLength(100, ErrorMessage = "At most {1} characters"), Display(Name = "Store name")]
        public string StoreName { get; set; } = "";
        [Range(1, 1440, ErrorMessage = "Between {1} and {2}"), Display(Name = "Invoice expiry (minutes)")]
        public int InvoiceExpiryMinutes { get; set; }
        [Range(1, long.MaxValue, ErrorMessage = "At least {1}"), Display(Name = "Minimum deposit (Rp)")]
        public long DepositMin { get; set; }
        [Range(1, long.MaxValue, ErrorMessage = "At least {1}"), Display(Name = "Maximum deposit (Rp)")]
        public long DepositMax { get; set; }
        [Range(1, 10_000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Anti-spam: actions per window")]
        public int SpamMaxActions { get; set; }
        [Range(1, 3600, ErrorMessage = "Between {1} and {2}"), Display(Name = "Anti-spam: window (seconds)")]
        public int SpamWindowSeconds { get; set; }
        [Range(0, 1_000_000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Default low-stock threshold")]
        public int LowStockThreshold { get; set; }
        [Range(1, 30, ErrorMessage = "Between {1} and {2}"), Display(Name = "Send rate (messages per second)")]
        public int SendRatePerSecond { get; set; }
        [RegularExpression("^@?[A-Za-z0-9_]{0,32}$", ErrorMessage = "A Telegram username: letters, digits and _"),
            Display(Name = "Contact username")]
        public string? ContactUsername { get; set; }
        [Range(0, 3650, ErrorMessage = "Between {1} and {2}"), Display(Name = "Keep SNK proofs (days, 0 = forever)")]
        public int ProofRetentionDays { get; set; }
        [Range(0, 3650, ErrorMessage = "Between {1} and {2}"), Display(Name = "Keep backups (days, 0 = no scheduled backups)")]
        public int BackupRetentionDays { get; set; }
        [Display(Name = "Paid broadcasts (allow_paid_broadcast: 0.1 Star per message from the bot's balance)")]
        public bool PaidBroadcasts { get; set; }
        [Range(1, 1000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Paid broadcast rate (messages per second)")]
        public int PaidBroadcastRatePerSecond { get; set; } = 300;
        [Display(Name = "Require two-factor sign-in for all staff")]
        public bool RequireTwoFactor { get; set; }
        /// <summary>Null when the form did not carry it (an older form): the stored value is kept.</summary>
        [Display(Name = "Late payment credit: what the buyer paid (incl. gateway fee)")]
        public bool? LateCreditTotalPayment { get; set; }
        /// <summary>Null when the form did not carry it: the stored value is kept (ADR-020).</summary>
        [Display(Name = "Warranty claims: replace automatically when stock exists")]
        public bool? ClaimsAutoReplace { get; set; }
        [Range(0, 1000, ErrorMessage = "Between {1} and {2}"), Display(Name = "Automatic replacements per buyer per period")]
        public int? ClaimsAutoReplaceMax { get; set; }
        [Range(1, 365, ErrorMessage = "Between {1} and {2}"), Display(Name = "Automatic replacement period (days)")]
        public int? ClaimsAutoReplaceDays { get; set; }
        /// <summary>Null when the form did not carry it: the stored value is kept.</summary>
        [Display(Name = "Testimony channel id (0 = off; the bot must be an admin there)")]
        public long? TestimonyChannelId { get; set; }
    }

    public async Task OnGetAsync()
    {
        var s = await settings.GetAsync(Aborted);
        Input = new InputModel
        {
            StoreName = s.StoreName, InvoiceExpiryMinutes = s.InvoiceExpiryMinutes, DepositMin = s.DepositMin, DepositMax = s.DepositMax,
            SpamMaxActions = s.SpamMaxActions, SpamWindowSeconds = s.SpamWindowSeconds, LowStockThreshold = s.LowStockThreshold,
            SendRatePerSecond = s.SendRatePerSecond, ContactUsername = s.ContactUsername,
            ProofRetentionDays = s.ProofRetentionDays, BackupRetentionDays = s.BackupRetentionDays,
            RequireTwoFactor = s.RequireTwoFactor,
            LateCreditTotalPayment = s.LateCreditTotalPayment,
            PaidBroadcasts = s.PaidBroadcasts, PaidBroadcastRatePerSecond = s.PaidBroadcastRatePerSecond,
            ClaimsAutoReplace = s.ClaimsAutoReplace, ClaimsAutoReplaceMax = s.ClaimsAutoReplaceMax,
                ClaimsAutoReplaceDays = s.ClaimsAutoReplaceDays,
            TestimonyChannelId = s.TestimonyChannelId,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.DepositMax < Input.DepositMin)
            ModelState.AddModelError("Input.DepositMax", T["Must not be below the minimum deposit"]);
        if (!ModelState.IsValid) return Page();
        var current = await settings.GetAsync(Aborted);
        await settings.SaveAsync(current with
        {
            StoreName = Input.StoreName.Trim(), InvoiceExpiryMinutes = Input.InvoiceExpiryMinutes, DepositMin = Input.DepositMin,
            DepositMax = Input.DepositMax, SpamMaxActions = Input.SpamMaxActions, SpamWindowSeconds = Input.SpamWindowSeconds,
            LowStockThreshold = Input.LowStockThreshold, SendRatePerSecond = Input.SendRatePerSecond,
            ContactUsername = (Input.ContactUsername ?? "").Trim().TrimStart('@'),
            ProofRetentionDays = Input.ProofRetentionDays, BackupRetentionDays = Input.BackupRetentionDays,
            RequireTwoFactor = Input.RequireTwoFactor,
            LateCreditTotalPayment = Input.LateCreditTotalPayment ?? current.LateCreditTotalPayment,
            PaidBroadcasts = Input.PaidBroadcasts, PaidBroadcastRatePerSecond = Input.PaidBroadcastRatePerSecond,
            ClaimsAutoReplace = Input.ClaimsAutoReplace ?? current.ClaimsAutoReplace,
            ClaimsAutoReplaceMax = Input.ClaimsAutoReplaceMax ?? current.ClaimsAutoReplaceMax,
            ClaimsAutoReplaceDays = Input.ClaimsAutoReplaceDays ?? current.ClaimsAutoReplaceDays,
            // An emptied field turns posting off; a form without the field (an older page) keeps the stored channel.
            TestimonyChannelId = Input.TestimonyChannelId
                ?? (Request.Form.ContainsKey("Input.TestimonyChannelId") ? 0 : current.TestimonyChannelId),
        }, Actor, Aborted);
        return Done(T["Settings saved."]);
    }
}

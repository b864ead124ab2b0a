namespace BotAutoOrder.Domain.Audit;

/// <summary>
/// Every <see cref="AuditEntry.Action"/> the shop writes, in one list. The values are stored and filtered on (the audit
/// page's "product." prefix search), so they never change; add a constant here rather than writing a bare string.
/// </summary>
public static class AuditActions
{
    public const string AuthLockedOut = "auth.locked_out";
    public const string AuthLoginFailed = "auth.login_failed";
    public const string AuthPasswordOk = "auth.password_ok";
    public const string AuthSignedIn = "auth.signed_in";
    public const string AuthTwoFactorEnabled = "auth.2fa_enabled";
    public const string AuthTwoFactorDisabled = "auth.2fa_disabled";
    public const string AuthTwoFactorFailed = "auth.2fa_failed";

    public const string BackupDownloaded = "backup.downloaded";
    public const string BackupRestored = "backup.restored";

    public const string BalanceCredited = "balance.credited";
    public const string BalanceDebited = "balance.debited";

    public const string BotTextReset = "bot_text.reset";
    public const string BotTextSaved = "bot_text.saved";

    public const string BroadcastCancelled = "broadcast.cancelled";
    public const string BroadcastCompleted = "broadcast.completed";
    public const string BroadcastCreated = "broadcast.created";
    public const string BroadcastStarted = "broadcast.started";

    public const string BuyerBlocked = "buyer.blocked";
    public const string BuyerUnblocked = "buyer.unblocked";

    public const string CatalogImported = "catalog.imported";

    public const string CategoryActivated = "category.activated";
    public const string CategoryCreated = "category.created";
    public const string CategoryDeactivated = "category.deactivated";
    public const string CategoryUpdated = "category.updated";

    public const string DemoSeeded = "demo.seeded";

    public const string DepositCancelled = "deposit.cancelled";
    public const string DepositCreated = "deposit.created";
    public const string DepositExpired = "deposit.expired";
    public const string DepositPaid = "deposit.paid";

    public const string OrderCancelled = "order.cancelled";
    public const string OrderCreated = "order.created";
    public const string OrderExpired = "order.expired";
    public const string OrderMarkedPaid = "order.marked_paid";
    public const string OrderPaid = "order.paid";
    public const string OrderPaidLate = "order.paid_late";
    public const string OrderRefunded = "order.refunded";
    public const string OrderResent = "order.resent";

    public const string PaymentApplied = "payment.applied";
    public const string PaymentExpiryShortened = "payment.expiry_shortened";
    public const string PaymentIssue = "payment.issue";
    public const string PaymentStatusChanged = "payment.status_changed";

    public const string PaymentIssueResolved = "payment_issue.resolved";

    public const string ProductActivated = "product.activated";
    public const string ProductCreated = "product.created";
    public const string ProductDeactivated = "product.deactivated";
    public const string ProductUpdated = "product.updated";

    public const string SettingsChanged = "settings.changed";

    public const string StaffCreated = "staff.created";
    public const string StaffPasswordSet = "staff.password_set";

    public const string StockAdded = "stock.added";
    public const string StockDeleted = "stock.deleted";
    public const string StockRevealed = "stock.revealed";

    public const string TermsApproved = "terms.approved";
    public const string TermsPurged = "terms.purged";
    public const string TermsRejected = "terms.rejected";
    public const string TermsSubmitted = "terms.submitted";

    public const string UserCreated = "user.created";
    public const string UserPasswordChanged = "user.password_changed";
    public const string UserUpdated = "user.updated";

    public const string VoucherActivated = "voucher.activated";
    public const string VoucherCreated = "voucher.created";
    public const string VoucherDeactivated = "voucher.deactivated";
    public const string VoucherUpdated = "voucher.updated";

    // Warranty claims (ADR-020), unlimited products and testimonials (ADR-021).
    public const string ClaimOpened = "claim.opened";
    public const string ClaimRefunded = "claim.refunded";
    public const string ClaimRejected = "claim.rejected";
    public const string ClaimReplaceShort = "claim.replace_short";
    public const string ClaimReplaced = "claim.replaced";
    public const string ProductUnlimitedSet = "product.unlimited_set";
    public const string ProductUnlimitedUnset = "product.unlimited_unset";
    public const string TestimonialHidden = "testimonial.hidden";
    public const string TestimonialShown = "testimonial.shown";
}

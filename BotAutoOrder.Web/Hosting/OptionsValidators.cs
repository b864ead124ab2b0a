using BotAutoOrder.Web.Dashboard;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Hosting;

/// <summary>Start-up checks for the host-level options; every message names the configuration key.</summary>
public sealed class HostOptionsValidator : IValidateOptions<DatabaseOptions>, IValidateOptions<StoreOptions>,
    IValidateOptions<ShopOptions>, IValidateOptions<AdminOptions>, IValidateOptions<DashboardOptions>,
    IValidateOptions<KeyProtectionOptions>, IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail("ConnectionStrings:Default is empty: set a connection string for Database:Provider "
                + options.Provider + ".")
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name)) errors.Add("Store:Name must not be empty.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
            errors.Add($"Store:TimeZone '{options.TimeZone}' is not a known time zone (try Asia/Jakarta).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, ShopOptions o)
    {
        var errors = new List<string>();
        if (o.InvoiceExpiryMinutes is < 1 or > 1440) errors.Add("Shop:InvoiceExpiryMinutes must be between 1 and 1440.");
        if (o.DepositMin < 1) errors.Add("Shop:DepositMin must be at least 1.");
        if (o.DepositMax < o.DepositMin) errors.Add("Shop:DepositMax must not be below Shop:DepositMin.");
        if (o.SpamMaxActions < 1) errors.Add("Shop:SpamMaxActions must be at least 1.");
        if (o.SpamWindowSeconds < 1) errors.Add("Shop:SpamWindowSeconds must be at least 1.");
        if (o.LowStockThreshold < 0) errors.Add("Shop:LowStockThreshold must not be negative.");
        if (o.SendRatePerSecond is < 1 or > 30) errors.Add("Shop:SendRatePerSecond must be between 1 and 30 (Telegram allows about 30/s).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, AdminOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Email) != string.IsNullOrWhiteSpace(o.Password))
            return ValidateOptionsResult.Fail("Admin:Email and Admin:Password must be set together.");
        if (!string.IsNullOrWhiteSpace(o.Password) && o.Password.Length < 8)
            return ValidateOptionsResult.Fail("Admin:Password must be at least 8 characters.");
        return ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, DashboardOptions o)
    {
        var errors = new List<string>();
        var bad = DashboardSecurity.TrustedProxyEntries(o.TrustedProxies).Where(e => !DashboardSecurity.IsValidProxyEntry(e)).ToList();
        if (bad.Count > 0) errors.Add($"Dashboard:TrustedProxies: {string.Join(", ", bad)} is not an IP address or network (e.g. 10.0.0.5 or 172.16.0.0/12).");
        if (o.SignInAttemptsPerMinute < 1) errors.Add("Dashboard:SignInAttemptsPerMinute must be at least 1.");
        if (o.AbsoluteSessionHours is < 1 or > 24 * 90) errors.Add("Dashboard:AbsoluteSessionHours must be between 1 and 2160.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions o) =>
        KeyCertificate.Problem(o) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, MetricsOptions o) =>
        !string.IsNullOrEmpty(o.BearerToken) && o.BearerToken.Length < 16
            ? ValidateOptionsResult.Fail("Metrics:BearerToken must be at least 16 characters (or empty: /metrics open).")
            : ValidateOptionsResult.Success;
}

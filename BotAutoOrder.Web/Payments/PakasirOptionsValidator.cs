using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Payments;

public sealed class PakasirOptionsValidator : IValidateOptions<PakasirOptions>
{
    private static readonly string[] Methods =
    [
        "qris", "bni_va", "bri_va", "cimb_niaga_va", "permata_va", "maybank_va", "bnc_va", "sampoerna_va",
        "atm_bersama_va", "artha_graha_va",
    ];

    public ValidateOptionsResult Validate(string? name, PakasirOptions o)
    {
        var errors = new List<string>();
        if (o.EffectiveMode == PakasirMode.Live)
        {
            if (string.IsNullOrWhiteSpace(o.Project)) errors.Add("Pakasir:Project is required in Live mode.");
            if (string.IsNullOrWhiteSpace(o.ApiKey)) errors.Add("Pakasir:ApiKey is required in Live mode.");
            if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
                errors.Add("Pakasir:BaseUrl must be an absolute http(s) URL.");
        }
        if (o.TimeoutSeconds is < 1 or > 120) errors.Add("Pakasir:TimeoutSeconds must be between 1 and 120.");
        if (!Methods.Contains(o.Method)) errors.Add($"Pakasir:Method '{o.Method}' is not a Pakasir method ({string.Join(", ", Methods)}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using OtpNet;

namespace BotAutoOrder.Web.Dashboard.TwoFactor;

/// <summary>
/// RFC 6238 time-based codes (HMAC-SHA1, 30-second steps, 6 digits — what authenticator apps expect), through Otp.NET
/// because ASP.NET Core Identity's own Rfc6238 code is internal. One step either side is accepted for clock drift.
/// </summary>
public static class TotpCodes
{
    public const int Digits = 6;
    public const int SecretBytes = 20;

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));

    public static string Compute(byte[] secret, DateTime utc, int digits = Digits) =>
        new OtpNet.Totp(secret, totpSize: digits).ComputeTotp(utc);

    /// <summary>The matched time step, or null when the code is wrong for now ± one step.</summary>
    public static long? Verify(string base32Secret, string code, DateTime utc)
    {
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(base32Secret), totpSize: Digits);
        return totp.VerifyTotp(utc, code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>What authenticator apps scan: <c>otpauth://totp/Issuer:email?secret=…&amp;issuer=…</c>.</summary>
    public static string Uri(string issuer, string email, string base32Secret)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(email);
        return $"otpauth://totp/{label}?secret={base32Secret}&issuer={System.Uri.EscapeDataString(issuer)}&digits={Digits}&period=30";
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// The <c>DataProtection:CertificatePath</c> certificate that encrypts the Data Protection key ring at rest.
/// </summary>
public static class KeyCertificate
{
    /// <summary>Loads the certificate; throws <see cref="CryptographicException"/> or an IO exception when it cannot.</summary>
    public static X509Certificate2 Load(KeyProtectionOptions o)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath,
            string.IsNullOrEmpty(o.CertificatePassword) ? null : o.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            throw new CryptographicException("the certificate has no RSA private key");
        return certificate;
    }

    /// <summary>What is wrong with the configured certificate, or null (also when none is configured).</summary>
    public static string? Problem(KeyProtectionOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.CertificatePath))
            return string.IsNullOrEmpty(o.CertificatePassword) ? null
                : "DataProtection:CertificatePassword is set but DataProtection:CertificatePath is not.";
        if (!File.Exists(o.CertificatePath)) return $"DataProtection:CertificatePath '{o.CertificatePath}' does not exist (a .pfx file with the key ring's certificate).";
        try
        {
            using var _ = Load(o);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"DataProtection:CertificatePath '{o.CertificatePath}' cannot be loaded (check DataProtection:CertificatePassword): {e.Message}";
        }
    }

    /// <summary>
    /// New keys are encrypted with the certificate, stored keys decrypted with it (by certificate, not through an OS
    /// store, which Linux lacks). A certificate that does not load is left to the start-up check, which names the key.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, KeyProtectionOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.CertificatePath) || Problem(o) is not null) return builder;
        var certificate = Load(o);
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}

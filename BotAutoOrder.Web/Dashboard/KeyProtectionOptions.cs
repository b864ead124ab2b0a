namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// <c>DataProtection:*</c>: the certificate that encrypts the Data Protection key ring (the keys that sign dashboard
/// cookies and antiforgery tokens) where it is stored, in the database. Without it the keys are stored as plain XML.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx/.p12) file with an RSA certificate and its private key, e.g. a mounted secret.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The file's password (empty for none).</summary>
    public string CertificatePassword { get; set; } = "";
}

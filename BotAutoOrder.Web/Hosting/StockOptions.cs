namespace BotAutoOrder.Web.Hosting;

/// <summary><c>Stock:*</c>: the key that encrypts stock items at rest (see ADR-011).</summary>
public sealed class StockOptions
{
    public const string Section = "Stock";

    /// <summary>Base64 of 32 random bytes (<c>openssl rand -base64 32</c>); wins over <see cref="KeyFile"/>.</summary>
    public string? EncryptionKey { get; set; }
    /// <summary>The key being rotated away from: it only decrypts, until <c>rotate-stock-key</c> has re-sealed everything.</summary>
    public string? PreviousEncryptionKey { get; set; }
    /// <summary>
    /// A file holding the key. Default on SQLite: <c>stock.key</c> beside the database file (generated on first start).
    /// On PostgreSQL there is no default: a key file generated inside a container would be lost with it.
    /// </summary>
    public string? KeyFile { get; set; }
    /// <summary>Rows per transaction for <c>rotate-stock-key</c> and the start-up encryption of plain rows.</summary>
    public int RotationBatchSize { get; set; } = 500;
}

using QRCoder;

namespace BotAutoOrder.Web.Payments;

/// <summary>
/// Turns a QRIS string into a PNG a phone can scan from a Telegram photo: 10 px per module, error correction M
/// (survives Telegram's JPEG re-compression and a screen photo) and the standard quiet zone.
/// </summary>
public sealed class QrCodeRenderer
{
    public const int PixelsPerModule = 10;

    public byte[] RenderPng(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}

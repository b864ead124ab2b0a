using Microsoft.AspNetCore.StaticFiles;

namespace BotAutoOrder.Web.Playground;

/// <summary>
/// The content type a stored file is served with. <c>Telegram.Bot</c> uploads streams as octet-stream, so images are
/// recognised by their first bytes, other files by their extension.
/// </summary>
internal static class ContentTypes
{
    private static readonly FileExtensionContentTypeProvider ByExtension = new();

    public static string Of(string fileName, string? declared, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "image/png";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (bytes.StartsWith("GIF8"u8)) return "image/gif";
        if (bytes.Length > 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (ByExtension.TryGetContentType(fileName, out var type))
            return type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type;
        return string.IsNullOrWhiteSpace(declared) ? "application/octet-stream" : declared;
    }

    /// <summary>Whether a browser may show the bytes inline without risk (images only; never HTML or SVG).</summary>
    public static bool IsSafeImage(string contentType) => contentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BotAutoOrder.Web.Playground;

/// <summary>A file part of a multipart Bot API call (a photo or document the bot uploads).</summary>
internal sealed record BotApiUpload(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// A Bot API call as the real <c>Telegram.Bot</c> client sent it: <c>{base}/bot{token}/{method}</c> with a JSON body,
/// or multipart/form-data (fields, complex ones JSON-encoded, plus file parts) when it uploads a file.
/// </summary>
internal sealed partial record BotApiRequest(string Method, JsonObject Parameters, IReadOnlyDictionary<string, BotApiUpload> Files)
{
    [GeneratedRegex("/bot[^/]+/(?<method>[A-Za-z]+)$")]
    private static partial Regex MethodPath();

    [GeneratedRegex("/file/bot[^/]+/(?<path>.+)$")]
    private static partial Regex FilePath();

    public string? Str(string name) => Parameters[name] is { } node ? node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>()
        : node.ToJsonString() : null;

    public long? Long(string name) => long.TryParse(Str(name), out var value) ? value : null;

    public bool Bool(string name) => Parameters[name] is { } node && (node.GetValueKind() == JsonValueKind.True || Str(name) == "true");

    /// <summary>The method name, or null when the path is not a Bot API method call.</summary>
    public static string? MethodOf(Uri uri) => MethodPath().Match(uri.AbsolutePath) is { Success: true } m ? m.Groups["method"].Value
        : null;

    /// <summary>The <c>file_path</c> of a <c>{base}/file/bot{token}/{file_path}</c> download, or null.</summary>
    public static string? FilePathOf(Uri uri) =>
        FilePath().Match(uri.AbsolutePath) is { Success: true } m ? Uri.UnescapeDataString(m.Groups["path"].Value) : null;

    public static async Task<BotApiRequest> ReadAsync(HttpRequestMessage request, string method, CancellationToken ct)
    {
        var parameters = new JsonObject();
        var files = new Dictionary<string, BotApiUpload>();
        switch (request.Content)
        {
            case MultipartContent multipart:
                foreach (var part in multipart)
                {
                    var name = Unquote(part.Headers.ContentDisposition?.Name) ?? "";
                    var fileName = Unquote(part.Headers.ContentDisposition?.FileNameStar ?? part.Headers.ContentDisposition?.FileName);
                    if (fileName is not null)
                        files[name] = new BotApiUpload(fileName, part.Headers.ContentType?.MediaType ?? "application/octet-stream",
                            await part.ReadAsByteArrayAsync(ct));
                    else
                        parameters[name] = FieldValue(await part.ReadAsStringAsync(ct));
                }
                break;
            case FormUrlEncodedContent form:
                foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await form.ReadAsStringAsync(ct)))
                    parameters[key] = FieldValue(value.ToString());
                break;
            case { } content:
                var body = await content.ReadAsStringAsync(ct);
                if (!string.IsNullOrWhiteSpace(body) && JsonNode.Parse(body) is JsonObject json) parameters = json;
                break;
        }
        if (request.RequestUri is { Query.Length: > 1 } uri)
            foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query))
                parameters[key] ??= FieldValue(value.ToString());
        return new BotApiRequest(method, parameters, files);
    }

    /// <summary>Multipart fields carry complex values (reply_markup, entities) as JSON text and the rest as plain text.</summary>
    private static JsonNode? FieldValue(string raw)
    {
        if (raw.Length > 0 && (raw[0] == '{' || raw[0] == '['))
        {
            try { return JsonNode.Parse(raw); }
            catch (JsonException) { /* not JSON: the raw string is the value */ }
        }
        return JsonValue.Create(raw);
    }

    private static string? Unquote(string? value) => value?.Trim('"');
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// File downloads as the Bot API serves them: <c>GET {base}/file/bot{token}/{file_path}</c> answers the bytes put in
/// <see cref="Files"/> under that <c>file_path</c> (the default <c>getFile</c> answer is <c>photos/file_1.jpg</c>),
/// 404 for an unknown path, 401 for a wrong token.
/// </summary>
public sealed partial class BotApiDouble
{
    private int _fileDownloads;

    /// <summary>Downloadable files by <c>file_path</c>.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>How many file downloads with the right token were answered (found or not).</summary>
    public int FileDownloads => Volatile.Read(ref _fileDownloads);

    private async Task HandleFileAsync(HttpContext http, string token, string filePath)
    {
        if (token != Token)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        Interlocked.Increment(ref _fileDownloads);
        if (!Files.TryGetValue(filePath, out var content))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = "application/octet-stream";
        await http.Response.Body.WriteAsync(content);
    }
}

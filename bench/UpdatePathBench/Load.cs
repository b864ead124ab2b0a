using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Telegram;

namespace UpdatePathBench;

/// <summary>One concurrency level against one bot: what the table and the chart show.</summary>
public sealed record LevelResult(string Bot, int Concurrency, int Updates, int Failed, double PerSecond, double P50, double P95, double P99,
    double CpuMsPer1000);

/// <summary>
/// Drives a bot's webhook like Telegram does (POST with the secret token; the next update of a chat only after the
/// previous one was answered), with <c>concurrency</c> requests in flight. Every buyer is a new chat id and goes
/// through the same four updates: /start, a category button, a product button, "add to cart".
/// </summary>
public sealed class Load(Uri baseAddress, string secret, long categoryId, long productId)
{
    private static long _nextChat = 20_000_000;
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 200, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Updates a buyer sends, in order; chat ids are never reused (Telegram paces per chat, ADR-008).</summary>
    public string[] Journey(long chatId) =>
    [
        Updates.Text(chatId, "/start"),
        Updates.Callback(chatId, CallbackData.Category(categoryId)),
        Updates.Callback(chatId, CallbackData.Product(productId, 1)),
        Updates.Callback(chatId, CallbackData.AddToCart(productId, 1)),
    ];

    /// <summary>Runs <paramref name="concurrency"/> buyers at a time for <paramref name="duration"/>; latencies in ms.</summary>
    public async Task<(List<double> Latencies, int Failed, TimeSpan Elapsed)> RunAsync(int concurrency, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                foreach (var update in Journey(Interlocked.Increment(ref _nextChat)))
                {
                    if (clock.Elapsed >= duration) break;
                    var started = Stopwatch.GetTimestamp();
                    if (!await PostAsync(update)) Interlocked.Increment(ref failed);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        return (all, failed, elapsed);
    }

    private async Task<bool> PostAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        try
        {
            using var response = await _http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

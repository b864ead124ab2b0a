using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// The shop started the way a newcomer starts it: no bot token, so <c>Playground</c> mode, on SQLite. A Bot API double
/// is still handed to <see cref="ShopApp"/> (its URL becomes <c>Telegram:ApiBaseUrl</c>) so a test can prove that not a
/// single call left the process. Helpers speak the page's JSON API.
/// </summary>
public sealed class PlaygroundShop : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string?> NoConfiguration = new Dictionary<string, string?>
    {
        ["Telegram:BotToken"] = "", ["Telegram:Mode"] = null, ["Telegram:PublicUrl"] = "", ["Telegram:WebhookSecret"] = "",
    };

    private PlaygroundShop(BotApiDouble outside, ShopApp app, HttpClient client)
    {
        Outside = outside;
        App = app;
        Client = client;
    }

    /// <summary>Where the real Telegram would be: must see no traffic in Playground mode.</summary>
    public BotApiDouble Outside { get; }
    public ShopApp App { get; }
    public HttpClient Client { get; }

    public static async Task<PlaygroundShop> StartAsync(TestDatabase? database = null)
    {
        var outside = await BotApiDouble.StartAsync();
        database ??= await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "playground");
        var app = new ShopApp(database, outside, NoConfiguration);
        return new PlaygroundShop(outside, app, app.Start());
    }

    public Task<HttpResponseMessage> SendAsync(long buyerId, string text, string firstName = "Budi", string languageCode = "id") =>
        Client.PostAsJsonAsync("/playground/api/send", new { buyerId, firstName, languageCode, text });

    public Task<HttpResponseMessage> ClickAsync(long buyerId, int messageId, string data) =>
        Client.PostAsJsonAsync("/playground/api/click", new { buyerId, messageId, data });

    /// <summary>The transcript JSON of one chat (everything after <paramref name="after"/>).</summary>
    public async Task<JsonObject> ChatAsync(long buyerId, long after = 0)
    {
        var response = await Client.GetAsync($"/playground/api/chat?buyer={buyerId}&after={after}");
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<IReadOnlyList<JsonObject>> MessagesAsync(long buyerId) =>
        (await ChatAsync(buyerId))["messages"]!.AsArray().OfType<JsonObject>().ToList();

    /// <summary>Polls the transcript until a message matches, or fails after the deadline naming what was there.</summary>
    public async Task<JsonObject> WaitForMessageAsync(long buyerId, Func<JsonObject, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        IReadOnlyList<JsonObject> messages = [];
        while (DateTime.UtcNow < deadline)
        {
            messages = await MessagesAsync(buyerId);
            if (messages.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(25);
        }
        throw new TimeoutException($"No playground message matched ({what}). Transcript: " +
                                   string.Join(" | ", messages.Select(m => $"{m["author"]}:{m["text"] ?? m["caption"]}")));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Outside.DisposeAsync();
    }
}

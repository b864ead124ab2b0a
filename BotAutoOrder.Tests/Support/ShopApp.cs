using System.Net.Http.Headers;
using System.Text;
using System.Linq.Expressions;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Stock;
using BotAutoOrder.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// The real app (<see cref="Program"/>) on Kestrel at 127.0.0.1, on a test database, with the real Telegram client
/// pointed at the <see cref="BotApiDouble"/>. Settings are passed as host settings, so they win over appsettings.json.
/// </summary>
public sealed class ShopApp : WebApplicationFactory<Program>
{
    public const string WebhookSecret = "test-secret_123-long-enough-for-webhook";
    private readonly Dictionary<string, string?> _settings;

    public ShopApp(TestDatabase database, BotApiDouble bot, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        Database = database;
        Bot = bot;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Telegram:BotToken"] = BotApiDouble.Token,
            ["Telegram:ApiBaseUrl"] = bot.BaseUrl,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:PublicUrl"] = "https://shop.example.test",
            ["Telegram:WebhookSecret"] = WebhookSecret,
            ["Telegram:AdminIds"] = "9001",
            ["Store:Name"] = "Toko Uji",
            ["Pakasir:Mode"] = "Simulator",
            // The test host serves plain http on loopback; with PublicUrl https the cookies would be Secure and a
            // client on http would never send them back. Tests of the Secure rule set this back to null.
            ["Dashboard:RequireHttpsCookies"] = "false",
            ["Stock:EncryptionKey"] = TestStockKeys.Key,
            ["Logging:FilePath"] = "",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) _settings[key] = value;
        UseKestrel(0);
    }

    /// <summary>Service replacements applied after the app's own registrations (e.g. a clock the test moves).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public TestDatabase Database { get; }
    public BotApiDouble Bot { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    /// <summary>Starts the server (migrations run at start-up) and returns a client for it.</summary>
    public HttpClient Start()
    {
        StartServer();
        return CreateClient();
    }

    public async Task<HttpResponseMessage> PostUpdateAsync(HttpClient client, string json, string? secret = WebhookSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram")
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await client.SendAsync(request);
    }

    /// <summary>Runs a query on a fresh DbContext of the app.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public T GetService<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The decrypted text of the stock items matching <paramref name="filter"/>, in id order.</summary>
    public async Task<List<string>> StockContentsAsync(Expression<Func<StockItem, bool>> filter)
    {
        var rows = await QueryAsync(db => db.StockItems.Where(filter).OrderBy(s => s.Id).Select(s => new { s.Ciphertext, s.KeyId }).ToListAsync());
        var cipher = GetService<StockCipher>();
        return rows.Select(r => cipher.Open(r.Ciphertext, r.KeyId)).ToList();
    }

    /// <summary>Stops the app and closes its pooled PostgreSQL connections (idle ones would otherwise pile up across tests).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }
}

using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// One running shop per test: a fresh database on <paramref name="provider"/>, a Bot API double and the app.
/// Subclasses are declared once per provider so every behaviour is proven on PostgreSQL and on SQLite.
/// </summary>
public abstract class ShopTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    protected DatabaseProvider Provider { get; } = provider;
    protected BotApiDouble Bot { get; private set; } = null!;
    protected ShopApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Extra settings for this test class (override to change the shop's configuration).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        Bot = await BotApiDouble.StartAsync();
        var database = await TestDatabase.CreateAsync(Provider, GetType().Name.Length > 20 ? GetType().Name[..20] : GetType().Name);
        App = new ShopApp(database, Bot, Settings);
        Client = App.Start();
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Bot.DisposeAsync();
    }
}

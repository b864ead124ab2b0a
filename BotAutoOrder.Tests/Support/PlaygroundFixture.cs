namespace BotAutoOrder.Tests.Support;

/// <summary>One playground shop shared by a test class (tests use distinct buyer ids, so they do not see each other).</summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public PlaygroundShop Shop { get; private set; } = null!;

    public async Task InitializeAsync() => Shop = await PlaygroundShop.StartAsync();

    public async Task DisposeAsync() => await Shop.DisposeAsync();
}

using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;

namespace BotAutoOrder.Tests.Web;

/// <summary>Search in the bot (ADR-021): free text searches active products by name and code, paged, escaped, parameterised.</summary>
public abstract class SearchTests(DatabaseProvider provider) : BuyingTestBase(provider)
{
    [Fact]
    public async Task HostileQuery_IsEscapedInTheReply_AndItsWildcardsMatchOnlyThemselves()
    {
        await SeedProductAsync("NFX", "Netflix Premium", 25_000, items: 1);
        await SeedProductAsync("P_1", "Diskon 100% Promo", 10_000, items: 1);
        await SeedProductAsync("PX1", "Xbox Pass", 50_000, items: 1);
        const long buyer = 42_001;

        var hostile = await SearchAsync(buyer, "<b>%_'");
        Assert.Contains("&lt;b&gt;%_", hostile.Text);
        Assert.DoesNotContain("<b>%_", hostile.Text);
        Assert.Contains("Tidak ada produk", hostile.Text); // % and _ were not wildcards: nothing has that text
        Assert.Contains("Streaming (3)", hostile.ButtonTexts()); // the categories, to carry on

        Assert.Equal(["Diskon 100% Promo · Rp 10.000"], (await SearchAsync(buyer, "0%")).ButtonTexts().Where(IsProduct));
        Assert.Equal(["Diskon 100% Promo · Rp 10.000"], (await SearchAsync(buyer, "p_1")).ButtonTexts().Where(IsProduct)); // not PX1
        Assert.Equal(["Netflix Premium · Rp 25.000"], (await SearchAsync(buyer, "NETFLIX")).ButtonTexts().Where(IsProduct));
        Assert.Equal(["Netflix Premium · Rp 25.000"], (await SearchAsync(buyer, "nfx")).ButtonTexts().Where(IsProduct)); // by code
    }

    [Fact]
    public async Task ManyMatches_ArePagedLikeTheCatalog_AndCommandsAndMenuButtonsStillWork()
    {
        for (var i = 1; i <= 10; i++) await SeedProductAsync($"GAME{i:00}", $"Akun Game {i:00}", 10_000, items: i == 3 ? 0 : 1);
        const long buyer = 42_010;

        var first = await SearchAsync(buyer, "akun game");
        Assert.Contains("(1/2)", first.Text);
        Assert.Equal(8, first.ButtonTexts().Count(IsProduct));
        Assert.Contains("❌ Akun Game 03 · Rp 10.000", first.ButtonTexts()); // sold out is marked, as in a category
        var next = first.CallbackDatas().Single(d => d.StartsWith("sq:1:", StringComparison.Ordinal));
        await ClickAsync(buyer, next);
        var second = Bot.CallsOf("editMessageText", buyer).Last();
        Assert.Contains("(2/2)", second.Text);
        Assert.Equal(["Akun Game 09 · Rp 10.000", "Akun Game 10 · Rp 10.000"], second.ButtonTexts().Where(IsProduct));

        await SendAsync(buyer, "/nope");
        Assert.Contains("belum paham", Bot.CallsOf("sendMessage", buyer).Last().Text); // an unknown command keeps the hint
        await SendAsync(buyer, "x");
        Assert.Contains("belum paham", Bot.CallsOf("sendMessage", buyer).Last().Text); // one letter is not a search
        await SendAsync(buyer, "🛒 Keranjang");
        Assert.Contains("Keranjang kamu", Bot.CallsOf("sendMessage", buyer).Last().Text);
    }

    private static bool IsProduct(string label) => label.Contains(" · Rp ", StringComparison.Ordinal);

    private async Task<BotApiCall> SearchAsync(long buyer, string query)
    {
        var before = Bot.CallsOf("sendMessage", buyer).Count;
        await SendAsync(buyer, query);
        var calls = Bot.CallsOf("sendMessage", buyer);
        Assert.Equal(before + 1, calls.Count);
        return calls[^1];
    }
}

public sealed class SearchPostgresTests() : SearchTests(DatabaseProvider.Postgres);

public sealed class SearchSqliteTests() : SearchTests(DatabaseProvider.Sqlite);

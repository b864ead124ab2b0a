using BotAutoOrder.Web.Telegram.Texts;

namespace BotAutoOrder.Tests.Web;

public class BotTextCatalogTests
{
    [Fact]
    public void All_ListsEveryTemplateOnceWithoutNulls()
    {
        var all = BotTextCatalog.All;

        Assert.All(all, t => Assert.NotNull(t));
        Assert.Equal(all.Count, all.Select(t => t.Key).Distinct().Count());
        Assert.Contains(all, t => t.Key == "terms.message"); // from another partial file
        Assert.Contains(all, t => t.Key == "voucher.reason.used_up");
    }

    [Fact]
    public void EveryTemplate_UsesOnlyItsDeclaredPlaceholders()
    {
        foreach (var t in BotTextCatalog.All)
        foreach (var text in new[] { t.Indonesian, t.English })
        {
            var used = System.Text.RegularExpressions.Regex.Matches(text, @"\{([a-z_]+)\}").Select(m => m.Groups[1].Value);
            Assert.All(used, p => Assert.Contains(p, t.Placeholders));
        }
    }
}

using BotAutoOrder.Domain.Common;

namespace BotAutoOrder.Tests.Domain;

/// <summary>The one store clock: dashboard and chat formats in the store's time zone (chats use id-ID's "14.05").</summary>
public sealed class StoreTimeTests
{
    private static readonly DateTime Utc = new(2026, 11, 24, 7, 5, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Asia/Jakarta", "14.05 WIB, 24 Nov 2026")]
    [InlineData("Asia/Makassar", "15.05 WITA, 24 Nov 2026")]
    [InlineData("Asia/Jayapura", "16.05 WIT, 24 Nov 2026")]
    [InlineData("Europe/London", "07.05 Europe/London, 24 Nov 2026")]
    public void Long_StoreZone_LocalTimeWithItsLabel(string zone, string expected) =>
        Assert.Equal(expected, new StoreTime(zone, TimeProvider.System).Long(Utc));

    [Theory]
    [InlineData("Asia/Jakarta", "2026-11-24 14:05", "24/11 14.05")]
    [InlineData("Asia/Jayapura", "2026-11-24 16:05", "24/11 16.05")]
    public void FormatAndShort_StoreZone_LocalTime(string zone, string dashboard, string chat)
    {
        var time = new StoreTime(zone, TimeProvider.System);
        Assert.Equal((dashboard, chat), (time.Format(Utc), time.Short(Utc)));
    }

    [Fact]
    public void Format_NoTime_IsADash() => Assert.Equal("–", new StoreTime("Asia/Jakarta", TimeProvider.System).Format(null));

    [Fact]
    public void StartOfDayUtc_Jakarta_IsSeventeenHundredTheDayBefore() =>
        Assert.Equal(new DateTime(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc),
            new StoreTime("Asia/Jakarta", TimeProvider.System).StartOfDayUtc(new DateOnly(2026, 11, 24)));
}

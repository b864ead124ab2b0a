using BotAutoOrder.Domain.Balances;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Telegram.Texts;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// The bot's top-up and "blocked the bot" paths that go through domain calls (DepositService, CustomerService): the
/// deposit's QR message is remembered, a gateway failure cancels the deposit, a buyer who starts the bot again is
/// reachable again, and a stranger's chat-member update records nothing.
/// </summary>
public sealed class DepositAndMembershipTests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Deposit_Paid_QrCaptionEditedToPaid()
    {
        const long buyer = 46_001;
        await SendAsync(buyer, "/start");
        await SendAsync(buyer, "/deposit 50000");
        await Bot.WaitForAsync(c => c.Method == "sendPhoto" && c.ChatId == buyer && c.Shows(BotTextCatalog.DepositCaption),
            what: "deposit QR");
        var deposit = await App.QueryAsync(db => db.Deposits.SingleAsync());

        await Pakasir.PayAsync(deposit.Code, WebhookUrl, PakasirSecret, v1Shape: false);

        // Only a deposit that remembers its QR message gets the caption edited (the renderer skips it otherwise).
        await Bot.WaitForAsync(c => c.Method == "editMessageCaption" && c.ChatId == buyer
            && c.Shows(BotTextCatalog.DepositPaid, ("code", deposit.Code)), what: "QR caption edited");
    }

    [Fact]
    public async Task Deposit_GatewayDown_BuyerToldAndDepositCancelled()
    {
        const long buyer = 46_002;
        await SendAsync(buyer, "/start");
        Pakasir.FailNext(500, times: 5);

        await SendAsync(buyer, "/deposit 50000");

        await Bot.WaitForAsync(c => c.ChatId == buyer && c.Shows(BotTextCatalog.CheckoutGatewayFailed), what: "buyer told");
        Assert.Equal(DepositStatus.Cancelled, (await App.QueryAsync(db => db.Deposits.SingleAsync())).Status);
        Assert.DoesNotContain(Bot.Calls, c => c.Method == "sendPhoto");
    }

    [Fact]
    public async Task BuyerStartsBotAgain_AfterBlocking_IsReachableAgain()
    {
        const long buyer = 46_003;
        await SendAsync(buyer, "/start");
        await App.PostUpdateAsync(Client, Updates.MyChatMember(buyer, "kicked"));
        Assert.True(await IsUnreachableAsync(buyer));

        await App.PostUpdateAsync(Client, Updates.MyChatMember(buyer, "member"));

        Assert.False(await IsUnreachableAsync(buyer));
    }

    [Fact]
    public async Task StrangerBlocksBot_NothingRecorded()
    {
        await App.PostUpdateAsync(Client, Updates.MyChatMember(46_004, "kicked"));

        Assert.Equal(0, await App.QueryAsync(db => db.Customers.CountAsync(c => c.TelegramUserId == 46_004)));
    }

    private Task<bool> IsUnreachableAsync(long telegramUserId) =>
        App.QueryAsync(db => db.Customers.Where(c => c.TelegramUserId == telegramUserId).Select(c => c.IsUnreachable).SingleAsync());
}

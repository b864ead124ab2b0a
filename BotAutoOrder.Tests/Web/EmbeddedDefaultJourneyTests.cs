using System.Net;
using System.Text.Json.Nodes;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// The newcomer's path with no configuration at all: demo catalog, the playground chat, the built-in Pakasir simulator
/// paying through the app's own webhook, and the items arriving in the chat.
/// </summary>
public sealed class EmbeddedDefaultJourneyTests : IAsyncLifetime
{
    private PlaygroundShop _shop = null!;

    public async Task InitializeAsync() => _shop = await PlaygroundShop.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Newcomer_BuysInThePlaygroundAndPaysInTheSimulator_ReceivesTheItem()
    {
        const long buyer = 50_001;
        Assert.Equal(HttpStatusCode.OK, (await _shop.SendAsync(buyer, "/start", "Ana")).StatusCode);
        var categories = await _shop.WaitForMessageAsync(buyer, m => Buttons(m).Any(b => b.Data.StartsWith("cat:")), "category buttons");
        await Click(buyer, categories, Buttons(categories).First(b => b.Text.Contains("Streaming")).Data);
        var list = await _shop.WaitForMessageAsync(buyer, m => Buttons(m).Any(b => b.Text.Contains("Spotify")), "product list");
        await Click(buyer, list, Buttons(list).First(b => b.Text.Contains("Spotify")).Data);
        var detail = await _shop.WaitForMessageAsync(buyer, m => Buttons(m).Any(b => b.Data.StartsWith("add:")), "product detail");
        await Click(buyer, detail, Buttons(detail).First(b => b.Data.StartsWith("add:")).Data);
        await _shop.SendAsync(buyer, "🛒 Keranjang", "Ana");
        var cart = await _shop.WaitForMessageAsync(buyer, m => Buttons(m).Any(b => b.Data == "co"), "cart");
        await Click(buyer, cart, "co");
        var choice = await _shop.WaitForMessageAsync(buyer, m => Buttons(m).Any(b => b.Data == "pay:q"), "payment choice");
        await Click(buyer, choice, "pay:q");
        await _shop.WaitForMessageAsync(buyer, m => m["photo"] is JsonObject, "QR photo");

        var order = await _shop.App.QueryAsync(db => db.Orders.SingleAsync());
        var txnId = await _shop.App.QueryAsync(db => db.Payments.Where(p => p.OrderId == order.Id).Select(p => p.TxnId).SingleAsync());
        var pay = await _shop.Client.PostAsync($"/simulator/pakasir/pay/{txnId}/pay", null);
        Assert.True(pay.IsSuccessStatusCode || pay.StatusCode == HttpStatusCode.Redirect, $"simulator pay answered {pay.StatusCode}");

        var delivery = await _shop.WaitForMessageAsync(buyer, m => m["text"]?.ToString().Contains("Pembayaran diterima") == true, "delivery");
        Assert.Contains("demo-spt-1m-01@toko.test", delivery["text"]!.ToString());
        Assert.Equal(OrderStatus.Paid, await _shop.App.QueryAsync(db => db.Orders.Select(o => o.Status).SingleAsync()));
        await _shop.WaitForMessageAsync(buyer, m => m["caption"]?.ToString().Contains("LUNAS") == true, "QR caption shows paid");
    }

    private async Task Click(long buyer, JsonObject message, string data)
    {
        var response = await _shop.ClickAsync(buyer, (int)message["messageId"]!, data);
        Assert.True(response.IsSuccessStatusCode, $"click {data}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static IEnumerable<(string Text, string Data)> Buttons(JsonObject message) =>
        message["inlineKeyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r).OfType<JsonObject>()
                .Select(b => (b["text"]?.ToString() ?? "", b["callbackData"]?.ToString() ?? b["callback_data"]?.ToString() ?? ""))
            : [];
}

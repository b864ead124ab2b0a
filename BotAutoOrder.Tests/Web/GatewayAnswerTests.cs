using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Orders;
using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// A "completed" status answer that is not about our payment is refused and changes nothing; the same check with an
/// honest answer applies it (so the refusal is the judgement, not a broken path). V1's status names its project.
/// </summary>
public sealed class GatewayAnswerV1Tests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Pakasir:ApiVersion"] = "V1",
    };

    [Fact]
    public async Task StatusCheck_CompletedForAnotherProject_IsRefusedAndNothingIsApplied()
    {
        var productId = await SeedProductAsync("GA1", "Akun", 10_000, items: 1);
        var order = await CheckoutQrisAsync(61_001, productId);
        Pakasir.SetStatus(order.InvoiceCode, PaymentStatus.Completed);
        Pakasir.ReportAs(order.InvoiceCode, project: "toko-lain");

        var refused = await App.GetService<PaymentConfirmer>()
            .ConfirmAsync(order.InvoiceCode, AuditLog.Job("test"), CancellationToken.None);

        Assert.Equal((ConfirmationStatus.Mismatch, "project differs"), (refused.Status, refused.Detail));
        await GatewayAnswerChecks.AssertUnpaidThenPaidWhenHonestAsync(App, Pakasir, order, () => LatestOrderAsync(61_001));
    }
}

/// <summary>The shop runs live: a sandbox "completed" is not money.</summary>
public sealed class GatewayAnswerV2Tests() : BuyingTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task StatusCheck_SandboxCompletedWhileLive_IsRefusedAndNothingIsApplied()
    {
        var productId = await SeedProductAsync("GA2", "Akun", 10_000, items: 1);
        var order = await CheckoutQrisAsync(61_002, productId);
        Pakasir.SetStatus(order.InvoiceCode, PaymentStatus.Completed);
        Pakasir.ReportAs(order.InvoiceCode, sandbox: true);

        var refused = await App.GetService<PaymentConfirmer>()
            .ConfirmAsync(order.InvoiceCode, AuditLog.Job("test"), CancellationToken.None);

        Assert.Equal((ConfirmationStatus.Mismatch, "sandbox transaction while live"), (refused.Status, refused.Detail));
        await GatewayAnswerChecks.AssertUnpaidThenPaidWhenHonestAsync(App, Pakasir, order, () => LatestOrderAsync(61_002));
    }
}

internal static class GatewayAnswerChecks
{
    public static async Task AssertUnpaidThenPaidWhenHonestAsync(ShopApp app, PakasirDouble pakasir, Order order, Func<Task<Order>> latest)
    {
        Assert.Equal(OrderStatus.PendingPayment, (await latest()).Status);
        Assert.Null(await app.QueryAsync(db => db.Payments.Where(p => p.GatewayOrderId == order.InvoiceCode)
            .Select(p => p.AppliedAtUtc).SingleAsync()));

        pakasir.ReportAs(order.InvoiceCode);
        var honest = await app.GetService<PaymentConfirmer>().ConfirmAsync(order.InvoiceCode, AuditLog.Job("test"), CancellationToken.None);

        Assert.Equal(ConfirmationStatus.Applied, honest.Status); // applied now, or by the reconciler a moment before
        Assert.Equal(OrderStatus.Paid, (await latest()).Status);
    }
}

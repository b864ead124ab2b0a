using BotAutoOrder.Domain.Payments;

namespace BotAutoOrder.Tests.Domain;

/// <summary>What a notification may claim before the gateway is asked, and the gateway's pace, without a database.</summary>
public sealed class CheckPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 3, 0, 0, DateTimeKind.Utc);

    private static Payment Stored(string? txnId = "txn_1", DateTime? lastChecked = null)
    {
        var payment = new Payment(PaymentPurpose.Order, 1, null, "INV-1", "qris", 10_000, Now.AddMinutes(-5));
        payment.RecordCreated(txnId, 380, 10_380, "qr", null, null, "{}");
        if (lastChecked is { } at) payment.RecordStatusCheck(at, "{}");
        return payment;
    }

    [Theory]
    [InlineData(10_000L, "txn_1", null)]
    [InlineData(10_000L, null, null)] // V1 sends no txn_id
    [InlineData(null, null, null)] // reconciliation claims nothing
    [InlineData(9_999L, "txn_1", "amount 9999 is not the stored 10000")]
    [InlineData(10_000L, "txn_other", "txn_id is not the stored transaction")]
    [InlineData(1L, "txn_other", "amount 1 is not the stored 10000")] // the amount is judged first
    public void Contradiction_NotificationClaims_NamesWhatTheStoredPaymentContradicts(long? amount, string? txnId, string? expected) =>
        Assert.Equal(expected, new CheckPolicy(CheckPolicy.GatewayPace, true, amount, txnId).Contradiction(Stored()));

    [Fact]
    public void Contradiction_StoredPaymentWithoutTxnId_AcceptsAnyTxnId() =>
        Assert.Null(CheckPolicy.ForWebhook(10_000, "txn_whatever").Contradiction(Stored(txnId: null)));

    [Theory]
    [InlineData(null, 0)] // never asked: ask now
    [InlineData(-10.0, 0)] // asked long ago
    [InlineData(-4.0, 0)] // exactly the pace ago
    [InlineData(-1.5, 2.5)]
    [InlineData(0.0, 4)]
    public void WaitBefore_LastStatusCall_WaitsOutTheRestOfThePace(double? lastCheckedSecondsAgo, double expectedWaitSeconds)
    {
        var payment = Stored(lastChecked: lastCheckedSecondsAgo is { } s ? Now.AddSeconds(s) : null);

        var wait = CheckPolicy.ForWebhook(10_000, null).WaitBefore(payment, Now);

        Assert.Equal(TimeSpan.FromSeconds(expectedWaitSeconds), wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
    }
}

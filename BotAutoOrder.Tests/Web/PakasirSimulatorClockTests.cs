using BotAutoOrder.Domain.Payments;
using BotAutoOrder.Web.Payments.Simulator;

namespace BotAutoOrder.Tests.Web;

/// <summary>The simulator's own rules, with a clock the test moves.</summary>
public class PakasirSimulatorClockTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 3, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void FindOrCreate_After60Minutes_ReadsExpired()
    {
        var clock = new ManualClock();
        var sim = new PakasirSimulator(clock);
        var t = sim.FindOrCreate("simulator", "INV-1", 10000, "qris")!;
        Assert.Equal(clock.Now.UtcDateTime.AddMinutes(60), t.ExpiresAtUtc);

        clock.Now = clock.Now.AddMinutes(59);
        Assert.Equal(PaymentStatus.Pending, sim.Find(t.TxnId)!.Status);
        clock.Now = clock.Now.AddMinutes(1);
        Assert.Equal(PaymentStatus.Expired, sim.Find(t.TxnId)!.Status);
        Assert.False(sim.Pay(t.TxnId));
    }

    [Fact]
    public void Pay_Pending_CompletesAtClockTime()
    {
        var clock = new ManualClock();
        var sim = new PakasirSimulator(clock);
        var t = sim.FindOrCreate("simulator", "INV-2", 10000, "qris")!;
        clock.Now = clock.Now.AddMinutes(5);

        Assert.True(sim.Pay(t.TxnId));

        Assert.Equal((PaymentStatus.Completed, clock.Now.UtcDateTime), (sim.Find(t.TxnId)!.Status, sim.Find(t.TxnId)!.CompletedAtUtc));
        Assert.False(sim.Cancel(t.TxnId));
    }

    [Theory]
    [InlineData(99000, 1003)]
    [InlineData(105000, 1045)]
    [InlineData(105001, 1051)]
    [InlineData(10001, 381)]
    public void FindOrCreate_QrisFee_MatchesGateway(long amount, long fee)
    {
        var t = new PakasirSimulator(new ManualClock()).FindOrCreate("simulator", "INV-F", amount, "qris")!;

        Assert.Equal((fee, amount + fee), (t.Fee, t.TotalPayment));
    }

    [Fact]
    public void FindOrCreate_SameOrderOtherAmount_IsRefused()
    {
        var sim = new PakasirSimulator(new ManualClock());
        sim.FindOrCreate("simulator", "INV-3", 10000, "qris");

        Assert.Null(sim.FindOrCreate("simulator", "INV-3", 12000, "qris"));
    }
}

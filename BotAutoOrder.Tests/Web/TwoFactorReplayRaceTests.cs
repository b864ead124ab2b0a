using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Tests.Support;
using BotAutoOrder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BotAutoOrder.Tests.Web;

/// <summary>
/// A second-factor code is good once, even for two requests that carry it at the same moment (a code read over the
/// owner's shoulder and sent while the owner signs in): on PostgreSQL, both requests read the account before either
/// writes — the code check itself is the rendezvous — and only one gets through.
/// </summary>
public sealed class TwoFactorReplayRaceTests() : DashboardTestBase(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Verify_SameTotpCodeTwiceAtOnce_SignsInOnceAndRefusesTheOther()
    {
        var userId = await App.QueryAsync(db => db.DashboardUsers.Where(u => u.Email == OwnerEmail).Select(u => u.Id).SingleAsync());
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<StaffTwoFactorService>()
                .EnableAsync(userId, "protected-secret", ["hash-a", "hash-b"], acceptedStep: 100, CancellationToken.None));
        using var bothRead = new CountdownEvent(2);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            long? Step(string secret) // called with the account already read: both requests hold the same last step
            {
                bothRead.Signal();
                Assert.True(bothRead.Wait(TimeSpan.FromSeconds(10)), "the other request did not read the account");
                return 101;
            }
            return (await scope.ServiceProvider.GetRequiredService<StaffTwoFactorService>()
                .VerifyAsync(userId, Step, null, false, CancellationToken.None)).Outcome;
        })));

        Assert.Single(outcomes, o => o == StaffOutcome.Succeeded);
        Assert.Single(outcomes, o => o == StaffOutcome.InvalidCredentials);
    }
}

using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// At start-up (after migrations): when no dashboard user exists and <c>Admin:Email</c>/<c>Admin:Password</c> are set,
/// creates that owner. Without them the first owner is created on the <c>/setup</c> page, with the one-time
/// <see cref="SetupCode"/> this logs.
/// </summary>
public sealed class FirstOwnerSeeder(IServiceScopeFactory scopes, IOptions<AdminOptions> options, SetupCode setupCode,
    ILogger<FirstOwnerSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();
        if (await staff.AnyUserAsync(cancellationToken)) return;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrWhiteSpace(admin.Password))
        {
            logger.LogWarning("No dashboard user yet: open /setup and enter the setup code {SetupCode} (valid until this process stops)",
                setupCode.Value);
            return;
        }
        var result = await staff.CreateAsync(admin.Email, admin.Password, StaffRole.Owner, AuditLog.Job("startup"), cancellationToken);
        if (result.Succeeded) logger.LogInformation("Created the first dashboard owner from Admin:Email");
        else logger.LogWarning("The first dashboard owner was not created from Admin:Email: {Outcome}", result.Outcome);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

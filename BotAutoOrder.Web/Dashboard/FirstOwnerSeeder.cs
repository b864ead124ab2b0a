using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;
using BotAutoOrder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAutoOrder.Web.Dashboard;

/// <summary>
/// At start-up (after migrations): when no dashboard user exists and <c>Admin:Email</c>/<c>Admin:Password</c> are set,
/// creates that owner. Without them the first owner is created on the <c>/setup</c> page.
/// </summary>
public sealed class FirstOwnerSeeder(IServiceScopeFactory scopes, IOptions<AdminOptions> options, ILogger<FirstOwnerSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrWhiteSpace(admin.Password)) return;
        await using var scope = scopes.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();
        if (await staff.AnyUserAsync(cancellationToken)) return;
        var result = await staff.CreateAsync(admin.Email, admin.Password, StaffRole.Owner, AuditLog.Job("startup"), cancellationToken);
        if (result.Succeeded) logger.LogInformation("Created the first dashboard owner from Admin:Email");
        else logger.LogWarning("The first dashboard owner was not created from Admin:Email: {Outcome}", result.Outcome);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Data;
using BotAutoOrder.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Web.Cli;

/// <summary><c>create-admin &lt;email&gt;</c>: an owner account, or a new password for an existing account.</summary>
public static class AdminJobs
{
    public const int MinPasswordLength = 8;

    public static async Task<int> CreateAdminAsync(CliContext cli)
    {
        var raw = cli.Arguments[0].Trim();
        if (raw.Length > 254 || raw.IndexOf('@') is <= 0 || raw.EndsWith('@') || raw.Any(char.IsWhiteSpace))
        {
            await cli.Error.WriteLineAsync($"create-admin: '{raw}' is not an email address.");
            return 1;
        }
        var email = DashboardUser.NormalizeEmail(raw);
        var password = ReadPassword(cli);
        if (password is null || password.Length < MinPasswordLength)
        {
            await cli.Error.WriteLineAsync($"create-admin: the password (read from stdin) must be at least {MinPasswordLength} characters.");
            return 1;
        }

        var db = cli.Services.GetRequiredService<AppDbContext>();
        var audit = cli.Services.GetRequiredService<AuditLog>();
        var clock = cli.Services.GetRequiredService<TimeProvider>();
        var hasher = new PasswordHasher<DashboardUser>();
        var actor = AuditLog.Job("command-line");
        await using var transaction = await db.Database.BeginTransactionAsync(cli.Ct);
        var user = await db.DashboardUsers.SingleOrDefaultAsync(u => u.Email == email, cli.Ct);
        var created = user is null;
        if (user is null)
        {
            user = new DashboardUser(email, "", StaffRole.Owner, clock.GetUtcNow().UtcDateTime);
            db.DashboardUsers.Add(user);
        }
        user.SetPasswordHash(hasher.HashPassword(user, password));
        await db.SaveChangesAsync(cli.Ct);
        audit.Record(actor, created ? AuditActions.StaffCreated : AuditActions.StaffPasswordSet, nameof(DashboardUser), user.Id, new { email, Role = user.Role.ToString() });
        await db.SaveChangesAsync(cli.Ct);
        await transaction.CommitAsync(cli.Ct);

        await cli.Out.WriteLineAsync(created
            ? $"Created owner account {email}."
            : $"Set a new password for {email} (role {user.Role}{(user.IsActive ? "" : ", INACTIVE")}).");
        return 0;
    }

    /// <summary>One line from stdin; on a terminal, typed without echo.</summary>
    private static string? ReadPassword(CliContext cli)
    {
        if (!ReferenceEquals(cli.In, Console.In) || Console.IsInputRedirected) return cli.In.ReadLine();
        cli.Error.Write("Password: ");
        var password = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        cli.Error.WriteLine();
        return password.ToString();
    }
}

using System.Text;
using BotAutoOrder.Domain.Audit;
using BotAutoOrder.Domain.Staff;

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

        var staff = cli.Services.GetRequiredService<StaffService>();
        var (user, created) = await staff.SetOwnerPasswordAsync(email, password, AuditLog.Job("command-line"), cli.Ct);

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

namespace BotAutoOrder.Web.Hosting;

/// <summary><c>Admin:*</c>: the first owner account, created at start-up when no dashboard user exists.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

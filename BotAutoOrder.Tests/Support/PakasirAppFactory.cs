using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// The whole app (<see cref="Program"/>) on a throw-away SQLite file, everything else at its defaults unless
/// <paramref name="settings"/> says otherwise — by default Playground (no bot token) and Pakasir Simulator mode.
/// </summary>
public sealed class PakasirAppFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "botautoorder-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "x.db")}");
        builder.UseSetting("Logging:FilePath", "");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort: temp folder */ }
    }
}

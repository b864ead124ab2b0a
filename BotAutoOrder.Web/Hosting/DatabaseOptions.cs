namespace BotAutoOrder.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary><c>Database:*</c> and <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultConnectionString = "Data Source=data/botautoorder.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Filled from <c>ConnectionStrings:Default</c>.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;
}

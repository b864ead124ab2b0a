using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BotAutoOrder.Web.Hosting;

/// <summary>
/// Recognises "the database cannot be reached or opened" (as opposed to a failing migration, which is a bug and stays
/// loud) and describes it for the operator: which provider, which host and port or file, which key to check.
/// </summary>
public static class DatabaseUnreachable
{
    /// <summary>
    /// Opens one plain connection (outside EF, so a refused connection is not also logged with a stack trace) and
    /// throws <see cref="StartupConfigurationException"/> when the database cannot be reached or opened.
    /// </summary>
    public static async Task EnsureReachableAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        try
        {
            await using System.Data.Common.DbConnection connection = provider == DatabaseProvider.Postgres
                ? new NpgsqlConnection(connectionString)
                : new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == "3D000")
        {
            // The database does not exist yet: the migration creates it (when the role may).
        }
        catch (Exception e) when (Describe(e, provider, connectionString) is { } problem)
        {
            throw problem;
        }
    }

    public static StartupConfigurationException? Describe(Exception e, DatabaseProvider provider, string? connectionString)
    {
        if (e is ArgumentException && !string.IsNullOrEmpty(e.Message))
            return new StartupConfigurationException($"ConnectionStrings:Default cannot be read for Database:Provider {provider} ({e.Message.TrimEnd('.')}).", e);
        if (provider == DatabaseProvider.Postgres && IsPostgresConnectFailure(e))
        {
            var target = PostgresTarget(connectionString);
            return new StartupConfigurationException(
                $"Database:Provider Postgres: cannot connect to {target} ({e.GetBaseException().Message.TrimEnd('.')}). "
                + "Check that PostgreSQL is running and reachable, and ConnectionStrings:Default (Host, Port, Database, Username, " +
                    "Password).", e);
        }
        if (provider == DatabaseProvider.Sqlite && IsSqliteOpenFailure(e))
        {
            var file = SqliteFile(connectionString);
            return new StartupConfigurationException(
                $"Database:Provider Sqlite: cannot open the database file '{file}' ({e.GetBaseException().Message.TrimEnd('.')}). "
                + "Check ConnectionStrings:Default (Data Source=...) and that the folder exists and is writable.", e);
        }
        return null;
    }

    private static bool IsPostgresConnectFailure(Exception e) => e switch
    {
        // Authentication (28xxx) and a missing database the role may not create (3D000) are set in the connection string.
        PostgresException p => p.SqlState.StartsWith("28", StringComparison.Ordinal) || p.SqlState == "3D000",
        NpgsqlException n => n.InnerException is SocketException or TimeoutException or IOException
            || n.Message.Contains("connect", StringComparison.OrdinalIgnoreCase),
        SocketException => true,
        _ => e.InnerException is { } inner && IsPostgresConnectFailure(inner),
    };

    private static bool IsSqliteOpenFailure(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 14 /* CANTOPEN */ or 8 /* READONLY */ or 23 /* AUTH */ or 26 /* NOTADB */,
        UnauthorizedAccessException or IOException => true,
        _ => e.InnerException is { } inner && IsSqliteOpenFailure(inner),
    };

    private static string PostgresTarget(string? connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"host {b.Host ?? "(none)"} port {b.Port}, database '{b.Database}'";
        }
        catch (ArgumentException)
        {
            return "the server in ConnectionStrings:Default";
        }
    }

    private static string SqliteFile(string? connectionString)
    {
        try
        {
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}

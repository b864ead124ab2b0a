using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// One instance at a time runs a job: on PostgreSQL a session advisory lock held on a dedicated connection (released
/// by the server if the instance dies); on SQLite (one instance by nature) always granted. The rows a job touches are
/// still changed with conditional updates, so even two holders could not apply anything twice.
/// </summary>
public sealed class WorkerLease(IServiceScopeFactory scopes)
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.IsPostgres) return new Held(null);
        // Not pooled: a pooled connection would keep the session (and the lock) alive after we let go of it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", KeyOf(job));
        if (await command.ExecuteScalarAsync(ct) is true) return new Held(connection);
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per job name (FNV-1a), in a namespace of our own.</summary>
    private static long KeyOf(string job)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "botautoorder:" + job) hash = (hash ^ c) * 1099511628211UL;
        return unchecked((long)hash);
    }

    private sealed class Held(NpgsqlConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }
}

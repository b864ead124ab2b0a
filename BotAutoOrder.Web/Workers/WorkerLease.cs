using BotAutoOrder.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BotAutoOrder.Web.Workers;

/// <summary>
/// One instance at a time runs a job: on PostgreSQL a session advisory lock held on a dedicated connection (released
/// by the server if the instance dies); on SQLite (one instance by nature) always granted. The rows a job touches are
/// still changed with conditional updates, so even two holders could not apply anything twice.
/// The lease is fenced: <see cref="HeldLease.EnsureHeldAsync"/> (called before every pass of a job) fails once the lock's
/// connection is gone, so a holder whose session the server ended stops before doing more work.
/// </summary>
public sealed class WorkerLease(IServiceScopeFactory scopes)
{
    /// <summary>The <c>application_name</c> of the connection holding a job's lock (operators and tests can find it).</summary>
    public static string ApplicationName(string job) => "botautoorder-lease:" + job;

    public async Task<HeldLease?> TryAcquireAsync(string job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.IsPostgres) return new HeldLease(null);
        // Not pooled: a pooled connection would keep the session (and the lock) alive after we let go of it.
        var connection =
            new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false,
            ApplicationName = ApplicationName(job) }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", KeyOf(job));
        if (await command.ExecuteScalarAsync(ct) is true) return new HeldLease(connection);
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

    public sealed class HeldLease(NpgsqlConnection? connection) : IAsyncDisposable
    {
        /// <summary>Throws <see cref="LeaseLostException"/> when the lock's session is gone (the server ended it, the network
        /// dropped).</summary>
        public async Task EnsureHeldAsync(CancellationToken ct)
        {
            if (connection is null) return;
            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                throw new LeaseLostException(e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }
}

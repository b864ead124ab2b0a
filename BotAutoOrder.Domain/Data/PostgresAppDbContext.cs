using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Data;

/// <summary>The PostgreSQL flavour of <see cref="AppDbContext"/>; owns the migrations under Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public override bool IsPostgres => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Trigram indexes for the dashboard's buyer search (I11_DashboardIndexes). Emitted as CREATE EXTENSION IF NOT
        // EXISTS, so another feature declaring pg_trgm too is harmless.
        modelBuilder.HasPostgresExtension("pg_trgm");
    }
}

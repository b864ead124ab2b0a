using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Data;

/// <summary>The PostgreSQL flavour of <see cref="AppDbContext"/>; owns the migrations under Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public override bool IsPostgres => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Bot search (ADR-021): ILIKE '%…%' on product name and code uses these trigram indexes. CREATE EXTENSION IF NOT
        // EXISTS, so another migration declaring pg_trgm too (buyer search) does no harm.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<Catalog.Product>().HasIndex(p => p.Name, "ix_products_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        modelBuilder.Entity<Catalog.Product>().HasIndex(p => p.Code, "ix_products_code_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

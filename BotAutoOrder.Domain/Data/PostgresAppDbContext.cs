using Microsoft.EntityFrameworkCore;

namespace BotAutoOrder.Domain.Data;

/// <summary>The PostgreSQL flavour of <see cref="AppDbContext"/>; owns the migrations under Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    public override bool IsPostgres => true;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BotAutoOrder.Domain.Data;

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresAppDbContext</c> work without the web host.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=botautoorder_design", o => o.MigrationsHistoryTable("__ef_migrations"))
            .Options);
}

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteAppDbContext</c> work without the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable("__ef_migrations"))
            .Options);
}

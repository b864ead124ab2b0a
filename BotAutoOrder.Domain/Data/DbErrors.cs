using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BotAutoOrder.Domain.Data;

/// <summary>Recognises the database errors the services treat as expected outcomes.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row (PostgreSQL 23505, SQLite constraint 2067/1555).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sq => sq.SqliteErrorCode == 19 && sq.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BotAutoOrder.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I11_DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_CreatedAtUtc",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_customers_CreatedAtUtc",
                table: "customers");

            // CREATE EXTENSION IF NOT EXISTS: harmless when another migration declared pg_trgm first.
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_orders_CreatedAtUtc_Id",
                table: "orders",
                columns: new[] { "CreatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_paid_total",
                table: "orders",
                column: "PaidAtUtc",
                filter: "\"Status\" = 'Paid'")
                .Annotation("Npgsql:IndexInclude", new[] { "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_customers_CreatedAtUtc_Id",
                table: "customers",
                columns: new[] { "CreatedAtUtc", "Id" });

            // The dashboard's buyer search is lower(column) LIKE '%text%' (BuyerSearch); trigram GIN indexes answer it
            // without reading every buyer. Expression indexes cannot be declared in the EF model, hence SQL.
            foreach (var column in TrigramColumns)
                migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS ix_customers_{column.ToLowerInvariant()}_trgm ON customers USING gin (lower(\"{column}\") gin_trgm_ops);");
        }

        private static readonly string[] TrigramColumns = ["FirstName", "LastName", "Username"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in TrigramColumns)
                migrationBuilder.Sql($"DROP INDEX IF EXISTS ix_customers_{column.ToLowerInvariant()}_trgm;");

            migrationBuilder.DropIndex(
                name: "IX_orders_CreatedAtUtc_Id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_paid_total",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_customers_CreatedAtUtc_Id",
                table: "customers");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_orders_CreatedAtUtc",
                table: "orders",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_customers_CreatedAtUtc",
                table: "customers",
                column: "CreatedAtUtc");
        }
    }
}

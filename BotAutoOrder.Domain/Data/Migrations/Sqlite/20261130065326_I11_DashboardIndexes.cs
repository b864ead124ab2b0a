using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BotAutoOrder.Domain.Data.Migrations.Sqlite
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

            migrationBuilder.CreateIndex(
                name: "IX_orders_CreatedAtUtc_Id",
                table: "orders",
                columns: new[] { "CreatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_paid_total",
                table: "orders",
                column: "PaidAtUtc",
                filter: "\"Status\" = 'Paid'");

            migrationBuilder.CreateIndex(
                name: "IX_customers_CreatedAtUtc_Id",
                table: "customers",
                columns: new[] { "CreatedAtUtc", "Id" });

            // No trigram indexes here: SQLite has no pg_trgm; the buyer search scans, fine at the scale a SQLite shop has.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_CreatedAtUtc_Id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_paid_total",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_customers_CreatedAtUtc_Id",
                table: "customers");

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

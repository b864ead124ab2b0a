using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BotAutoOrder.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I13b_RestockSearchUnlimitedTestimonials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_stock_items_order_matches_status",
                table: "stock_items");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<bool>(
                name: "IsCopy",
                table: "stock_items",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsUnlimited",
                table: "products",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "restock_subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_restock_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_restock_subscriptions_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_restock_subscriptions_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "testimonials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    ProductId = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AwaitingText = table.Column<bool>(type: "boolean", nullable: false),
                    IsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_testimonials", x => x.Id);
                    table.CheckConstraint("ck_testimonials_rating", "\"Rating\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_testimonials_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_testimonials_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_testimonials_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stock_items_unlimited_template",
                table: "stock_items",
                column: "ProductId",
                unique: true,
                filter: "\"Status\" = 'Unlimited'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_stock_items_order_matches_status",
                table: "stock_items",
                sql: "(\"Status\" IN ('Available', 'Unlimited') AND \"OrderId\" IS NULL) OR (\"Status\" NOT IN ('Available', 'Unlimited') AND \"OrderId\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_products_code_trgm",
                table: "products",
                column: "Code")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_products_name_trgm",
                table: "products",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_restock_subscriptions_CustomerId",
                table: "restock_subscriptions",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_restock_subscriptions_ProductId_CustomerId",
                table: "restock_subscriptions",
                columns: new[] { "ProductId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_testimonials_CreatedAtUtc",
                table: "testimonials",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_testimonials_CustomerId_AwaitingText",
                table: "testimonials",
                columns: new[] { "CustomerId", "AwaitingText" });

            migrationBuilder.CreateIndex(
                name: "IX_testimonials_OrderId_ProductId",
                table: "testimonials",
                columns: new[] { "OrderId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_testimonials_ProductId_IsHidden",
                table: "testimonials",
                columns: new[] { "ProductId", "IsHidden" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "restock_subscriptions");

            migrationBuilder.DropTable(
                name: "testimonials");

            migrationBuilder.DropIndex(
                name: "ix_stock_items_unlimited_template",
                table: "stock_items");

            migrationBuilder.DropCheckConstraint(
                name: "ck_stock_items_order_matches_status",
                table: "stock_items");

            migrationBuilder.DropIndex(
                name: "ix_products_code_trgm",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_name_trgm",
                table: "products");

            migrationBuilder.DropColumn(
                name: "IsCopy",
                table: "stock_items");

            migrationBuilder.DropColumn(
                name: "IsUnlimited",
                table: "products");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddCheckConstraint(
                name: "ck_stock_items_order_matches_status",
                table: "stock_items",
                sql: "(\"Status\" = 'Available' AND \"OrderId\" IS NULL) OR (\"Status\" <> 'Available' AND \"OrderId\" IS NOT NULL)");
        }
    }
}

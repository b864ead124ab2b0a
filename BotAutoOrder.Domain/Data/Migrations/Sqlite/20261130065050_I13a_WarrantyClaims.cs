using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BotAutoOrder.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I13a_WarrantyClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WarrantyDays",
                table: "products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "warranty_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<long>(type: "INTEGER", nullable: false),
                    StockItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PhotoFileId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReplacementStockItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    RefundAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    AutoResolved = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_warranty_claims", x => x.Id);
                    table.CheckConstraint("ck_warranty_claims_refund_non_negative", "\"RefundAmount\" IS NULL OR \"RefundAmount\" >= 0");
                    table.ForeignKey(
                        name: "FK_warranty_claims_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_warranty_claims_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_warranty_claims_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_warranty_claims_stock_items_ReplacementStockItemId",
                        column: x => x.ReplacementStockItemId,
                        principalTable: "stock_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_warranty_claims_stock_items_StockItemId",
                        column: x => x.StockItemId,
                        principalTable: "stock_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_products_warranty_days_non_negative",
                table: "products",
                sql: "\"WarrantyDays\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_warranty_claims_CustomerId_Status",
                table: "warranty_claims",
                columns: new[] { "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "ix_warranty_claims_one_open_per_item",
                table: "warranty_claims",
                column: "StockItemId",
                unique: true,
                filter: "\"Status\" IN ('Drafting', 'AwaitingScreenshot', 'Open')");

            migrationBuilder.CreateIndex(
                name: "IX_warranty_claims_OrderId",
                table: "warranty_claims",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_warranty_claims_ProductId",
                table: "warranty_claims",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_warranty_claims_ReplacementStockItemId",
                table: "warranty_claims",
                column: "ReplacementStockItemId");

            migrationBuilder.CreateIndex(
                name: "IX_warranty_claims_Status_SubmittedAtUtc",
                table: "warranty_claims",
                columns: new[] { "Status", "SubmittedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "warranty_claims");

            migrationBuilder.DropCheckConstraint(
                name: "ck_products_warranty_days_non_negative",
                table: "products");

            migrationBuilder.DropColumn(
                name: "WarrantyDays",
                table: "products");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BotAutoOrder.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I8_OutboxLanes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_Status_NextAttemptAtUtc_Id",
                table: "outbox_messages");

            migrationBuilder.AddColumn<int>(
                name: "Lane",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                // Rows queued before the upgrade: behind deliveries, ahead of notices and broadcasts (OutboxLane.Transaction).
                defaultValue: 2);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Status_Lane_NextAttemptAtUtc_Id",
                table: "outbox_messages",
                columns: new[] { "Status", "Lane", "NextAttemptAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_Status_Lane_NextAttemptAtUtc_Id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "Lane",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Status_NextAttemptAtUtc_Id",
                table: "outbox_messages",
                columns: new[] { "Status", "NextAttemptAtUtc", "Id" });
        }
    }
}

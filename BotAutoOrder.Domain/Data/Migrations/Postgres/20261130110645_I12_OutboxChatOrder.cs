using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BotAutoOrder.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I12_OutboxChatOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ChatId_Status_Id",
                table: "outbox_messages",
                columns: new[] { "ChatId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_ChatId_Status_Id",
                table: "outbox_messages");
        }
    }
}

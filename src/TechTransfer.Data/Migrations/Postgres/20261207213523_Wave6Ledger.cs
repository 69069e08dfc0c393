using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave6Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "settlement_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Balance = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PendingDebits = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlement_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settlement_idempotency_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Operation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ResponseJson = table.Column<string>(type: "text", nullable: false),
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlement_idempotency_keys", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "settlement_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PendingId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReversesId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlement_transfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settlement_legs",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlement_legs", x => new { x.TransferId, x.Index });
                    table.ForeignKey(
                        name: "FK_settlement_legs_settlement_transfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "settlement_transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_settlement_accounts_DealId_Kind_PartyId",
                table: "settlement_accounts",
                columns: new[] { "DealId", "Kind", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_settlement_idempotency_keys_DealId",
                table: "settlement_idempotency_keys",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_settlement_idempotency_keys_TransferId",
                table: "settlement_idempotency_keys",
                column: "TransferId");

            migrationBuilder.CreateIndex(
                name: "IX_settlement_legs_AccountId",
                table: "settlement_legs",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_settlement_transfers_DealId_Sequence",
                table: "settlement_transfers",
                columns: new[] { "DealId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_settlement_transfers_PendingId",
                table: "settlement_transfers",
                column: "PendingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_settlement_transfers_ReversesId",
                table: "settlement_transfers",
                column: "ReversesId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "settlement_accounts");

            migrationBuilder.DropTable(
                name: "settlement_idempotency_keys");

            migrationBuilder.DropTable(
                name: "settlement_legs");

            migrationBuilder.DropTable(
                name: "settlement_transfers");
        }
    }
}

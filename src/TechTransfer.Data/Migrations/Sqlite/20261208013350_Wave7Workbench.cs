using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave7Workbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contracts_parties_OrganizationId",
                table: "contracts_parties");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_AssignedRegistrarUserId",
                table: "contracts_contracts");

            migrationBuilder.CreateTable(
                name: "ach_achievement_completer_accounts",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AchievementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ach_achievement_completer_accounts", x => new { x.AchievementId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ach_achievement_completer_accounts_ach_achievements_AchievementId",
                        column: x => x.AchievementId,
                        principalTable: "ach_achievements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_parties_OrganizationId_ContractId",
                table: "contracts_parties",
                columns: new[] { "OrganizationId", "ContractId" });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_AssignedRegistrarUserId_Status",
                table: "contracts_contracts",
                columns: new[] { "AssignedRegistrarUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_Status_ResubmittedAt",
                table: "contracts_contracts",
                columns: new[] { "Status", "ResubmittedAt" });

            // the completer accounts of existing achievements, from the column this table replaces
            migrationBuilder.Sql("INSERT INTO ach_achievement_completer_accounts (AchievementId, UserId) SELECT DISTINCT a.Id, upper(j.value) FROM ach_achievements AS a, json_each(a.CompleterUserIds) AS j");

            migrationBuilder.DropColumn(
                name: "CompleterUserIds",
                table: "ach_achievements");

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_CreatedByUserId_OwnerOrganizationId_Status",
                table: "ach_achievements",
                columns: new[] { "CreatedByUserId", "OwnerOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievement_completer_accounts_UserId",
                table: "ach_achievement_completer_accounts",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ach_achievement_completer_accounts");

            migrationBuilder.DropIndex(
                name: "IX_contracts_parties_OrganizationId_ContractId",
                table: "contracts_parties");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_AssignedRegistrarUserId_Status",
                table: "contracts_contracts");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_Status_ResubmittedAt",
                table: "contracts_contracts");

            migrationBuilder.DropIndex(
                name: "IX_ach_achievements_CreatedByUserId_OwnerOrganizationId_Status",
                table: "ach_achievements");

            migrationBuilder.AddColumn<string>(
                name: "CompleterUserIds",
                table: "ach_achievements",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_parties_OrganizationId",
                table: "contracts_parties",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_AssignedRegistrarUserId",
                table: "contracts_contracts",
                column: "AssignedRegistrarUserId");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatchNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_manager_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ManagerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_manager_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_match_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplyType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SupplyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Strength = table.Column<double>(type: "REAL", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DemandOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_match_notices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_manager_assignments_ManagerUserId",
                table: "search_manager_assignments",
                column: "ManagerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_search_manager_assignments_SubjectType_SubjectId_ManagerUserId",
                table: "search_manager_assignments",
                columns: new[] { "SubjectType", "SubjectId", "ManagerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_match_notices_DemandId_SupplyType_SupplyId",
                table: "search_match_notices",
                columns: new[] { "DemandId", "SupplyType", "SupplyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_match_notices_SupplyType_SupplyId",
                table: "search_match_notices",
                columns: new[] { "SupplyType", "SupplyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_manager_assignments");

            migrationBuilder.DropTable(
                name: "search_match_notices");
        }
    }
}

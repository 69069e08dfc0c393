using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave4Lists2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_dem_challenges_ApplicationClosesAt",
                table: "dem_challenges",
                column: "ApplicationClosesAt");

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenges_ApplicationOpensAt",
                table: "dem_challenges",
                column: "ApplicationOpensAt");

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenges_Title",
                table: "dem_challenges",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_ach_rights_grants_AchievementTitle",
                table: "ach_rights_grants",
                column: "AchievementTitle");

            migrationBuilder.CreateIndex(
                name: "IX_ach_rights_grants_RequestedAt",
                table: "ach_rights_grants",
                column: "RequestedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dem_challenges_ApplicationClosesAt",
                table: "dem_challenges");

            migrationBuilder.DropIndex(
                name: "IX_dem_challenges_ApplicationOpensAt",
                table: "dem_challenges");

            migrationBuilder.DropIndex(
                name: "IX_dem_challenges_Title",
                table: "dem_challenges");

            migrationBuilder.DropIndex(
                name: "IX_ach_rights_grants_AchievementTitle",
                table: "ach_rights_grants");

            migrationBuilder.DropIndex(
                name: "IX_ach_rights_grants_RequestedAt",
                table: "ach_rights_grants");
        }
    }
}

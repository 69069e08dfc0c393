using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave2Charts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // the one technical-field taxonomy: stored labels and aliases become field codes (TechTransfer.Data.TechnicalFieldsMigration)
            TechnicalFieldsMigration.Up(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_Field",
                table: "dem_demands",
                column: "Field");

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenges_Field",
                table: "dem_challenges",
                column: "Field");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_TechnicalField",
                table: "contracts_contracts",
                column: "TechnicalField");

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_TechnicalField",
                table: "ach_achievements",
                column: "TechnicalField");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dem_demands_Field",
                table: "dem_demands");

            migrationBuilder.DropIndex(
                name: "IX_dem_challenges_Field",
                table: "dem_challenges");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_TechnicalField",
                table: "contracts_contracts");

            migrationBuilder.DropIndex(
                name: "IX_ach_achievements_TechnicalField",
                table: "ach_achievements");
        }
    }
}

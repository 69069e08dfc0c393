using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave3Lists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_AnnualFeePaidUntil",
                table: "patents_patents",
                column: "AnnualFeePaidUntil");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_ApplicationNo",
                table: "patents_patents",
                column: "ApplicationNo");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_ExpiryDate",
                table: "patents_patents",
                column: "ExpiryDate");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_FilingDate",
                table: "patents_patents",
                column: "FilingDate");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_Title",
                table: "patents_patents",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_Deadline",
                table: "dem_demands",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_PublishedAt",
                table: "dem_demands",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_Title",
                table: "dem_demands",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_UpdatedAt",
                table: "dem_demands",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_DeclaredTechTransactionAmount",
                table: "contracts_contracts",
                column: "DeclaredTechTransactionAmount");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_DueDate",
                table: "contracts_contracts",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_ProjectName",
                table: "contracts_contracts",
                column: "ProjectName");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_SignedDate",
                table: "contracts_contracts",
                column: "SignedDate");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_UpdatedAt",
                table: "contracts_contracts",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_patents_patents_AnnualFeePaidUntil",
                table: "patents_patents");

            migrationBuilder.DropIndex(
                name: "IX_patents_patents_ApplicationNo",
                table: "patents_patents");

            migrationBuilder.DropIndex(
                name: "IX_patents_patents_ExpiryDate",
                table: "patents_patents");

            migrationBuilder.DropIndex(
                name: "IX_patents_patents_FilingDate",
                table: "patents_patents");

            migrationBuilder.DropIndex(
                name: "IX_patents_patents_Title",
                table: "patents_patents");

            migrationBuilder.DropIndex(
                name: "IX_dem_demands_Deadline",
                table: "dem_demands");

            migrationBuilder.DropIndex(
                name: "IX_dem_demands_PublishedAt",
                table: "dem_demands");

            migrationBuilder.DropIndex(
                name: "IX_dem_demands_Title",
                table: "dem_demands");

            migrationBuilder.DropIndex(
                name: "IX_dem_demands_UpdatedAt",
                table: "dem_demands");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_DeclaredTechTransactionAmount",
                table: "contracts_contracts");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_DueDate",
                table: "contracts_contracts");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_ProjectName",
                table: "contracts_contracts");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_SignedDate",
                table: "contracts_contracts");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_UpdatedAt",
                table: "contracts_contracts");
        }
    }
}

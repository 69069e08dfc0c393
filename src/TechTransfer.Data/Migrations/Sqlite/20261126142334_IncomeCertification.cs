using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncomeCertification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "achievement_ids_json",
                table: "contracts_contracts",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<Guid>(
                name: "CertificationId",
                table: "ach_income_distributions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contracts_income_certifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractOwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationNo = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountReceived = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    non_technical_items_json = table.Column<string>(type: "TEXT", nullable: false),
                    DeductedNonTechnical = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CertifiedTechnologyIncome = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    achievement_ids_json = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CertifiedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CertifiedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts_income_certifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ach_income_distributions_CertificationId",
                table: "ach_income_distributions",
                column: "CertificationId");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_income_certifications_ContractId",
                table: "contracts_income_certifications",
                column: "ContractId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contracts_income_certifications");

            migrationBuilder.DropIndex(
                name: "IX_ach_income_distributions_CertificationId",
                table: "ach_income_distributions");

            migrationBuilder.DropColumn(
                name: "achievement_ids_json",
                table: "contracts_contracts");

            migrationBuilder.DropColumn(
                name: "CertificationId",
                table: "ach_income_distributions");
        }
    }
}

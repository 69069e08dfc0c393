using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
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
                type: "text",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<Guid>(
                name: "CertificationId",
                table: "ach_income_distributions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contracts_income_certifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractOwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationNo = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountReceived = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    non_technical_items_json = table.Column<string>(type: "text", nullable: false),
                    DeductedNonTechnical = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CertifiedTechnologyIncome = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    achievement_ids_json = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CertifiedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CertifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AchievementsOrganizationsHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TermEnd",
                table: "ach_rights_grants");

            migrationBuilder.DropColumn(
                name: "TermStart",
                table: "ach_rights_grants");

            migrationBuilder.DropColumn(
                name: "TermYears",
                table: "ach_rights_grants");

            migrationBuilder.DropColumn(
                name: "OperatingProfit",
                table: "ach_income_distributions");

            migrationBuilder.RenameColumn(
                name: "ProfitYear",
                table: "ach_income_distributions",
                newName: "ProfitYearsCovered");

            migrationBuilder.AddColumn<string>(
                name: "Jurisdiction",
                table: "org_organizations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "National");

            migrationBuilder.AddColumn<DateOnly>(
                name: "TermEndsOn",
                table: "ach_rights_grants",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TermStartsOn",
                table: "ach_rights_grants",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Basis",
                table: "ach_income_distributions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Percentage");

            migrationBuilder.AddColumn<int>(
                name: "FirstProfitableYear",
                table: "ach_income_distributions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvesteeCompany",
                table: "ach_income_distributions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SharesFormed",
                table: "ach_income_distributions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TeamShares",
                table: "ach_income_distributions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "profit_years",
                table: "ach_income_distributions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "team",
                table: "ach_income_distributions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ach_income_settings",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TtoSharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ach_income_settings", x => x.OrganizationId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ach_income_settings");

            migrationBuilder.DropColumn(
                name: "Jurisdiction",
                table: "org_organizations");

            migrationBuilder.DropColumn(
                name: "TermEndsOn",
                table: "ach_rights_grants");

            migrationBuilder.DropColumn(
                name: "TermStartsOn",
                table: "ach_rights_grants");

            migrationBuilder.DropColumn(
                name: "Basis",
                table: "ach_income_distributions");

            migrationBuilder.DropColumn(
                name: "FirstProfitableYear",
                table: "ach_income_distributions");

            migrationBuilder.DropColumn(
                name: "InvesteeCompany",
                table: "ach_income_distributions");

            migrationBuilder.DropColumn(
                name: "SharesFormed",
                table: "ach_income_distributions");

            migrationBuilder.DropColumn(
                name: "TeamShares",
                table: "ach_income_distributions");

            migrationBuilder.DropColumn(
                name: "profit_years",
                table: "ach_income_distributions");

            migrationBuilder.DropColumn(
                name: "team",
                table: "ach_income_distributions");

            migrationBuilder.RenameColumn(
                name: "ProfitYearsCovered",
                table: "ach_income_distributions",
                newName: "ProfitYear");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TermEnd",
                table: "ach_rights_grants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TermStart",
                table: "ach_rights_grants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TermYears",
                table: "ach_rights_grants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OperatingProfit",
                table: "ach_income_distributions",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);
        }
    }
}

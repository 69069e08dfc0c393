using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContractRegistrarAssignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "contracts_contracts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedRegistrarName",
                table: "contracts_contracts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssignedRegistrarUserId",
                table: "contracts_contracts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_AssignedRegistrarUserId",
                table: "contracts_contracts",
                column: "AssignedRegistrarUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_AssignedRegistrarUserId",
                table: "contracts_contracts");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "contracts_contracts");

            migrationBuilder.DropColumn(
                name: "AssignedRegistrarName",
                table: "contracts_contracts");

            migrationBuilder.DropColumn(
                name: "AssignedRegistrarUserId",
                table: "contracts_contracts");
        }
    }
}

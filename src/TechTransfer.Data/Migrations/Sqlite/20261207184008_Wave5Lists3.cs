using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave5Lists3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_Action",
                table: "platform_audit_entries",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_UserName",
                table: "platform_audit_entries",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_org_organizations_CreatedAt",
                table: "org_organizations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_org_organizations_Kind",
                table: "org_organizations",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_org_organizations_UpdatedAt",
                table: "org_organizations",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_audit_entries_Action",
                table: "platform_audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_platform_audit_entries_UserName",
                table: "platform_audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_org_organizations_CreatedAt",
                table: "org_organizations");

            migrationBuilder.DropIndex(
                name: "IX_org_organizations_Kind",
                table: "org_organizations");

            migrationBuilder.DropIndex(
                name: "IX_org_organizations_UpdatedAt",
                table: "org_organizations");
        }
    }
}

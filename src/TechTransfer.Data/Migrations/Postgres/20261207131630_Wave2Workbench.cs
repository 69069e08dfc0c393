using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2Workbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_notifications_RecipientOrganizationId",
                table: "platform_notifications");

            migrationBuilder.DropIndex(
                name: "IX_platform_notifications_RecipientUserId",
                table: "platform_notifications");

            migrationBuilder.DropIndex(
                name: "IX_patents_open_licenses_PatenteeOrganizationId",
                table: "patents_open_licenses");

            migrationBuilder.DropIndex(
                name: "IX_patents_custody_agreements_OperatorOrganizationId",
                table: "patents_custody_agreements");

            migrationBuilder.DropIndex(
                name: "IX_dem_demands_OwnerOrganizationId",
                table: "dem_demands");

            migrationBuilder.DropIndex(
                name: "IX_dem_challenges_OwnerOrganizationId",
                table: "dem_challenges");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_OwnerOrganizationId",
                table: "contracts_contracts");

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "platform_users",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DedupKey",
                table: "platform_notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "platform_notifications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResubmittedAt",
                table: "contracts_contracts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "platform_email_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToAddress = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_email_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_notification_preferences",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Email = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_notification_preferences", x => new { x.UserId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "platform_notification_reads",
                columns: table => new
                {
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_notification_reads", x => new { x.UserId, x.NotificationId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_match_notices_DemandOrganizationId_NotifiedAt",
                table: "search_match_notices",
                columns: new[] { "DemandOrganizationId", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_users_LockoutEnd",
                table: "platform_users",
                column: "LockoutEnd");

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_DedupKey",
                table: "platform_notifications",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_RecipientOrganizationId_CreatedAt",
                table: "platform_notifications",
                columns: new[] { "RecipientOrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_RecipientRole_CreatedAt",
                table: "platform_notifications",
                columns: new[] { "RecipientRole", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_RecipientUserId_CreatedAt",
                table: "platform_notifications",
                columns: new[] { "RecipientUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_OwnerOrganizationId_LegalStatus_AnnualFeePa~",
                table: "patents_patents",
                columns: new[] { "OwnerOrganizationId", "LegalStatus", "AnnualFeePaidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_PatenteeOrganizationId_Status",
                table: "patents_open_licenses",
                columns: new[] { "PatenteeOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_agreements_OperatorOrganizationId_Status",
                table: "patents_custody_agreements",
                columns: new[] { "OperatorOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_OwnerOrganizationId_Status",
                table: "dem_demands",
                columns: new[] { "OwnerOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenges_OwnerOrganizationId_Status",
                table: "dem_challenges",
                columns: new[] { "OwnerOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenge_applications_ChallengeId_Status",
                table: "dem_challenge_applications",
                columns: new[] { "ChallengeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_OwnerOrganizationId_Status",
                table: "contracts_contracts",
                columns: new[] { "OwnerOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ach_rights_grants_OrganizationId_Status",
                table: "ach_rights_grants",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ach_rights_grants_RequestedByUserId",
                table: "ach_rights_grants",
                column: "RequestedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ach_income_distributions_OrganizationId_Status",
                table: "ach_income_distributions",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_OwnerOrganizationId_IdleFlaggedAt",
                table: "ach_achievements",
                columns: new[] { "OwnerOrganizationId", "IdleFlaggedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_OwnerOrganizationId_Status",
                table: "ach_achievements",
                columns: new[] { "OwnerOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_email_outbox_SentAt_FailedAt_NextAttemptAt",
                table: "platform_email_outbox",
                columns: new[] { "SentAt", "FailedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_email_outbox");

            migrationBuilder.DropTable(
                name: "platform_notification_preferences");

            migrationBuilder.DropTable(
                name: "platform_notification_reads");

            migrationBuilder.DropIndex(
                name: "IX_search_match_notices_DemandOrganizationId_NotifiedAt",
                table: "search_match_notices");

            migrationBuilder.DropIndex(
                name: "IX_platform_users_LockoutEnd",
                table: "platform_users");

            migrationBuilder.DropIndex(
                name: "IX_platform_notifications_DedupKey",
                table: "platform_notifications");

            migrationBuilder.DropIndex(
                name: "IX_platform_notifications_RecipientOrganizationId_CreatedAt",
                table: "platform_notifications");

            migrationBuilder.DropIndex(
                name: "IX_platform_notifications_RecipientRole_CreatedAt",
                table: "platform_notifications");

            migrationBuilder.DropIndex(
                name: "IX_platform_notifications_RecipientUserId_CreatedAt",
                table: "platform_notifications");

            migrationBuilder.DropIndex(
                name: "IX_patents_patents_OwnerOrganizationId_LegalStatus_AnnualFeePa~",
                table: "patents_patents");

            migrationBuilder.DropIndex(
                name: "IX_patents_open_licenses_PatenteeOrganizationId_Status",
                table: "patents_open_licenses");

            migrationBuilder.DropIndex(
                name: "IX_patents_custody_agreements_OperatorOrganizationId_Status",
                table: "patents_custody_agreements");

            migrationBuilder.DropIndex(
                name: "IX_dem_demands_OwnerOrganizationId_Status",
                table: "dem_demands");

            migrationBuilder.DropIndex(
                name: "IX_dem_challenges_OwnerOrganizationId_Status",
                table: "dem_challenges");

            migrationBuilder.DropIndex(
                name: "IX_dem_challenge_applications_ChallengeId_Status",
                table: "dem_challenge_applications");

            migrationBuilder.DropIndex(
                name: "IX_contracts_contracts_OwnerOrganizationId_Status",
                table: "contracts_contracts");

            migrationBuilder.DropIndex(
                name: "IX_ach_rights_grants_OrganizationId_Status",
                table: "ach_rights_grants");

            migrationBuilder.DropIndex(
                name: "IX_ach_rights_grants_RequestedByUserId",
                table: "ach_rights_grants");

            migrationBuilder.DropIndex(
                name: "IX_ach_income_distributions_OrganizationId_Status",
                table: "ach_income_distributions");

            migrationBuilder.DropIndex(
                name: "IX_ach_achievements_OwnerOrganizationId_IdleFlaggedAt",
                table: "ach_achievements");

            migrationBuilder.DropIndex(
                name: "IX_ach_achievements_OwnerOrganizationId_Status",
                table: "ach_achievements");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "platform_users");

            migrationBuilder.DropColumn(
                name: "DedupKey",
                table: "platform_notifications");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "platform_notifications");

            migrationBuilder.DropColumn(
                name: "ResubmittedAt",
                table: "contracts_contracts");

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_RecipientOrganizationId",
                table: "platform_notifications",
                column: "RecipientOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_RecipientUserId",
                table: "platform_notifications",
                column: "RecipientUserId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_PatenteeOrganizationId",
                table: "patents_open_licenses",
                column: "PatenteeOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_agreements_OperatorOrganizationId",
                table: "patents_custody_agreements",
                column: "OperatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_OwnerOrganizationId",
                table: "dem_demands",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenges_OwnerOrganizationId",
                table: "dem_challenges",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_OwnerOrganizationId",
                table: "contracts_contracts",
                column: "OwnerOrganizationId");
        }
    }
}

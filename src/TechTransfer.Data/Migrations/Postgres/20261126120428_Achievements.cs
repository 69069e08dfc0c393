using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Achievements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ach_achievements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Abstract = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    AbstractEn = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Keywords = table.Column<List<string>>(type: "text[]", nullable: false),
                    TechnicalField = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IpcCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    IpType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Trl = table.Column<int>(type: "integer", nullable: false),
                    FundingSource = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProjectReferences = table.Column<List<string>>(type: "text[]", nullable: false),
                    PatentApplicationNumbers = table.Column<List<string>>(type: "text[]", nullable: false),
                    CompleterUserIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    IsConfidential = table.Column<bool>(type: "boolean", nullable: false),
                    ConfidentialDetails = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    NamedViewerUserIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DisclosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UnitRegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SeparateManagement = table.Column<bool>(type: "boolean", nullable: false),
                    ConversionStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConversionMode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ConversionUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    IdleJustification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IdleJustifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IdleFlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StateInterventionFlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    attachments = table.Column<string>(type: "jsonb", nullable: true),
                    completers = table.Column<string>(type: "jsonb", nullable: true),
                    evaluation = table.Column<string>(type: "jsonb", nullable: true),
                    history = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ach_achievements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ach_conversion_report_submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ach_conversion_report_submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ach_income_distributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AchievementId = table.Column<Guid>(type: "uuid", nullable: false),
                    AchievementTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IncomeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    GrossIncome = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    NetIncome = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OperatingProfit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ProfitYear = table.Column<int>(type: "integer", nullable: true),
                    DistributableBase = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    TeamSharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    TeamAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OfficeSharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    OfficeAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UnitAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RuleSetId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RuleSourceRef = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FloorPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    TeamUserIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    allocations = table.Column<string>(type: "jsonb", nullable: true),
                    deductions = table.Column<string>(type: "jsonb", nullable: true),
                    payouts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ach_income_distributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ach_income_distributions_ach_achievements_AchievementId",
                        column: x => x.AchievementId,
                        principalTable: "ach_achievements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ach_rights_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AchievementId = table.Column<Guid>(type: "uuid", nullable: false),
                    AchievementTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GrantType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    UnitSharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    TermYears = table.Column<int>(type: "integer", nullable: true),
                    UnitIncomePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    CompleterIncomePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    IncomeSplitAgreement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DecisionMechanism = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CostSharing = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IpMaintenanceFeeBearer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByCompleter = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CertificateNo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TermStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TermEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OwnershipChangeFiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    completer_shares = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ach_rights_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ach_rights_grants_ach_achievements_AchievementId",
                        column: x => x.AchievementId,
                        principalTable: "ach_achievements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_IdleFlaggedAt",
                table: "ach_achievements",
                column: "IdleFlaggedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_OwnerOrganizationId",
                table: "ach_achievements",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_Status",
                table: "ach_achievements",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_UpdatedAt",
                table: "ach_achievements",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ach_conversion_report_submissions_OrganizationId_Year",
                table: "ach_conversion_report_submissions",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ach_income_distributions_AchievementId",
                table: "ach_income_distributions",
                column: "AchievementId");

            migrationBuilder.CreateIndex(
                name: "IX_ach_income_distributions_IncomeDate",
                table: "ach_income_distributions",
                column: "IncomeDate");

            migrationBuilder.CreateIndex(
                name: "IX_ach_income_distributions_OrganizationId",
                table: "ach_income_distributions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ach_rights_grants_AchievementId",
                table: "ach_rights_grants",
                column: "AchievementId");

            migrationBuilder.CreateIndex(
                name: "IX_ach_rights_grants_CertificateNo",
                table: "ach_rights_grants",
                column: "CertificateNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ach_rights_grants_OrganizationId",
                table: "ach_rights_grants",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ach_conversion_report_submissions");

            migrationBuilder.DropTable(
                name: "ach_income_distributions");

            migrationBuilder.DropTable(
                name: "ach_rights_grants");

            migrationBuilder.DropTable(
                name: "ach_achievements");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Demands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dem_challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Requirements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IpcCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    RewardKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RewardYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ApplicationOpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApplicationClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JudgingEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnnouncementAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WinnerCount = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    judges = table.Column<string>(type: "jsonb", nullable: true),
                    rubric = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dem_challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dem_demands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Need = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Goal = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ExistingBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IpcCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Keywords = table.Column<List<string>>(type: "text[]", nullable: false),
                    BudgetMinYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    BudgetMaxYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CooperationModes = table.Column<int>(type: "integer", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ContactVisibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MatchedOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExpiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dem_demands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dem_challenge_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Approach = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Team = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FinalScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    scores = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dem_challenge_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dem_challenge_applications_dem_challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "dem_challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dem_challenge_awards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContractReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContractLinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContractLinkedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dem_challenge_awards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dem_challenge_awards_dem_challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "dem_challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenge_applications_ChallengeId_ApplicantOrganizatio~",
                table: "dem_challenge_applications",
                columns: new[] { "ChallengeId", "ApplicantOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenge_awards_ApplicationId",
                table: "dem_challenge_awards",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenge_awards_ChallengeId",
                table: "dem_challenge_awards",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenges_OwnerOrganizationId",
                table: "dem_challenges",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_dem_challenges_Status_ApplicationClosesAt",
                table: "dem_challenges",
                columns: new[] { "Status", "ApplicationClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_DivisionCode",
                table: "dem_demands",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_OwnerOrganizationId",
                table: "dem_demands",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_dem_demands_Status_Deadline",
                table: "dem_demands",
                columns: new[] { "Status", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dem_challenge_applications");

            migrationBuilder.DropTable(
                name: "dem_challenge_awards");

            migrationBuilder.DropTable(
                name: "dem_demands");

            migrationBuilder.DropTable(
                name: "dem_challenges");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IpcCodes = table.Column<string>(type: "TEXT", nullable: false),
                    RewardKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RewardYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ApplicationOpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JudgingEndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnouncementAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WinnerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnnouncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    judges = table.Column<string>(type: "TEXT", nullable: true),
                    rubric = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dem_challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dem_demands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExistingBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IpcCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", nullable: false),
                    BudgetMinYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    BudgetMaxYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    CooperationModes = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ContactVisibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MatchedOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExpiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dem_demands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dem_challenge_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Approach = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequestedYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FinalScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    scores = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContractLinkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContractLinkedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                name: "IX_dem_challenge_applications_ChallengeId_ApplicantOrganizationId",
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

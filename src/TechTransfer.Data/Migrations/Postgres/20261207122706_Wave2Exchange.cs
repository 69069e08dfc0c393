using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2Exchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exch_listing_confidential_views",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ViewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_listing_confidential_views", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exch_listings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ListerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustodyAgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AchievementId = table.Column<Guid>(type: "uuid", nullable: true),
                    TechnicalField = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IpcCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    DealType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PricingMethod = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PriceYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConfidentialDetails = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Documents = table.Column<List<string>>(type: "text[]", nullable: false),
                    CompleterNames = table.Column<List<string>>(type: "text[]", nullable: false),
                    PledgeeConsentRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StateFunded = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PeriodStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtendedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    NoticeStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RelatedParty = table.Column<bool>(type: "boolean", nullable: false),
                    RelatedPartyApprovalRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RelatedPartyFlaggedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RelatedPartyFlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    patents = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_listings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exch_listing_ndas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_listing_ndas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exch_listing_ndas_exch_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "exch_listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exch_listing_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedByOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_listing_objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exch_listing_objections_exch_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "exch_listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exch_listing_confidential_views_ListingId_ViewedAt",
                table: "exch_listing_confidential_views",
                columns: new[] { "ListingId", "ViewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exch_listing_ndas_ListingId_OrganizationId",
                table: "exch_listing_ndas",
                columns: new[] { "ListingId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exch_listing_objections_ListingId",
                table: "exch_listing_objections",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_exch_listings_HolderOrganizationId",
                table: "exch_listings",
                column: "HolderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_exch_listings_ListerOrganizationId",
                table: "exch_listings",
                column: "ListerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_exch_listings_ListingNo",
                table: "exch_listings",
                column: "ListingNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exch_listings_Status_SubmittedAt",
                table: "exch_listings",
                columns: new[] { "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exch_listing_confidential_views");

            migrationBuilder.DropTable(
                name: "exch_listing_ndas");

            migrationBuilder.DropTable(
                name: "exch_listing_objections");

            migrationBuilder.DropTable(
                name: "exch_listings");
        }
    }
}

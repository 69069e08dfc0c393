using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Patents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patents_custody_agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementNo = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AllowedDealTypesCsv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PriceFloorYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TerminatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_custody_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patents_open_licenses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatenteeOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatentNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PatentTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PatentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PatenteeNames = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PaymentMode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FixedFeeYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    InitialPaymentYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RoyaltyRatePercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    RoyaltyBase = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    LicenseTermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LicenseTermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OtherTerms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OtherTermsEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EvaluationReportRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PledgeeConsentRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnnouncementNo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnnouncementDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalSubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawalAnnouncementNo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WithdrawalAnnouncementDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LapsedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LapseReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_open_licenses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patents_patents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublicationNo = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PatenteeNames = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IpcCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FilingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GrantAnnouncementDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TermCompensationDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LegalStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnnualFeePaidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsSuspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    SuspensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AchievementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_patents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patents_custody_beneficiaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_custody_beneficiaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_custody_beneficiaries_patents_custody_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "patents_custody_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_custody_operations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Counterparty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PriceYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DealTermEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_custody_operations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_custody_operations_patents_custody_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "patents_custody_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_custody_renewals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousTermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewTermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_custody_renewals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_custody_renewals_patents_custody_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "patents_custody_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_open_license_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeclarationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LicenseeOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LicenseeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenNoticeRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NoticeDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequiredPaymentYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaidAmountYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PaymentRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FilingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FilingDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingFiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingProofRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FilingFiledBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_open_license_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_open_license_grants_patents_open_licenses_DeclarationId",
                        column: x => x.DeclarationId,
                        principalTable: "patents_open_licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_patent_licences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Licensee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenLicenseGrantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PatentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_patent_licences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_patent_licences_patents_patents_PatentId",
                        column: x => x.PatentId,
                        principalTable: "patents_patents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_patent_pledges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pledgee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SecuredAmountYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PatentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_patent_pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_patent_pledges_patents_patents_PatentId",
                        column: x => x.PatentId,
                        principalTable: "patents_patents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_open_license_disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RaisedByOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_open_license_disputes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_open_license_disputes_patents_open_license_grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "patents_open_license_grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_agreements_OperatorOrganizationId",
                table: "patents_custody_agreements",
                column: "OperatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_agreements_OwnerOrganizationId_AgreementNo",
                table: "patents_custody_agreements",
                columns: new[] { "OwnerOrganizationId", "AgreementNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_beneficiaries_AgreementId",
                table: "patents_custody_beneficiaries",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_operations_AgreementId",
                table: "patents_custody_operations",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_renewals_AgreementId",
                table: "patents_custody_renewals",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_license_disputes_GrantId",
                table: "patents_open_license_disputes",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_license_grants_DeclarationId",
                table: "patents_open_license_grants",
                column: "DeclarationId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_license_grants_LicenseeOrganizationId",
                table: "patents_open_license_grants",
                column: "LicenseeOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_PatenteeOrganizationId",
                table: "patents_open_licenses",
                column: "PatenteeOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_PatentId",
                table: "patents_open_licenses",
                column: "PatentId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_Status",
                table: "patents_open_licenses",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patent_licences_PatentId",
                table: "patents_patent_licences",
                column: "PatentId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patent_pledges_PatentId",
                table: "patents_patent_pledges",
                column: "PatentId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_AchievementId",
                table: "patents_patents",
                column: "AchievementId");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_LegalStatus",
                table: "patents_patents",
                column: "LegalStatus");

            migrationBuilder.CreateIndex(
                name: "IX_patents_patents_OwnerOrganizationId_ApplicationNo",
                table: "patents_patents",
                columns: new[] { "OwnerOrganizationId", "ApplicationNo" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patents_custody_beneficiaries");

            migrationBuilder.DropTable(
                name: "patents_custody_operations");

            migrationBuilder.DropTable(
                name: "patents_custody_renewals");

            migrationBuilder.DropTable(
                name: "patents_open_license_disputes");

            migrationBuilder.DropTable(
                name: "patents_patent_licences");

            migrationBuilder.DropTable(
                name: "patents_patent_pledges");

            migrationBuilder.DropTable(
                name: "patents_custody_agreements");

            migrationBuilder.DropTable(
                name: "patents_open_license_grants");

            migrationBuilder.DropTable(
                name: "patents_patents");

            migrationBuilder.DropTable(
                name: "patents_open_licenses");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Contracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contracts_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    TotalAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    non_technical_items_json = table.Column<string>(type: "text", nullable: false),
                    payment_json = table.Column<string>(type: "text", nullable: false),
                    ip_refs_json = table.Column<string>(type: "text", nullable: false),
                    licence_json = table.Column<string>(type: "text", nullable: true),
                    IsGovernmentFunded = table.Column<bool>(type: "boolean", nullable: false),
                    ProjectApprovalDoc = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ExpectedNewInvestment = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ExpectedNewOutput = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    IsMixedContract = table.Column<bool>(type: "boolean", nullable: false),
                    StatedTechnicalPartAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    IsForeignLanguage = table.Column<bool>(type: "boolean", nullable: false),
                    SignedByInternalUnit = table.Column<bool>(type: "boolean", nullable: false),
                    LinkedToDevelopmentOrTransfer = table.Column<bool>(type: "boolean", nullable: false),
                    TechnicalField = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OriginRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    attachments_json = table.Column<string>(type: "text", nullable: false),
                    DeclaredTechTransactionAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AssessedTechTransactionAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    IsLargeContract = table.Column<bool>(type: "boolean", nullable: false),
                    IsDisputed = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status_history_json = table.Column<string>(type: "text", nullable: false),
                    ContentRuleSetId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProcedureRuleSetId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClockStartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SlaDays = table.Column<int>(type: "integer", nullable: true),
                    SlaDayKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SupplementRequest = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RegistryOfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegistrationNo = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CertificateIssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RejectionText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RevocationText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StatusBeforeObjection = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ObjectionText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ObjectionByOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ObjectionOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ObjectionResolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Fingerprint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PossibleDuplicate = table.Column<bool>(type: "boolean", nullable: false),
                    DuplicateOfContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionPending = table.Column<bool>(type: "boolean", nullable: false),
                    PendingCorrectionAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PendingCorrectionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    benefit_uses_json = table.Column<string>(type: "text", nullable: false),
                    notification_tasks_json = table.Column<string>(type: "text", nullable: false),
                    StatCategory = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SellerNatureGroup = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    SellerProvince = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    SellerDivision = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    BuyerNatureGroup = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    BuyerProvince = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RegisteredDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts_contracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contracts_registration_serials",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OfficeDivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    LastSerial = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts_registration_serials", x => new { x.Year, x.OfficeDivisionCode });
                });

            migrationBuilder.CreateTable(
                name: "contracts_statistics",
                columns: table => new
                {
                    Granularity = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContractCount = table.Column<long>(type: "bigint", nullable: false),
                    TotalAmountFen = table.Column<long>(type: "bigint", nullable: false),
                    TechAmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts_statistics", x => new { x.Granularity, x.Dimension, x.Period, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "contracts_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    EntityNature = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contracts_parties_contracts_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "contracts_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_Fingerprint",
                table: "contracts_contracts",
                column: "Fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_OwnerOrganizationId",
                table: "contracts_contracts",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_RegisteredDate",
                table: "contracts_contracts",
                column: "RegisteredDate");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_RegistrationNo",
                table: "contracts_contracts",
                column: "RegistrationNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_Status_DueDate",
                table: "contracts_contracts",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_contracts_parties_ContractId",
                table: "contracts_parties",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_parties_CreditCode",
                table: "contracts_parties",
                column: "CreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_parties_OrganizationId",
                table: "contracts_parties",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_statistics_Period_Dimension_Key",
                table: "contracts_statistics",
                columns: new[] { "Period", "Dimension", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contracts_parties");

            migrationBuilder.DropTable(
                name: "contracts_registration_serials");

            migrationBuilder.DropTable(
                name: "contracts_statistics");

            migrationBuilder.DropTable(
                name: "contracts_contracts");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
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
                    PartOfContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    SeparableServicesAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    TechnicalField = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OriginRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    attachments_json = table.Column<string>(type: "text", nullable: false),
                    achievement_ids_json = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
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
                    RegisteredDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedRegistrarUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedRegistrarName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts_contracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contracts_income_certifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractOwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationNo = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountReceived = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    non_technical_items_json = table.Column<string>(type: "text", nullable: false),
                    DeductedNonTechnical = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CertifiedTechnologyIncome = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    achievement_ids_json = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CertifiedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CertifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contracts_income_certifications", x => x.Id);
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
                name: "org_organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EntityNatureCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DescriptionZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    contacts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patents_custody_agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementNo = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperatorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AllowedDealTypesCsv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PriceFloorYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_custody_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patents_open_licenses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatenteeOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PatentTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PatentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PatenteeNames = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PaymentMode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FixedFeeYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    InitialPaymentYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    RoyaltyRatePercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    RoyaltyBase = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    LicenseTermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    LicenseTermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    OtherTerms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OtherTermsEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EvaluationReportRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PledgeeConsentRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnnouncementNo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnnouncementDate = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalSubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawalAnnouncementNo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WithdrawalAnnouncementDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LapsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LapseReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_open_licenses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patents_patents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublicationNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PatenteeNames = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IpcCodes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FilingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    GrantAnnouncementDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TermCompensationDays = table.Column<int>(type: "integer", nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LegalStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnnualFeePaidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    IsSuspended = table.Column<bool>(type: "boolean", nullable: false),
                    SuspensionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AchievementId = table.Column<Guid>(type: "uuid", nullable: true),
                    LapsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_patents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    TraceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TitleZh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_roles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_search_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnqueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_search_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_manager_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ManagerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_manager_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_match_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Useful = table.Column<bool>(type: "boolean", nullable: false),
                    VotedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    VotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_match_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_match_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DemandId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplyType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SupplyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Strength = table.Column<double>(type: "double precision", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DemandOrganizationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_match_notices", x => x.Id);
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
                    Basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IncomeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    GrossIncome = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    NetIncome = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DistributableBase = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    TeamSharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    TeamAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OfficeSharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    OfficeAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UnitAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    InvesteeCompany = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SharesFormed = table.Column<long>(type: "bigint", nullable: true),
                    TeamShares = table.Column<long>(type: "bigint", nullable: true),
                    FirstProfitableYear = table.Column<int>(type: "integer", nullable: true),
                    ProfitYearsCovered = table.Column<int>(type: "integer", nullable: true),
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
                    CertificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    allocations = table.Column<string>(type: "jsonb", nullable: true),
                    deductions = table.Column<string>(type: "jsonb", nullable: true),
                    payouts = table.Column<string>(type: "jsonb", nullable: true),
                    profit_years = table.Column<string>(type: "jsonb", nullable: true),
                    team = table.Column<string>(type: "jsonb", nullable: true)
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
                    TermStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TermEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
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

            migrationBuilder.CreateTable(
                name: "patents_custody_beneficiaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SharePercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_custody_beneficiaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_custody_beneficiaries_patents_custody_agreements_Ag~",
                        column: x => x.AgreementId,
                        principalTable: "patents_custody_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_custody_operations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Counterparty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PriceYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DealTermEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_custody_operations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_custody_operations_patents_custody_agreements_Agree~",
                        column: x => x.AgreementId,
                        principalTable: "patents_custody_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_custody_renewals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PreviousTermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    NewTermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_custody_renewals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_custody_renewals_patents_custody_agreements_Agreeme~",
                        column: x => x.AgreementId,
                        principalTable: "patents_custody_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_open_license_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeclarationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LicenseeOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LicenseeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WrittenNoticeRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NoticeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RequiredPaymentYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PaidAmountYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PaymentRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FilingId = table.Column<Guid>(type: "uuid", nullable: true),
                    FilingDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingFiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FilingProofRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FilingFiledBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_open_license_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_open_license_grants_patents_open_licenses_Declarati~",
                        column: x => x.DeclarationId,
                        principalTable: "patents_open_licenses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_patent_licences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Licensee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenLicenseGrantId = table.Column<Guid>(type: "uuid", nullable: true),
                    PatentId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Pledgee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SecuredAmountYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PatentId = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "platform_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_role_claims_platform_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "platform_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_user_claims_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_platform_user_logins_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_roles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_platform_user_roles_platform_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "platform_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_platform_user_roles_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_platform_user_tokens_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patents_open_license_disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RaisedByOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patents_open_license_disputes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patents_open_license_disputes_patents_open_license_grants_G~",
                        column: x => x.GrantId,
                        principalTable: "patents_open_license_grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_ach_income_distributions_CertificationId",
                table: "ach_income_distributions",
                column: "CertificationId");

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

            migrationBuilder.CreateIndex(
                name: "IX_contracts_contracts_AssignedRegistrarUserId",
                table: "contracts_contracts",
                column: "AssignedRegistrarUserId");

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
                name: "IX_contracts_income_certifications_ContractId",
                table: "contracts_income_certifications",
                column: "ContractId");

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
                name: "IX_contracts_statistics_covering",
                table: "contracts_statistics",
                columns: new[] { "Granularity", "Dimension", "Period", "Key", "ContractCount", "TotalAmountFen", "TechAmountFen" });

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

            migrationBuilder.CreateIndex(
                name: "IX_org_organizations_CreditCode",
                table: "org_organizations",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_organizations_DivisionCode",
                table: "org_organizations",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_org_organizations_NameZh",
                table: "org_organizations",
                column: "NameZh");

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

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_At",
                table: "platform_audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_EntityType_EntityId",
                table: "platform_audit_entries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_SubjectOrganizationId",
                table: "platform_audit_entries",
                column: "SubjectOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_RecipientOrganizationId",
                table: "platform_notifications",
                column: "RecipientOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_RecipientUserId",
                table: "platform_notifications",
                column: "RecipientUserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_role_claims_RoleId",
                table: "platform_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "platform_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_user_claims_UserId",
                table: "platform_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_user_logins_UserId",
                table: "platform_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_user_roles_RoleId",
                table: "platform_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "platform_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_platform_users_OrganizationId",
                table: "platform_users",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "platform_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_manager_assignments_ManagerUserId",
                table: "search_manager_assignments",
                column: "ManagerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_search_manager_assignments_SubjectType_SubjectId_ManagerUse~",
                table: "search_manager_assignments",
                columns: new[] { "SubjectType", "SubjectId", "ManagerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_match_feedback_SubjectType_SubjectId_TargetType_Targ~",
                table: "search_match_feedback",
                columns: new[] { "SubjectType", "SubjectId", "TargetType", "TargetId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_match_notices_DemandId_SupplyType_SupplyId",
                table: "search_match_notices",
                columns: new[] { "DemandId", "SupplyType", "SupplyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_match_notices_SupplyType_SupplyId",
                table: "search_match_notices",
                columns: new[] { "SupplyType", "SupplyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ach_conversion_report_submissions");

            migrationBuilder.DropTable(
                name: "ach_income_distributions");

            migrationBuilder.DropTable(
                name: "ach_income_settings");

            migrationBuilder.DropTable(
                name: "ach_rights_grants");

            migrationBuilder.DropTable(
                name: "contracts_income_certifications");

            migrationBuilder.DropTable(
                name: "contracts_parties");

            migrationBuilder.DropTable(
                name: "contracts_registration_serials");

            migrationBuilder.DropTable(
                name: "contracts_statistics");

            migrationBuilder.DropTable(
                name: "dem_challenge_applications");

            migrationBuilder.DropTable(
                name: "dem_challenge_awards");

            migrationBuilder.DropTable(
                name: "dem_demands");

            migrationBuilder.DropTable(
                name: "org_organizations");

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
                name: "platform_audit_entries");

            migrationBuilder.DropTable(
                name: "platform_notifications");

            migrationBuilder.DropTable(
                name: "platform_role_claims");

            migrationBuilder.DropTable(
                name: "platform_search_outbox");

            migrationBuilder.DropTable(
                name: "platform_user_claims");

            migrationBuilder.DropTable(
                name: "platform_user_logins");

            migrationBuilder.DropTable(
                name: "platform_user_roles");

            migrationBuilder.DropTable(
                name: "platform_user_tokens");

            migrationBuilder.DropTable(
                name: "search_manager_assignments");

            migrationBuilder.DropTable(
                name: "search_match_feedback");

            migrationBuilder.DropTable(
                name: "search_match_notices");

            migrationBuilder.DropTable(
                name: "ach_achievements");

            migrationBuilder.DropTable(
                name: "contracts_contracts");

            migrationBuilder.DropTable(
                name: "dem_challenges");

            migrationBuilder.DropTable(
                name: "patents_custody_agreements");

            migrationBuilder.DropTable(
                name: "patents_open_license_grants");

            migrationBuilder.DropTable(
                name: "patents_patents");

            migrationBuilder.DropTable(
                name: "platform_roles");

            migrationBuilder.DropTable(
                name: "platform_users");

            migrationBuilder.DropTable(
                name: "patents_open_licenses");
        }
    }
}

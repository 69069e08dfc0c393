using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features;

/// <summary>
/// Create/update body: the §2.1 fields. Enum values are their names (e.g. "Development"). An update carries the
/// <see cref="Version"/> the client read (a stale one is refused with 409). How the contract reached the register
/// (origin, prefill source) is set by the platform, never by the request.
/// </summary>
public sealed record ContractRequest(
    string? ProjectName,
    ContractCategory? Category,
    ContractSubType? SubType,
    ContractForm? Form,
    DateOnly? SignedDate,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<PartyInput>? Parties,
    decimal? TotalAmount,
    IReadOnlyList<NonTechnicalItem>? NonTechnicalItems = null,
    PaymentTerms? Payment = null,
    IReadOnlyList<IpReference>? IpRefs = null,
    LicenceTerms? Licence = null,
    bool IsGovernmentFunded = false,
    string? ProjectApprovalDoc = null,
    decimal? ExpectedNewInvestment = null,
    decimal? ExpectedNewOutput = null,
    bool IsMixedContract = false,
    decimal? StatedTechnicalPartAmount = null,
    bool IsForeignLanguage = false,
    bool SignedByInternalUnit = false,
    bool LinkedToDevelopmentOrTransfer = false,
    string? TechnicalField = null,
    IReadOnlyList<Guid>? AchievementIds = null,
    Guid? PartOfContractId = null,
    decimal? SeparableServicesAmount = null,
    int? Version = null)
{
    /// <summary>The request that leaves a contract's content as it is (a page changes only the fields it shows).</summary>
    public static ContractRequest From(ContractDetails d, int version) => new(
        d.ProjectName, d.Category, d.SubType, d.Form, d.SignedDate, d.ValidFrom, d.ValidTo, d.Parties, d.TotalAmount, d.NonTechnicalItems, d.Payment,
        d.IpRefs, d.Licence, d.IsGovernmentFunded, d.ProjectApprovalDoc, d.ExpectedNewInvestment, d.ExpectedNewOutput, d.IsMixedContract,
        d.StatedTechnicalPartAmount, d.IsForeignLanguage, d.SignedByInternalUnit, d.LinkedToDevelopmentOrTransfer, d.TechnicalField, d.AchievementIds,
        d.PartOfContractId, d.SeparableServicesAmount, version);

    /// <summary>Adds the missing required fields to <paramref name="errors"/>; the details when there are none.</summary>
    public ContractDetails? ToDetails(FieldErrors errors)
    {
        var before = errors.All.Count;
        void Req(bool missing, string field, string zh, string en)
        {
            if (missing) errors.Add(ContractErrors.Required(field, zh, en));
        }
        Req(string.IsNullOrWhiteSpace(ProjectName), "projectName", "项目名称", "The project name");
        Req(Category is null, "category", "合同类别", "The category");
        Req(SignedDate is null, "signedDate", "签订日期", "The signing date");
        Req(ValidFrom is null, "validFrom", "有效期起始日", "The start of the term");
        Req(ValidTo is null, "validTo", "有效期终止日", "The end of the term");
        Req(Parties is null || Parties.Count == 0, "parties", "合同当事方", "The parties");
        Req(TotalAmount is null, "totalAmount", "合同成交额", "The total amount");
        if (errors.All.Count > before) return null;
        return new ContractDetails
        {
            ProjectName = ProjectName!, Category = Category!.Value, SubType = SubType ?? ContractSubType.None, Form = Form ?? ContractForm.Written,
            SignedDate = SignedDate!.Value, ValidFrom = ValidFrom!.Value, ValidTo = ValidTo!.Value, Parties = Parties!, TotalAmount = TotalAmount!.Value,
            NonTechnicalItems = NonTechnicalItems ?? [], Payment = Payment ?? new PaymentTerms(PaymentMode.LumpSumOnce), IpRefs = IpRefs ?? [],
            Licence = Licence, IsGovernmentFunded = IsGovernmentFunded, ProjectApprovalDoc = ProjectApprovalDoc,
            ExpectedNewInvestment = ExpectedNewInvestment, ExpectedNewOutput = ExpectedNewOutput, IsMixedContract = IsMixedContract,
            StatedTechnicalPartAmount = StatedTechnicalPartAmount, IsForeignLanguage = IsForeignLanguage, SignedByInternalUnit = SignedByInternalUnit,
            LinkedToDevelopmentOrTransfer = LinkedToDevelopmentOrTransfer, TechnicalField = TechnicalField,
            AchievementIds = AchievementIds ?? [], PartOfContractId = PartOfContractId, SeparableServicesAmount = SeparableServicesAmount,
        };
    }
}

// Action bodies. Each may carry the version of the contract the caller read; a stale one is refused with 409.
public sealed record AttachmentRequest(AttachmentKind Kind, string FileName, string? ContentType, long SizeBytes, string? Sha256, int? Version = null);
public sealed record SupplementRequestBody(string? Items, int? Version = null);
public sealed record ExpertReviewBody(string? Note, bool MarkDisputed = false, int? Version = null);
public sealed record RegisterBody(decimal? AssessedTechTransactionAmount, int? Version = null);
public sealed record RejectBody(RejectionReason? Reason, string? Text, int? Version = null);
public sealed record ChangeBody(string? Reason, decimal? TotalAmount, decimal? AssessedTechTransactionAmount, IReadOnlyList<PartyInput>? Parties, DateOnly? ValidTo,
    int? Version = null);
public sealed record CorrectionBody(decimal? NewTotalAmount, string? Note, int? Version = null);
public sealed record ReasonBody(string? Reason, int? Version = null);
public sealed record RevokeBody(RevocationReason? Reason, string? Text, int? Version = null);
public sealed record ObjectionBody(string? Text, int? Version = null);
public sealed record ResolveObjectionBody(ObjectionOutcome? Outcome, string? Resolution, int? Version = null);
public sealed record BenefitBody(BenefitKind? Kind, int? Version = null);

public sealed record ContractListQuery(
    string? Status = null, string? Q = null, bool? Overdue = null, string? Category = null, bool? Duplicates = null,
    string? Sort = null, int Page = 1, int PageSize = 20,
    // the statistics drill-down: the registered contracts a statistics row counts (groupBy + key, registration days from–to)
    string? GroupBy = null, string? Key = null, DateOnly? RegisteredFrom = null, DateOnly? RegisteredTo = null,
    // the workbench's registrar filters: due by a date, resubmitted after a supplement request
    DateOnly? DueBy = null, bool? Resubmitted = null,
    // the sort key's direction reversed (see ContractService.Sorts)
    bool Desc = false);

public sealed record ContractSummary(
    Guid Id, string ProjectName, ContractCategory Category, ContractSubType SubType, RegistrationStatus Status,
    string? SellerName, string? BuyerName, decimal TotalAmount, decimal DeclaredTechTransactionAmount, decimal? AssessedTechTransactionAmount,
    DateOnly SignedDate, DateTimeOffset? SubmittedAt, DateOnly? DueDate, bool IsOverdue, bool IsLargeContract, bool PossibleDuplicate,
    string? RegistrationNo, DateTimeOffset UpdatedAt, string? AssignedRegistrarName = null);

public sealed record ContractResponse(
    Guid Id, int Version, ContractDetails Details, RegistrationStatus Status, string StatusZh, string StatusEn,
    decimal RegisterableAmount, TechTransactionAmountResult ComputedAmount, decimal DeclaredTechTransactionAmount, decimal? AssessedTechTransactionAmount,
    bool IsLargeContract, bool IsDisputed, bool IsTechnologyImport, string? ContentRuleSetId, string? ProcedureRuleSetId,
    DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt, DateOnly? ClockStartDate, int? SlaDays, SlaDayKind? SlaDayKind, DateOnly? DueDate, bool IsOverdue,
    string? SupplementRequest, string? RegistrationNo, DateTimeOffset? RegisteredAt, RejectionReason? RejectionReason, string? RejectionText,
    RevocationReason? RevocationReason, string? RevocationText, string? CancellationReason, string? ObjectionText, ObjectionOutcome? ObjectionOutcome,
    bool PossibleDuplicate, Guid? DuplicateOfContractId, bool CorrectionPending, decimal? PendingCorrectionAmount,
    IReadOnlyList<AttachmentInfo> Attachments, IReadOnlyList<StatusChange> StatusHistory, IReadOnlyList<NotificationTask> NotificationTasks,
    IReadOnlyList<BenefitUse> BenefitUses, IReadOnlyList<ContractCheck> Checks, VatExemptionAssessment Vat,
    bool CanEdit, bool CanSubmit, bool IsRegistrar);

public sealed record ImportResult(int Rows, int Imported, int Invalid, bool SkippedInvalid, IReadOnlyList<Guid> ContractIds, IReadOnlyList<Import.ImportRowError> Errors);

public sealed record StatisticsResponse(DateOnly From, DateOnly To, StatisticsGroupBy GroupBy, long Count, decimal TotalAmount, decimal TechTransactionAmount,
    IReadOnlyList<StatisticsRow> Rows, string Source);

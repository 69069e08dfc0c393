using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features;

/// <summary>Create/update body: the §2.1 fields. Enum values are their names (e.g. "Development").</summary>
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
    ContractOrigin? Origin = null,
    string? OriginRef = null,
    IReadOnlyList<Guid>? AchievementIds = null)
{
    public Result<ContractDetails> ToDetails()
    {
        var errors = new List<FieldError>();
        void Req(bool missing, string field, string zh, string en)
        {
            if (missing) errors.Add(new FieldError(field, "validation.required", $"{zh}为必填项", $"{en} is required."));
        }
        Req(string.IsNullOrWhiteSpace(ProjectName), "projectName", "项目名称", "The project name");
        Req(Category is null, "category", "合同类别", "The category");
        Req(SignedDate is null, "signedDate", "签订日期", "The signing date");
        Req(ValidFrom is null, "validFrom", "有效期起始日", "The start of the term");
        Req(ValidTo is null, "validTo", "有效期终止日", "The end of the term");
        Req(Parties is null || Parties.Count == 0, "parties", "合同当事方", "The parties");
        Req(TotalAmount is null, "totalAmount", "合同成交额", "The total amount");
        if (errors.Count > 0) return Error.Validation(errors);
        return new ContractDetails
        {
            ProjectName = ProjectName!, Category = Category!.Value, SubType = SubType ?? ContractSubType.None, Form = Form ?? ContractForm.Written,
            SignedDate = SignedDate!.Value, ValidFrom = ValidFrom!.Value, ValidTo = ValidTo!.Value, Parties = Parties!, TotalAmount = TotalAmount!.Value,
            NonTechnicalItems = NonTechnicalItems ?? [], Payment = Payment ?? new PaymentTerms(PaymentMode.LumpSumOnce), IpRefs = IpRefs ?? [],
            Licence = Licence, IsGovernmentFunded = IsGovernmentFunded, ProjectApprovalDoc = ProjectApprovalDoc,
            ExpectedNewInvestment = ExpectedNewInvestment, ExpectedNewOutput = ExpectedNewOutput, IsMixedContract = IsMixedContract,
            StatedTechnicalPartAmount = StatedTechnicalPartAmount, IsForeignLanguage = IsForeignLanguage, SignedByInternalUnit = SignedByInternalUnit,
            LinkedToDevelopmentOrTransfer = LinkedToDevelopmentOrTransfer, TechnicalField = TechnicalField,
            Origin = Origin ?? ContractOrigin.Manual, OriginRef = OriginRef, AchievementIds = AchievementIds ?? [],
        };
    }
}

public sealed record AttachmentRequest(AttachmentKind Kind, string FileName, string? ContentType, long SizeBytes, string? Sha256);
public sealed record SupplementRequestBody(string? Items);
public sealed record ExpertReviewBody(string? Note, bool MarkDisputed = false);
public sealed record RegisterBody(decimal? AssessedTechTransactionAmount);
public sealed record RejectBody(RejectionReason? Reason, string? Text);
public sealed record ChangeBody(string? Reason, decimal? TotalAmount, decimal? AssessedTechTransactionAmount, IReadOnlyList<PartyInput>? Parties, DateOnly? ValidTo);
public sealed record CorrectionBody(decimal? NewTotalAmount, string? Note);
public sealed record ReasonBody(string? Reason);
public sealed record RevokeBody(RevocationReason? Reason, string? Text);
public sealed record ObjectionBody(string? Text);
public sealed record ResolveObjectionBody(ObjectionOutcome? Outcome, string? Resolution);
public sealed record BenefitBody(BenefitKind? Kind);

public sealed record ContractListQuery(
    string? Status = null, string? Q = null, bool? Overdue = null, string? Category = null, bool? Duplicates = null,
    string? Sort = null, int Page = 1, int PageSize = 20);

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

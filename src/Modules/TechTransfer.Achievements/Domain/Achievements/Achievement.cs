using TechTransfer.SharedKernel.Fields;
using System.Text.RegularExpressions;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Achievements.Domain;

/// <summary>
/// 科技成果 (spec R5.1): disclosed by a researcher, reviewed and registered in the unit (本单位登记, 单列管理) by the
/// transfer office, then tracked through conversion. Every transition takes the caller (<see cref="ICurrentUser"/>) and
/// checks role and organisation, then the body, then the state; another organisation is told "not found" (never
/// "forbidden") so existence is not revealed.
/// </summary>
public sealed partial class Achievement : IAudited, ISearchIndexed
{
    private readonly List<Completer> _completers = [];
    private readonly List<CompleterAccount> _completerAccounts = [];
    private readonly List<AchievementStatusChange> _history = [];
    private readonly List<AchievementEvaluationRecord> _evaluations = [];
    private readonly List<AchievementAttachment> _attachments = [];

    private Achievement()
    {
        Title = "";
        Abstract = "";
        TechnicalField = "";
    }

    public Guid Id { get; private set; }
    public Guid OwnerOrganizationId { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    /// <summary>成果名称 (Chinese)</summary>
    public string Title { get; private set; }
    public string? TitleEn { get; private set; }
    /// <summary>成果简介</summary>
    public string Abstract { get; private set; }
    public string? AbstractEn { get; private set; }
    public List<string> Keywords { get; private set; } = [];
    /// <summary>技术领域 (学科)</summary>
    public string TechnicalField { get; private set; }
    public List<string> IpcCodes { get; private set; } = [];
    public IpType IpType { get; private set; }
    /// <summary>技术成熟度 1–9</summary>
    public int Trl { get; private set; }
    public FundingSource FundingSource { get; private set; }
    public List<string> ProjectReferences { get; private set; } = [];
    /// <summary>Linked patents by application number only (the Patents module owns patents).</summary>
    public List<string> PatentApplicationNumbers { get; private set; } = [];
    public IReadOnlyList<Completer> Completers => _completers;
    /// <summary>
    /// Platform users among the completers, one row each (kept in step with <see cref="Completers"/>), so "my
    /// achievements" seeks an index on the user instead of reading every achievement's completer list.
    /// </summary>
    public IReadOnlyList<CompleterAccount> CompleterAccounts => _completerAccounts;
    public IEnumerable<Guid> CompleterUserIds => _completerAccounts.Select(c => c.UserId);

    /// <summary>When true the whole record is hidden from other organisations (and never public in search).</summary>
    public bool IsConfidential { get; private set; }
    /// <summary>保密信息: visible only to the owning organisation and the people it names.</summary>
    public string? ConfidentialDetails { get; private set; }
    public List<Guid> NamedViewerUserIds { get; private set; } = [];

    public AchievementStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>披露日期</summary>
    public DateTimeOffset? DisclosedAt { get; private set; }
    /// <summary>本单位登记日期</summary>
    public DateTimeOffset? UnitRegisteredAt { get; private set; }
    /// <summary>单列管理</summary>
    public bool SeparateManagement { get; private set; }

    public ConversionStatus ConversionStatus { get; private set; }
    public ConversionMode? ConversionMode { get; private set; }
    public DateTimeOffset? ConversionUpdatedAt { get; private set; }

    public AchievementEvaluation? Evaluation { get; private set; }
    public DateTimeOffset? EvaluatedAt { get; private set; }
    public Guid? EvaluatedByUserId { get; private set; }

    /// <summary>Recorded justified reason for not converting (R5.3); its presence stops the idle flag.</summary>
    public string? IdleJustification { get; private set; }
    public DateTimeOffset? IdleJustifiedAt { get; private set; }
    /// <summary>When set, the achievement is EligibleForCompleterLedConversion (R5.3).</summary>
    public DateTimeOffset? IdleFlaggedAt { get; private set; }
    /// <summary>When set, StateMayImplementOrLicense (R5.4).</summary>
    public DateTimeOffset? StateInterventionFlaggedAt { get; private set; }

    public IReadOnlyList<AchievementStatusChange> History => _history;
    /// <summary>Every evaluation saved, oldest first (the last one is <see cref="Evaluation"/>).</summary>
    public IReadOnlyList<AchievementEvaluationRecord> EvaluationHistory => _evaluations;
    public IReadOnlyList<AchievementAttachment> Attachments => _attachments;
    public int Version { get; private set; }

    public bool EligibleForCompleterLedConversion => IdleFlaggedAt is not null;
    public bool StateMayImplementOrLicense => StateInterventionFlaggedAt is not null;

    string ISearchIndexed.SearchDocumentType => SearchDocumentTypes.Achievement;
    Guid? IAudited.AuditOrganizationId => OwnerOrganizationId;

    // ------------------------------------------------------------------ creation and editing

    /// <summary>A researcher starts a disclosure as a draft in their own organisation (R5.1).</summary>
    public static Result<Achievement> Draft(AchievementInput input, ICurrentUser caller, DateTimeOffset now)
    {
        if (!caller.IsInRole(Roles.Researcher)) return AchievementErrors.OnlyResearcherMayDisclose;
        if (caller.UserId is not { } userId || caller.OrganizationId is not { } organizationId) return Error.Forbidden;
        var errors = ValidateDraft(input);
        if (errors.Count > 0) return Error.Validation(errors);
        var a = new Achievement
        {
            Id = Guid.NewGuid(),
            OwnerOrganizationId = organizationId,
            CreatedByUserId = userId,
            Status = AchievementStatus.Draft,
            CreatedAt = now,
            ConversionStatus = ConversionStatus.NotStarted,
        };
        a.Apply(input, now);
        return a;
    }

    /// <summary>The disclosing researcher edits while the achievement is a draft or returned for changes.</summary>
    public Result Edit(AchievementInput input, ICurrentUser caller, DateTimeOffset now)
    {
        if (!IsOwnedBy(caller)) return AchievementErrors.NotFound;
        if (!caller.Is(CreatedByUserId)) return AchievementErrors.OnlyCreatorMayEdit;
        var errors = ValidateDraft(input);
        if (errors.Count > 0) return Error.Validation(errors);
        if (Status is not (AchievementStatus.Draft or AchievementStatus.Returned))
            return AchievementErrors.InvalidTransition(Status, "edited");
        Apply(input, now);
        return Result.Success();
    }

    private void Apply(AchievementInput input, DateTimeOffset now)
    {
        Title = input.Title.Trim();
        TitleEn = Blank(input.TitleEn);
        Abstract = input.Abstract.Trim();
        AbstractEn = Blank(input.AbstractEn);
        Keywords = Clean(input.Keywords);
        TechnicalField = TechnicalFields.Normalize(input.TechnicalField);
        IpcCodes = Clean(input.IpcCodes).Select(c => c.ToUpperInvariant()).ToList();
        IpType = input.IpType;
        Trl = input.Trl;
        FundingSource = input.FundingSource;
        ProjectReferences = Clean(input.ProjectReferences);
        PatentApplicationNumbers = Clean(input.PatentApplicationNumbers);
        IsConfidential = input.IsConfidential;
        ConfidentialDetails = Blank(input.ConfidentialDetails);
        NamedViewerUserIds = input.NamedViewerUserIds.Distinct().ToList();
        _completers.Clear();
        _completers.AddRange(input.Completers.Select(c => new Completer(c.Name, c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)));
        var accounts = _completers.Where(c => c.UserId is not null).Select(c => c.UserId!.Value).Distinct().ToList();
        // a diff, not clear-and-add: the rows are keyed by (achievement, user)
        _completerAccounts.RemoveAll(c => !accounts.Contains(c.UserId));
        _completerAccounts.AddRange(accounts.Where(id => _completerAccounts.All(c => c.UserId != id)).Select(id => new CompleterAccount(id)));
        UpdatedAt = now;
        Version++;
    }

    // ------------------------------------------------------------------ lifecycle (R5.1)

    /// <summary>Draft|Returned → Disclosed (披露). Only the disclosing researcher; the full disclosure must be complete.</summary>
    public Result Disclose(ICurrentUser caller, DateTimeOffset now)
    {
        if (!IsOwnedBy(caller)) return AchievementErrors.NotFound;
        if (!caller.IsInRole(Roles.Researcher)) return AchievementErrors.OnlyResearcherMayDisclose;
        if (!caller.Is(CreatedByUserId)) return AchievementErrors.OnlyCreatorMayEdit;
        if (Status is not (AchievementStatus.Draft or AchievementStatus.Returned))
            return AchievementErrors.InvalidTransition(Status, "disclosed");
        var errors = ValidateForDisclosure(CurrentInput());
        if (errors.Count > 0) return Error.Validation(errors);
        DisclosedAt = now;
        return Move("disclose", AchievementStatus.Disclosed, caller, now, null);
    }

    /// <summary>Disclosed → UnderReview, by the owning organisation's transfer office.</summary>
    public Result StartReview(ICurrentUser caller, DateTimeOffset now)
    {
        var auth = AuthorizeOffice(caller);
        if (auth.IsFailure) return auth;
        if (Status != AchievementStatus.Disclosed) return AchievementErrors.InvalidTransition(Status, "taken into review");
        return Move("start_review", AchievementStatus.UnderReview, caller, now, null);
    }

    /// <summary>UnderReview → Registered (本单位登记), with separate management (单列管理).</summary>
    public Result Register(ICurrentUser caller, DateTimeOffset now, string? note = null)
    {
        var auth = AuthorizeOffice(caller);
        if (auth.IsFailure) return auth;
        if (Status != AchievementStatus.UnderReview) return AchievementErrors.InvalidTransition(Status, "registered");
        UnitRegisteredAt = now;
        SeparateManagement = true;
        ConversionStatus = ConversionStatus.NotStarted;
        return Move("register", AchievementStatus.Registered, caller, now, Blank(note));
    }

    /// <summary>UnderReview → Returned for changes; a reason is required.</summary>
    public Result Return(ICurrentUser caller, DateTimeOffset now, string reason)
    {
        var auth = AuthorizeOffice(caller);
        if (auth.IsFailure) return auth;
        if (string.IsNullOrWhiteSpace(reason)) return AchievementErrors.ReasonRequired;
        if (Status != AchievementStatus.UnderReview) return AchievementErrors.InvalidTransition(Status, "returned");
        return Move("return", AchievementStatus.Returned, caller, now, reason.Trim());
    }

    /// <summary>UnderReview → Declined (不予登记); a reason is required. Final.</summary>
    public Result Decline(ICurrentUser caller, DateTimeOffset now, string reason)
    {
        var auth = AuthorizeOffice(caller);
        if (auth.IsFailure) return auth;
        if (string.IsNullOrWhiteSpace(reason)) return AchievementErrors.ReasonRequired;
        if (Status != AchievementStatus.UnderReview) return AchievementErrors.InvalidTransition(Status, "declined");
        return Move("decline", AchievementStatus.Declined, caller, now, reason.Trim());
    }

    /// <summary>The office's value and potential assessment with proof-of-concept status (under review or registered).</summary>
    public Result RecordEvaluation(AchievementEvaluation evaluation, ICurrentUser caller, DateTimeOffset now)
    {
        var auth = AuthorizeOffice(caller);
        if (auth.IsFailure) return auth;
        if (CheckEvaluation(evaluation) is { } invalid) return invalid;
        if (Status is not (AchievementStatus.UnderReview or AchievementStatus.Registered))
            return AchievementErrors.InvalidTransition(Status, "evaluated");
        Evaluation = evaluation with { EstimatedValueYuan = evaluation.EstimatedValueYuan is { } v ? Yuan.Round(v) : null };
        EvaluatedAt = now;
        EvaluatedByUserId = caller.UserId;
        _evaluations.Add(new AchievementEvaluationRecord(Evaluation, caller.UserId ?? Guid.Empty, now));
        Touch(now);
        return Result.Success();
    }

    /// <summary>
    /// Records conversion progress of a registered achievement. In progress and converted need a mode. A fiscally
    /// funded result transferred abroad, or licensed exclusively to a foreign party, needs a project-authority
    /// approval record (R5.4, 进步法 34). Starting conversion clears the idle flags (R5.3).
    /// </summary>
    public Result UpdateConversion(ConversionStatus status, ConversionMode? mode, ICurrentUser caller, DateTimeOffset now,
        bool counterpartyIsForeign = false, bool exclusiveLicence = false, string? projectAuthorityApprovalRef = null, string? note = null)
    {
        var auth = AuthorizeOffice(caller);
        if (auth.IsFailure) return auth;
        if (status != ConversionStatus.NotStarted && mode is null) return AchievementErrors.ConversionModeRequired;
        if (Status != AchievementStatus.Registered) return AchievementErrors.InvalidTransition(Status, "converted");
        var foreignSensitive = counterpartyIsForeign &&
            (mode == Domain.ConversionMode.Transfer || (mode == Domain.ConversionMode.License && exclusiveLicence));
        if (FundingSource == FundingSource.Fiscal && foreignSensitive && string.IsNullOrWhiteSpace(projectAuthorityApprovalRef))
            return AchievementErrors.ForeignTransferNeedsApproval;
        ConversionStatus = status;
        ConversionMode = status == ConversionStatus.NotStarted ? null : mode;
        ConversionUpdatedAt = now;
        if (status != ConversionStatus.NotStarted)
        {
            IdleFlaggedAt = null;
            StateInterventionFlaggedAt = null;
        }
        _history.Add(new AchievementStatusChange($"conversion:{status}", Status, Status, caller.UserId ?? Guid.Empty, now,
            string.Join("; ", new[] { mode?.ToString(), Blank(projectAuthorityApprovalRef), Blank(note) }.Where(s => s is not null))));
        Touch(now);
        return Result.Success();
    }

    /// <summary>The office records a justified reason for not converting; the idle flags are cleared (R5.3).</summary>
    public Result RecordIdleJustification(string justification, ICurrentUser caller, DateTimeOffset now)
    {
        var auth = AuthorizeOffice(caller);
        if (auth.IsFailure) return auth;
        if (string.IsNullOrWhiteSpace(justification)) return AchievementErrors.JustificationRequired;
        if (Status != AchievementStatus.Registered) return AchievementErrors.InvalidTransition(Status, "justified");
        IdleJustification = justification.Trim();
        IdleJustifiedAt = now;
        IdleFlaggedAt = null;
        StateInterventionFlaggedAt = null;
        Touch(now);
        return Result.Success();
    }

    /// <summary>The office changes who may see the confidential fields (named people) and whether the record is confidential.</summary>
    public Result SetConfidentiality(bool isConfidential, string? details, IReadOnlyList<Guid> namedViewers, ICurrentUser caller, DateTimeOffset now)
    {
        var auth = AuthorizeOffice(caller);
        if (auth.IsFailure) return auth;
        IsConfidential = isConfidential;
        ConfidentialDetails = Blank(details);
        NamedViewerUserIds = namedViewers.Distinct().ToList();
        Touch(now);
        return Result.Success();
    }

    /// <summary>Adds an already checked and stored attachment (see <see cref="AttachmentRules"/>).</summary>
    public Result AddAttachment(AchievementAttachment attachment, ICurrentUser caller, AttachmentOptions options, DateTimeOffset now)
    {
        if (!IsOwnedBy(caller)) return AchievementErrors.NotFound;
        if (!caller.Is(CreatedByUserId) && !caller.IsOfficeOf(OwnerOrganizationId)) return AchievementErrors.RoleNotAllowed;
        if (Status == AchievementStatus.Declined) return AchievementErrors.InvalidTransition(Status, "given attachments");
        if (_attachments.Count >= options.MaxPerAchievement) return AchievementErrors.TooManyAttachments;
        _attachments.Add(attachment);
        Touch(now);
        return Result.Success();
    }

    // ------------------------------------------------------------------ idle (R5.3, R5.4)

    /// <summary>
    /// Daily evaluation. Sets or clears EligibleForCompleterLedConversion (R5.3): fiscally funded, registered more than
    /// the idle period ago, conversion not started, no recorded justification. Sets StateMayImplementOrLicense (R5.4)
    /// for fiscal plan-project results not implemented within the reasonable period. "More than N years after
    /// registration" compares business dates in Asia/Shanghai (registered 2025-03-02: idle from 2026-03-03, whatever the
    /// hour of the registration or of the run). Returns true when a flag changed.
    /// </summary>
    public bool EvaluateIdle(IdleRuleSet rules, DateTimeOffset now)
    {
        var before = (IdleFlaggedAt, StateInterventionFlaggedAt);
        var candidate = FundingSource == FundingSource.Fiscal
                        && Status == AchievementStatus.Registered
                        && ConversionStatus == ConversionStatus.NotStarted
                        && IdleJustification is null
                        && UnitRegisteredAt is not null;
        var today = BusinessTime.DateOf(now);
        var registeredOn = BusinessTime.DateOf(UnitRegisteredAt ?? now);
        var idle = candidate && BusinessTime.IsMoreThanYearsAfter(registeredOn, rules.IdlePeriodYears, today);
        IdleFlaggedAt = idle ? IdleFlaggedAt ?? now : null;
        var state = candidate && ProjectReferences.Count > 0 && rules.StateInterventionPeriodYears is { } years
                    && BusinessTime.IsMoreThanYearsAfter(registeredOn, years, today);
        StateInterventionFlaggedAt = state ? StateInterventionFlaggedAt ?? now : null;
        return before != (IdleFlaggedAt, StateInterventionFlaggedAt);
    }

    /// <summary>Days from the registration date to today (business dates), the "age" on the office's idle list.</summary>
    public int? AgeInDays(DateTimeOffset now) =>
        UnitRegisteredAt is { } r ? BusinessTime.DateOf(now).DayNumber - BusinessTime.DateOf(r).DayNumber : null;

    // ------------------------------------------------------------------ visibility

    public bool IsOwnedBy(ICurrentUser caller) => caller.OrganizationId == OwnerOrganizationId;

    public bool IsCompleter(Guid userId) => _completers.Any(c => c.UserId == userId);

    /// <summary>
    /// Who may see the record at all: the owning organisation (a draft only its author), named people, completers and
    /// platform administrators; everyone else only registered, non-confidential achievements.
    /// </summary>
    public bool CanBeSeenBy(ICurrentUser viewer)
    {
        if (viewer.UserId is { } uid && (uid == CreatedByUserId || NamedViewerUserIds.Contains(uid) || IsCompleter(uid))) return true;
        if (viewer.OrganizationId == OwnerOrganizationId) return Status != AchievementStatus.Draft;
        if (viewer.IsPlatformAdmin()) return Status != AchievementStatus.Draft;
        return IsPublic;
    }

    /// <summary>Confidential fields: only the owning organisation and the people it names (R5.1).</summary>
    public bool CanSeeConfidentialFields(ICurrentUser viewer) =>
        viewer.OrganizationId == OwnerOrganizationId || (viewer.UserId is { } uid && NamedViewerUserIds.Contains(uid));

    /// <summary>Visible to anyone, including the public search index.</summary>
    public bool IsPublic => Status == AchievementStatus.Registered && !IsConfidential;

    // ------------------------------------------------------------------ validation

    private AchievementInput CurrentInput() => new(Title, TitleEn, Abstract, AbstractEn, Keywords, TechnicalField, IpcCodes, IpType, Trl,
        FundingSource, ProjectReferences, _completers.Select(c => new CompleterInput(c.Name, c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)).ToList(),
        PatentApplicationNumbers, IsConfidential, ConfidentialDetails, NamedViewerUserIds);

    /// <summary>What a draft must already satisfy: a title, and sane values where given.</summary>
    public static List<FieldError> ValidateDraft(AchievementInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add(AchievementErrors.TitleRequired);
        else if (input.Title.Trim().Length > 200) errors.Add(AchievementErrors.TitleTooLong);
        if (input.Trl is < 0 or > 9) errors.Add(AchievementErrors.TrlOutOfRange);
        foreach (var code in input.IpcCodes.Where(c => !string.IsNullOrWhiteSpace(c) && !IpcPattern().IsMatch(c.Trim().ToUpperInvariant())))
            errors.Add(AchievementErrors.IpcCodeInvalid(code));
        return errors;
    }

    /// <summary>A complete disclosure (R5.1): abstract, field, TRL 1–9, completers with contributions summing to 100,
    /// project references for fiscal or commissioned funding.</summary>
    public static List<FieldError> ValidateForDisclosure(AchievementInput input)
    {
        var errors = ValidateDraft(input);
        if (string.IsNullOrWhiteSpace(input.Abstract)) errors.Add(AchievementErrors.AbstractRequired);
        if (string.IsNullOrWhiteSpace(input.TechnicalField)) errors.Add(AchievementErrors.FieldRequired);
        if (input.Trl is < 1 or > 9 && !errors.Contains(AchievementErrors.TrlOutOfRange)) errors.Add(AchievementErrors.TrlOutOfRange);
        errors.AddRange(ValidateCompleters(input.Completers));
        if (input.FundingSource != FundingSource.Own && !input.ProjectReferences.Any(r => !string.IsNullOrWhiteSpace(r)))
            errors.Add(AchievementErrors.ProjectReferenceRequired);
        return errors;
    }

    public static List<FieldError> ValidateCompleters(IReadOnlyList<CompleterInput> completers)
    {
        var errors = new List<FieldError>();
        if (completers.Count == 0)
        {
            errors.Add(AchievementErrors.CompletersRequired);
            return errors;
        }
        if (completers.Any(c => string.IsNullOrWhiteSpace(c.Name))) errors.Add(AchievementErrors.CompleterNameRequired);
        if (completers.Any(c => c.ContributionPercent is <= 0 or > 100)) errors.Add(AchievementErrors.ContributionOutOfRange);
        var sum = completers.Sum(c => c.ContributionPercent);
        if (sum != 100m) errors.Add(AchievementErrors.ContributionsMustSum100(sum));
        return errors;
    }

    // IPC: section letter, class 2 digits, subclass letter, optional group "n/m" (e.g. G06N 3/08, H01M10/0525).
    [GeneratedRegex(@"^[A-H]\d{2}[A-Z](\s?\d{1,4}/\d{2,6})?$")]
    private static partial Regex IpcPattern();

    // ------------------------------------------------------------------ helpers

    private Result AuthorizeOffice(ICurrentUser caller)
    {
        if (!IsOwnedBy(caller)) return AchievementErrors.NotFound;
        if (!caller.IsInRole(Roles.InstitutionAdmin)) return AchievementErrors.RoleNotAllowed;
        return Result.Success();
    }

    /// <summary>The body of an evaluation (checked before the achievement is loaded, and again here).</summary>
    public static Error? CheckEvaluation(AchievementEvaluation evaluation)
    {
        if (string.IsNullOrWhiteSpace(evaluation.ValueAssessment)) return AchievementErrors.EvaluationIncomplete;
        if (evaluation.EstimatedValueYuan is < 0) return AchievementErrors.EstimatedValueNegative;
        return null;
    }

    private Result Move(string action, AchievementStatus to, ICurrentUser caller, DateTimeOffset now, string? reason)
    {
        _history.Add(new AchievementStatusChange(action, Status, to, caller.UserId ?? Guid.Empty, now, reason));
        Status = to;
        Touch(now);
        return Result.Success();
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> Clean(IEnumerable<string> items) =>
        items.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
}

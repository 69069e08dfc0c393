using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Features;

public sealed record CompleterDto(string Name, Guid? UserId, decimal ContributionPercent, bool HoldsLeadershipPost = false);

/// <summary>Create or edit a disclosure (披露). <see cref="Version"/> is required on edit (the version read; a stale one is 409).</summary>
public sealed record AchievementRequest
{
    public string Title { get; init; } = "";
    public string? TitleEn { get; init; }
    public string Abstract { get; init; } = "";
    public string? AbstractEn { get; init; }
    public List<string> Keywords { get; init; } = [];
    public string TechnicalField { get; init; } = "";
    public List<string> IpcCodes { get; init; } = [];
    public IpType IpType { get; init; } = IpType.PatentApplication;
    public int Trl { get; init; }
    public FundingSource FundingSource { get; init; } = FundingSource.Fiscal;
    public List<string> ProjectReferences { get; init; } = [];
    public List<CompleterDto> Completers { get; init; } = [];
    /// <summary>Linked patents by application number (the Patents module owns the patents).</summary>
    public List<string> PatentApplicationNumbers { get; init; } = [];
    public bool IsConfidential { get; init; }
    public string? ConfidentialDetails { get; init; }
    public List<Guid> NamedViewerUserIds { get; init; } = [];
    public int? Version { get; init; }

    /// <summary>Shapes no request may have: an empty (null) completer.</summary>
    public FieldErrors ShapeErrors()
    {
        var errors = new FieldErrors();
        var completers = Completers ?? [];
        for (var i = 0; i < completers.Count; i++)
            if (completers[i] is null) errors.Add(AchievementErrors.NullItem($"completers[{i}]"));
        return errors;
    }

    /// <summary>Platform users the request names: completers with an account and named viewers, with the field each sits in.</summary>
    public IEnumerable<(string Field, Guid UserId)> UserReferences() =>
        (Completers ?? []).Select((c, i) => (c, i)).Where(x => x.c?.UserId is not null).Select(x => ($"completers[{x.i}].userId", x.c.UserId!.Value))
            .Concat((NamedViewerUserIds ?? []).Select((id, i) => ($"namedViewerUserIds[{i}]", id)));

    public AchievementInput ToInput() => new(Title ?? "", TitleEn, Abstract ?? "", AbstractEn, Clean(Keywords), TechnicalField ?? "",
        Clean(IpcCodes), IpType, Trl, FundingSource, Clean(ProjectReferences),
        (Completers ?? []).Where(c => c is not null).Select(c => new CompleterInput(c.Name ?? "", c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)).ToList(),
        Clean(PatentApplicationNumbers), IsConfidential, ConfidentialDetails, NamedViewerUserIds ?? []);

    private static List<string> Clean(List<string>? items) => (items ?? []).Where(s => s is not null).ToList();
}

/// <summary>The body of a transition: an optional reason and the version the caller read (checked when given).</summary>
public sealed record ReasonRequest(string? Reason, int? Version = null);


public sealed record EvaluationRequest(string ValueAssessment, PotentialRating Potential, decimal? EstimatedValueYuan, ProofOfConceptStatus ProofOfConcept, string? Notes,
    int? Version = null);

public sealed record ConversionRequest(ConversionStatus Status, ConversionMode? Mode, bool CounterpartyIsForeign = false, bool ExclusiveLicence = false,
    string? ProjectAuthorityApprovalRef = null, string? Note = null, int? Version = null);

public sealed record JustificationRequest(string? Justification, int? Version = null);

public sealed record ConfidentialityRequest(bool IsConfidential, string? ConfidentialDetails, List<Guid>? NamedViewerUserIds, int? Version = null);

/// <summary>Filters of the achievement list. <c>Mine</c>: only those I disclosed or complete; <c>Idle</c>: flagged idle (R5.3).</summary>
public sealed record AchievementListQuery(
    string? Q = null, AchievementStatus? Status = null, ConversionStatus? ConversionStatus = null, FundingSource? FundingSource = null,
    IpType? IpType = null, string? Field = null, Guid? OrganizationId = null, bool Mine = false, bool? Idle = null,
    string? Sort = null, bool Desc = false, int Page = 1, int PageSize = 20);

public sealed record AchievementSummary(Guid Id, string Title, string? TitleEn, string TechnicalField, IpType IpType, int Trl,
    FundingSource FundingSource, AchievementStatus Status, ConversionStatus ConversionStatus, ConversionMode? ConversionMode,
    Guid OwnerOrganizationId, bool IsConfidential, DateTimeOffset? DisclosedAt, DateTimeOffset? UnitRegisteredAt,
    DateTimeOffset? IdleFlaggedAt, DateTimeOffset UpdatedAt);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, bool IsConfidential, DateTimeOffset UploadedAt);

/// <summary>One saved evaluation (who and when), oldest first.</summary>
public sealed record EvaluationRecordDto(string ValueAssessment, PotentialRating Potential, decimal? EstimatedValueYuan, ProofOfConceptStatus ProofOfConcept,
    string? Notes, Guid ByUserId, DateTimeOffset At);

public sealed record StatusChangeDto(string Action, AchievementStatus From, AchievementStatus To, Guid ByUserId, DateTimeOffset At, string? Reason);

public sealed record AchievementResponse
{
    public required Guid Id { get; init; }
    public required Guid OwnerOrganizationId { get; init; }
    public required Guid CreatedByUserId { get; init; }
    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    public required string Abstract { get; init; }
    public string? AbstractEn { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    public required string TechnicalField { get; init; }
    public required IReadOnlyList<string> IpcCodes { get; init; }
    public IpType IpType { get; init; }
    public int Trl { get; init; }
    public FundingSource FundingSource { get; init; }
    public required IReadOnlyList<string> ProjectReferences { get; init; }
    public required IReadOnlyList<CompleterDto> Completers { get; init; }
    public required IReadOnlyList<string> PatentApplicationNumbers { get; init; }
    public bool IsConfidential { get; init; }
    /// <summary>Null unless the caller may see confidential fields (owning organisation or named people).</summary>
    public string? ConfidentialDetails { get; init; }
    public IReadOnlyList<Guid>? NamedViewerUserIds { get; init; }
    public bool ConfidentialFieldsVisible { get; init; }
    public AchievementStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? DisclosedAt { get; init; }
    public DateTimeOffset? UnitRegisteredAt { get; init; }
    public bool SeparateManagement { get; init; }
    public ConversionStatus ConversionStatus { get; init; }
    public ConversionMode? ConversionMode { get; init; }
    public AchievementEvaluation? Evaluation { get; init; }
    public DateTimeOffset? EvaluatedAt { get; init; }
    /// <summary>Every saved evaluation, oldest first; shown to the owner organisation (like <see cref="Evaluation"/>).</summary>
    public IReadOnlyList<EvaluationRecordDto> EvaluationHistory { get; init; } = [];
    public string? IdleJustification { get; init; }
    public DateTimeOffset? IdleFlaggedAt { get; init; }
    public bool EligibleForCompleterLedConversion { get; init; }
    public bool StateMayImplementOrLicense { get; init; }
    public required IReadOnlyList<AttachmentDto> Attachments { get; init; }
    public required IReadOnlyList<StatusChangeDto> History { get; init; }
    public int Version { get; init; }
    public bool CanEdit { get; init; }
    public bool CanManage { get; init; }
    public bool CanRequestGrant { get; init; }

    public static AchievementResponse From(Achievement a, ICurrentUser viewer)
    {
        var conf = a.CanSeeConfidentialFields(viewer);
        var isOffice = viewer.IsOfficeOf(a.OwnerOrganizationId);
        return new AchievementResponse
        {
            Id = a.Id,
            OwnerOrganizationId = a.OwnerOrganizationId,
            CreatedByUserId = a.CreatedByUserId,
            Title = a.Title,
            TitleEn = a.TitleEn,
            Abstract = a.Abstract,
            AbstractEn = a.AbstractEn,
            Keywords = a.Keywords,
            TechnicalField = a.TechnicalField,
            IpcCodes = a.IpcCodes,
            IpType = a.IpType,
            Trl = a.Trl,
            FundingSource = a.FundingSource,
            ProjectReferences = a.ProjectReferences,
            Completers = a.Completers.Select(c => new CompleterDto(c.Name, c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)).ToList(),
            PatentApplicationNumbers = a.PatentApplicationNumbers,
            IsConfidential = a.IsConfidential,
            ConfidentialDetails = conf ? a.ConfidentialDetails : null,
            NamedViewerUserIds = conf ? a.NamedViewerUserIds : null,
            ConfidentialFieldsVisible = conf,
            Status = a.Status,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            DisclosedAt = a.DisclosedAt,
            UnitRegisteredAt = a.UnitRegisteredAt,
            SeparateManagement = a.SeparateManagement,
            ConversionStatus = a.ConversionStatus,
            ConversionMode = a.ConversionMode,
            Evaluation = viewer.OrganizationId == a.OwnerOrganizationId || viewer.IsPlatformAdmin() ? a.Evaluation : null,
            EvaluatedAt = a.EvaluatedAt,
            EvaluationHistory = viewer.OrganizationId == a.OwnerOrganizationId || viewer.IsPlatformAdmin()
                ? a.EvaluationHistory.Select(e => new EvaluationRecordDto(e.ValueAssessment, e.Potential, e.EstimatedValueYuan, e.ProofOfConcept, e.Notes, e.ByUserId, e.At)).ToList()
                : [],
            IdleJustification = a.IdleJustification,
            IdleFlaggedAt = a.IdleFlaggedAt,
            EligibleForCompleterLedConversion = a.EligibleForCompleterLedConversion,
            StateMayImplementOrLicense = a.StateMayImplementOrLicense,
            Attachments = a.Attachments.Where(x => conf || !x.IsConfidential)
                .Select(x => new AttachmentDto(x.Id, x.FileName, x.ContentType, x.SizeBytes, x.Sha256, x.IsConfidential, x.UploadedAt)).ToList(),
            History = viewer.OrganizationId == a.OwnerOrganizationId
                ? a.History.Select(h => new StatusChangeDto(h.Action, h.From, h.To, h.ByUserId, h.At, h.Reason)).ToList()
                : [],
            Version = a.Version,
            CanEdit = viewer.UserId is { } me && me == a.CreatedByUserId && a.Status is AchievementStatus.Draft or AchievementStatus.Returned,
            CanManage = isOffice,
            CanRequestGrant = a.Status == AchievementStatus.Registered
                              && (isOffice || (viewer.UserId is { } uid && a.EligibleForCompleterLedConversion && a.IsCompleter(uid))),
        };
    }
}

/// <summary>Query of GET /api/v1/achievements/idle and its export: <c>q</c> searches the title, <c>from</c>/<c>to</c> bound the day
/// it was flagged idle (both inclusive), <c>sort</c> is a key of <see cref="AchievementService.IdleSorts"/> (registeredAt, flaggedAt, title).</summary>
public sealed record IdleListQuery(string? Q = null, DateOnly? From = null, DateOnly? To = null, string? Sort = null, bool Desc = false,
    int Page = 1, int PageSize = 20);

public sealed record IdleAchievementDto(Guid Id, string Title, string? TitleEn, DateTimeOffset RegisteredAt, int AgeDays,
    DateTimeOffset FlaggedAt, bool StateMayImplementOrLicense, IReadOnlyList<string> Completers);

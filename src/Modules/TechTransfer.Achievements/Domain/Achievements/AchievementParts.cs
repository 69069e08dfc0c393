namespace TechTransfer.Achievements.Domain;

/// <summary>成果完成人, with a contribution percentage; contributions of an achievement sum to 100 (R5.1).</summary>
public sealed class Completer
{
    private Completer() { Name = ""; }

    public Completer(string name, Guid? userId, decimal contributionPercent, bool holdsLeadershipPost)
    {
        Id = Guid.NewGuid();
        Name = name.Trim();
        UserId = userId;
        ContributionPercent = contributionPercent;
        HoldsLeadershipPost = holdsLeadershipPost;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    /// <summary>The platform user, when the completer has an account (needed to request a grant, R5.3).</summary>
    public Guid? UserId { get; private set; }
    public decimal ContributionPercent { get; private set; }
    /// <summary>担任领导职务 — receipts of conversion income need a disclosure record (R4.5).</summary>
    public bool HoldsLeadershipPost { get; private set; }
}

/// <summary>One state change with who, when and why (audited history of R5.1 transitions).</summary>
public sealed class AchievementStatusChange
{
    private AchievementStatusChange() { Action = ""; }

    public AchievementStatusChange(string action, AchievementStatus from, AchievementStatus to, Guid byUserId, DateTimeOffset at, string? reason)
    {
        Id = Guid.NewGuid();
        Action = action;
        From = from;
        To = to;
        ByUserId = byUserId;
        At = at;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public string Action { get; private set; }
    public AchievementStatus From { get; private set; }
    public AchievementStatus To { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}

/// <summary>价值与潜力评估: the office's evaluation record (R5.1).</summary>
public sealed record AchievementEvaluation(
    string ValueAssessment,
    PotentialRating Potential,
    decimal? EstimatedValueYuan,
    ProofOfConceptStatus ProofOfConcept,
    string? Notes);

/// <summary>One saved evaluation, kept in the achievement's evaluation history (the latest is <c>Achievement.Evaluation</c>).</summary>
public sealed class AchievementEvaluationRecord
{
    private AchievementEvaluationRecord() { ValueAssessment = ""; }

    public AchievementEvaluationRecord(AchievementEvaluation e, Guid byUserId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ValueAssessment = e.ValueAssessment;
        Potential = e.Potential;
        EstimatedValueYuan = e.EstimatedValueYuan;
        ProofOfConcept = e.ProofOfConcept;
        Notes = e.Notes;
        ByUserId = byUserId;
        At = at;
    }

    public Guid Id { get; private set; }
    public string ValueAssessment { get; private set; }
    public PotentialRating Potential { get; private set; }
    public decimal? EstimatedValueYuan { get; private set; }
    public ProofOfConceptStatus ProofOfConcept { get; private set; }
    public string? Notes { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>An uploaded file's metadata; the bytes live under the data directory and are never executed.</summary>
public sealed class AchievementAttachment
{
    private AchievementAttachment() { FileName = ""; ContentType = ""; Sha256 = ""; StoragePath = ""; }

    public AchievementAttachment(Guid id, string fileName, string contentType, long sizeBytes, string sha256, string storagePath,
        bool isConfidential, Guid uploadedByUserId, DateTimeOffset uploadedAt)
    {
        Id = id;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        StoragePath = storagePath;
        IsConfidential = isConfidential;
        UploadedByUserId = uploadedByUserId;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; }
    /// <summary>Path relative to the data directory.</summary>
    public string StoragePath { get; private set; }
    /// <summary>Visible only to the owning organisation and named people, like the other confidential fields.</summary>
    public bool IsConfidential { get; private set; }
    public Guid UploadedByUserId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>Input of a disclosure (披露) or an edit of a draft.</summary>
public sealed record AchievementInput(
    string Title,
    string? TitleEn,
    string Abstract,
    string? AbstractEn,
    IReadOnlyList<string> Keywords,
    string TechnicalField,
    IReadOnlyList<string> IpcCodes,
    IpType IpType,
    int Trl,
    FundingSource FundingSource,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<CompleterInput> Completers,
    IReadOnlyList<string> PatentApplicationNumbers,
    bool IsConfidential,
    string? ConfidentialDetails,
    IReadOnlyList<Guid> NamedViewerUserIds);

public sealed record CompleterInput(string Name, Guid? UserId, decimal ContributionPercent, bool HoldsLeadershipPost = false);

/// <summary>A completer who has a platform account (完成人账号): the achievement's link to that user.</summary>
public sealed class CompleterAccount
{
    public CompleterAccount(Guid userId) => UserId = userId;

    public Guid UserId { get; private set; }
}

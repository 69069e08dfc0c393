namespace TechTransfer.Demands.Domain.Challenges;

/// <summary>评审专家: a named user who judges a challenge; their organisation decides conflicts of interest (CH.8).</summary>
public sealed class ChallengeJudge
{
    private ChallengeJudge() { }

    internal ChallengeJudge(Guid userId, Guid organizationId, string displayName, DateTimeOffset addedAt)
    {
        UserId = userId;
        OrganizationId = organizationId;
        DisplayName = displayName;
        AddedAt = addedAt;
    }

    public Guid UserId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>One judge's score on one criterion of one application (0–10).</summary>
public sealed class CriterionScore
{
    private CriterionScore() { }

    internal CriterionScore(Guid judgeUserId, string criterionKey, decimal value, DateTimeOffset scoredAt)
    {
        JudgeUserId = judgeUserId;
        CriterionKey = criterionKey;
        Value = value;
        ScoredAt = scoredAt;
    }

    public Guid JudgeUserId { get; private set; }
    public string CriterionKey { get; private set; } = "";
    public decimal Value { get; private set; }
    public DateTimeOffset ScoredAt { get; private set; }
}

/// <summary>A solver's proposal as entered.</summary>
public sealed record ProposalDetails(string Summary, string Approach, string? Team, decimal? RequestedYuan);

/// <summary>揭榜申请: a solver organisation's proposal for a challenge.</summary>
public sealed class ChallengeApplication
{
    private readonly List<CriterionScore> _scores = [];

    private ChallengeApplication() { }

    internal ChallengeApplication(Guid id, Guid challengeId, Guid organizationId, Guid userId, ProposalDetails proposal, DateTimeOffset now)
    {
        Id = id;
        ChallengeId = challengeId;
        ApplicantOrganizationId = organizationId;
        ApplicantUserId = userId;
        Summary = proposal.Summary.Trim();
        Approach = proposal.Approach.Trim();
        Team = string.IsNullOrWhiteSpace(proposal.Team) ? null : proposal.Team.Trim();
        RequestedYuan = proposal.RequestedYuan;
        SubmittedAt = now;
        Status = ApplicationStatus.Submitted;
    }

    public Guid Id { get; private set; }
    public Guid ChallengeId { get; private set; }
    public Guid ApplicantOrganizationId { get; private set; }
    public Guid ApplicantUserId { get; private set; }
    /// <summary>方案摘要</summary>
    public string Summary { get; private set; } = "";
    /// <summary>技术路线</summary>
    public string Approach { get; private set; } = "";
    /// <summary>团队介绍</summary>
    public string? Team { get; private set; }
    public decimal? RequestedYuan { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public ApplicationStatus Status { get; private set; }
    /// <summary>Mean weighted score over the judges who scored it, fixed at announcement.</summary>
    public decimal? FinalScore { get; private set; }
    public int? Rank { get; private set; }
    public IReadOnlyList<CriterionScore> Scores => _scores;

    public IReadOnlyList<Guid> JudgesWhoScored => _scores.Select(s => s.JudgeUserId).Distinct().ToList();

    /// <summary>The weighted score (0–100) one judge gave, or null if they have not scored it.</summary>
    public decimal? WeightedScoreBy(Guid judgeUserId, IReadOnlyList<RubricCriterion> criteria)
    {
        var mine = _scores.Where(s => s.JudgeUserId == judgeUserId).ToDictionary(s => s.CriterionKey, s => s.Value);
        return mine.Count == 0 ? null : Rubric.Weighted(criteria, mine);
    }

    /// <summary>Mean of the judges' weighted scores, rounded to two decimals; null when nobody scored (CH.10).</summary>
    public decimal? AverageScore(IReadOnlyList<RubricCriterion> criteria)
    {
        var judges = JudgesWhoScored;
        if (judges.Count == 0) return null;
        return Math.Round(judges.Sum(j => WeightedScoreBy(j, criteria)!.Value) / judges.Count, 2, MidpointRounding.AwayFromZero);
    }

    internal void ReplaceScores(Guid judgeUserId, IReadOnlyDictionary<string, decimal> scores, DateTimeOffset now)
    {
        _scores.RemoveAll(s => s.JudgeUserId == judgeUserId);
        _scores.AddRange(scores.Select(kv => new CriterionScore(judgeUserId, kv.Key, kv.Value, now)));
    }

    internal void Withdraw(DateTimeOffset now)
    {
        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
    }

    internal void Conclude(bool awarded, decimal? score, int? rank)
    {
        Status = awarded ? ApplicationStatus.Awarded : ApplicationStatus.NotAwarded;
        FinalScore = score;
        Rank = rank;
    }
}

/// <summary>获奖/揭榜成功: a winning application, with the hand-off to a technology contract (CH.12).</summary>
public sealed class ChallengeAward
{
    private ChallengeAward() { }

    internal ChallengeAward(Guid id, Guid challengeId, ChallengeApplication application, int rank, decimal score, DateTimeOffset now)
    {
        Id = id;
        ChallengeId = challengeId;
        ApplicationId = application.Id;
        OrganizationId = application.ApplicantOrganizationId;
        Rank = rank;
        Score = score;
        AwardedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ChallengeId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public int Rank { get; private set; }
    public decimal Score { get; private set; }
    public DateTimeOffset AwardedAt { get; private set; }
    /// <summary>合同关联: the contract record (id or registration number) the result became; the contract's id when the
    /// platform drafted it (<see cref="ContractId"/>).</summary>
    public string? ContractReference { get; private set; }
    public DateTimeOffset? ContractLinkedAt { get; private set; }
    public Guid? ContractLinkedByUserId { get; private set; }

    internal void LinkContract(string reference, Guid? userId, DateTimeOffset now)
    {
        ContractReference = reference;
        ContractLinkedAt = now;
        ContractLinkedByUserId = userId;
    }
}

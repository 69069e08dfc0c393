namespace TechTransfer.Demands.Domain.Challenges;

/// <summary>挑战类型</summary>
public enum ChallengeKind
{
    /// <summary>揭榜挂帅: a posted task whose solver takes it on and leads it.</summary>
    OpenCall = 0,
    /// <summary>创新挑战赛: a competition judged on proposals.</summary>
    InnovationContest = 1,
}

/// <summary>奖励形式</summary>
public enum RewardKind
{
    /// <summary>奖金</summary>
    Prize = 0,
    /// <summary>项目经费 (榜单金额)</summary>
    Budget = 1,
}

/// <summary>Stored state of a challenge (CH.14): Draft → Published → Announced; Draft/Published → Cancelled.</summary>
public enum ChallengeStatus
{
    Draft = 0,
    Published = 1,
    Announced = 2,
    Cancelled = 3,
}

/// <summary>Where a challenge stands at a given moment, from its status and its dates (CH.2).</summary>
public enum ChallengePhase
{
    /// <summary>草稿</summary>
    Draft,
    /// <summary>即将开始征集</summary>
    Upcoming,
    /// <summary>征集中</summary>
    OpenForApplications,
    /// <summary>评审中</summary>
    Judging,
    /// <summary>待公布</summary>
    AwaitingAnnouncement,
    /// <summary>已公布</summary>
    Announced,
    /// <summary>已取消</summary>
    Cancelled,
}

/// <summary>揭榜申请状态</summary>
public enum ApplicationStatus
{
    Submitted = 0,
    Withdrawn = 1,
    Awarded = 2,
    NotAwarded = 3,
}

public static class ChallengeLabels
{
    public static (string Zh, string En) Kind(ChallengeKind k) => k switch
    {
        ChallengeKind.OpenCall => ("揭榜挂帅", "Open call (jiebang guashuai)"),
        ChallengeKind.InnovationContest => ("创新挑战赛", "Innovation challenge"),
        _ => (k.ToString(), k.ToString()),
    };

    public static (string Zh, string En) Reward(RewardKind k) => k switch
    {
        RewardKind.Prize => ("奖金", "Prize"),
        RewardKind.Budget => ("项目经费", "Project budget"),
        _ => (k.ToString(), k.ToString()),
    };

    public static (string Zh, string En) Phase(ChallengePhase p) => p switch
    {
        ChallengePhase.Draft => ("草稿", "Draft"),
        ChallengePhase.Upcoming => ("即将开始征集", "Opening soon"),
        ChallengePhase.OpenForApplications => ("征集中", "Open for applications"),
        ChallengePhase.Judging => ("评审中", "Judging"),
        ChallengePhase.AwaitingAnnouncement => ("待公布", "Awaiting announcement"),
        ChallengePhase.Announced => ("已公布", "Announced"),
        ChallengePhase.Cancelled => ("已取消", "Cancelled"),
        _ => (p.ToString(), p.ToString()),
    };

    public static (string Zh, string En) Application(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Submitted => ("已提交", "Submitted"),
        ApplicationStatus.Withdrawn => ("已撤回", "Withdrawn"),
        ApplicationStatus.Awarded => ("入选", "Awarded"),
        ApplicationStatus.NotAwarded => ("未入选", "Not awarded"),
        _ => (s.ToString(), s.ToString()),
    };
}

namespace TechTransfer.Data.Notifications;

/// <summary>
/// The kinds of notification (站内通知类别): each notification carries one, the notification centre filters by it and
/// every user chooses per kind whether it also goes by e-mail (<see cref="NotificationPreference"/>). The list is the
/// catalogue of what the platform tells people; docs/architecture.md lists which state change raises which kind.
/// </summary>
public static class NotificationKinds
{
    public const string General = "general";
    public const string AchievementReview = "achievement.review";
    public const string AchievementDecision = "achievement.decision";
    public const string RightsGrant = "rights_grant";
    public const string IncomePlan = "income_plan";
    public const string IdleAchievement = "achievement.idle";
    public const string ContractStatus = "contract.status";
    public const string DemandReview = "demand.review";
    public const string Challenge = "challenge";
    public const string NewMatch = "match.new";
    public const string ManagerAssigned = "manager.assigned";
    public const string PatentRights = "patent.rights";
    public const string Reminder = "reminder";

    /// <summary>Every kind with its label, in the order the preferences page shows them.</summary>
    public static readonly IReadOnlyList<(string Kind, string Zh, string En)> All =
    [
        (AchievementReview, "成果披露待审核", "Disclosures to review"),
        (AchievementDecision, "我的成果审核结果", "Decisions on my disclosures"),
        (RightsGrant, "赋权申请与决定", "Rights-grant requests and decisions"),
        (IncomePlan, "收益分配方案", "Income distribution plans"),
        (IdleAchievement, "闲置成果", "Idle achievements"),
        (ContractStatus, "合同登记进展", "Contract registration progress"),
        (DemandReview, "技术需求审核", "Demand reviews"),
        (Challenge, "揭榜挂帅", "Challenges"),
        (NewMatch, "新的匹配", "New matches"),
        (ManagerAssigned, "技术经理人指派", "Technology-manager assignments"),
        (PatentRights, "专利权利与开放许可", "Patent rights and open licences"),
        (Reminder, "到期提醒", "Deadline reminders"),
        (General, "其他通知", "Other notices"),
    ];

    public static bool IsKnown(string kind) => All.Any(k => k.Kind == kind);
}

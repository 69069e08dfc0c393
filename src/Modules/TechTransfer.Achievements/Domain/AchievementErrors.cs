using System.Globalization;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Domain;

/// <summary>
/// Every error of the Achievements module (achievements, rights grants, income distribution, idle achievements).
/// Codes are stable (<c>&lt;aggregate&gt;.&lt;snake_reason&gt;</c>); messages name the spec rule id.
/// </summary>
public static class AchievementErrors
{
    private static string P(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    // ---------- shared ----------
    public static Error NoRuleSet(Jurisdiction j, DateOnly date) => new(
        "rule_set.not_configured",
        $"未配置 {j} 在 {date:yyyy-MM-dd} 生效的规则集（R0.2）",
        $"No {j} rule set is configured for {date:yyyy-MM-dd} (R0.2).", Status: 422);

    // ---------- achievements (R5.1) ----------
    public static readonly Error NotFound = Error.NotFound("achievement", "科技成果");

    public static readonly Error RoleNotAllowed = new(
        "achievement.role_not_allowed", "您的角色无权对该科技成果执行此操作（R5.1）",
        "Your role may not perform this action on the achievement (R5.1).", Status: 403);

    public static readonly Error OnlyResearcherMayDisclose = new(
        "achievement.only_researcher_may_disclose", "只有科研人员可以披露科技成果（R5.1）",
        "Only a researcher may disclose an achievement (R5.1).", Status: 403);

    public static readonly Error OnlyCreatorMayEdit = new(
        "achievement.only_creator_may_edit", "只有披露人本人可以修改或提交该成果（R5.1）",
        "Only the researcher who disclosed the achievement may edit or submit it (R5.1).", Status: 403);

    public static Error InvalidTransition(AchievementStatus from, string action) => new(
        "achievement.invalid_transition",
        $"成果当前状态为“{AchievementLabels.Status(from).Zh}”，不能执行“{action}”（R5.1）",
        $"An achievement in status {from} cannot be {action} (R5.1).", Status: 409);

    public static readonly Error ReasonRequired = Error.Validation("reason", "achievement.reason_required",
        "退回或不予登记必须填写理由（R5.1）", "A reason is required to return or decline an achievement (R5.1).");

    public static FieldError TitleRequired => new("title", "achievement.title_required", "成果名称必填（R5.1）", "The title is required (R5.1).");
    public static FieldError TitleTooLong => new("title", "achievement.title_too_long", "成果名称不得超过 200 字（R5.1）", "The title may not exceed 200 characters (R5.1).");
    public static FieldError AbstractRequired => new("abstract", "achievement.abstract_required", "成果简介必填（R5.1）", "The abstract is required (R5.1).");
    public static FieldError FieldRequired => new("technicalField", "achievement.technical_field_required", "技术领域必填（R5.1）", "The technical field is required (R5.1).");
    public static FieldError TrlOutOfRange => new("trl", "achievement.trl_out_of_range", "技术成熟度须为 1 到 9 级（R5.1）", "The technology readiness level must be 1 to 9 (R5.1).");
    public static FieldError CompletersRequired => new("completers", "achievement.completers_required", "至少需要一名完成人（R5.1）", "At least one completer is required (R5.1).");
    public static FieldError CompleterNameRequired => new("completers", "achievement.completer_name_required", "完成人姓名必填（R5.1）", "Each completer needs a name (R5.1).");
    public static FieldError ContributionOutOfRange => new("completers", "achievement.contribution_out_of_range", "每位完成人的贡献比例须大于 0 且不超过 100（R5.1）", "Each completer's contribution must be above 0 and at most 100 (R5.1).");
    public static FieldError ContributionsMustSum100(decimal sum) => new("completers", "achievement.contributions_must_sum_100",
        $"完成人贡献比例合计须为 100%，当前为 {P(sum)}%（R5.1）", $"Completers' contributions must sum to 100 %, not {P(sum)} % (R5.1).");
    public static FieldError ProjectReferenceRequired => new("projectReferences", "achievement.project_reference_required",
        "财政资助或委托的成果须填写项目编号（R5.1）", "Fiscally funded or commissioned achievements need a project reference (R5.1).");
    public static FieldError IpcCodeInvalid(string code) => new("ipcCodes", "achievement.ipc_code_invalid",
        $"IPC 分类号“{code}”格式不正确（如 G06N 3/08）（R5.1）", $"IPC code \"{code}\" is not valid (e.g. G06N 3/08) (R5.1).");

    public static readonly Error ConversionModeRequired = Error.Validation("conversionMode", "achievement.conversion_mode_required",
        "转化进行中或已转化时必须选择转化方式（R5.1）", "A conversion mode is required once conversion is in progress or done (R5.1).");

    public static readonly Error ForeignTransferNeedsApproval = Error.Validation("projectAuthorityApprovalRef",
        "achievement.foreign_transfer_needs_project_authority_approval",
        "财政资助项目成果向境外转让或独占许可给境外主体，须有项目管理机构批准记录（R5.4）",
        "Transferring a fiscally funded result abroad, or an exclusive licence to a foreign party, needs a project-authority approval record (R5.4).");

    public static readonly Error JustificationRequired = Error.Validation("justification", "achievement.justification_required",
        "未转化的正当理由必填（R5.3）", "The justification for non-conversion is required (R5.3).");

    public static readonly Error EvaluationIncomplete = Error.Validation("valueAssessment", "achievement.evaluation_incomplete",
        "价值评估意见必填（R5.1）", "The value assessment is required (R5.1).");

    public static readonly Error AttachmentEmpty = Error.Validation("file", "achievement.attachment_empty", "附件为空（R5.1）", "The attachment is empty (R5.1).");
    public static Error AttachmentTooLarge(long max) => Error.Validation("file", "achievement.attachment_too_large",
        $"附件超过大小上限 {max / 1024 / 1024} MB（R5.1）", $"The attachment exceeds the {max / 1024 / 1024} MB limit (R5.1).");
    public static Error AttachmentTypeNotAllowed(string ext) => Error.Validation("file", "achievement.attachment_type_not_allowed",
        $"不允许上传“{ext}”类型的附件（R5.1）", $"Attachments of type \"{ext}\" are not allowed (R5.1).");
    public static readonly Error AttachmentContentMismatch = Error.Validation("file", "achievement.attachment_content_mismatch",
        "附件内容与扩展名不符，或疑似可执行文件（R5.1）", "The attachment's content does not match its extension, or looks executable (R5.1).");
    public static readonly Error TooManyAttachments = Error.Validation("file", "achievement.too_many_attachments",
        "附件数量已达上限（R5.1）", "The achievement has the maximum number of attachments (R5.1).");

    // ---------- rights grants (R5.2, R5.3) ----------
    public static readonly Error GrantNotFound = Error.NotFound("rights_grant", "赋权申请");

    public static readonly Error GrantRoleNotAllowed = new("rights_grant.role_not_allowed",
        "只有本单位技术转移办公室或成果完成人可以申请赋权，只有办公室可以审批（R5.2）",
        "Only the unit's transfer office or a completer may request a rights grant, and only the office may decide (R5.2).", Status: 403);

    public static readonly Error GrantAchievementNotRegistered = new("rights_grant.achievement_not_registered",
        "只有已在本单位登记的成果才能赋权（R5.2）", "Only achievements registered in the unit can be granted (R5.2).", Status: 409);

    public static readonly Error CompleterRequestRequiresIdle = new("rights_grant.completer_request_requires_idle",
        "完成人只能对已被标记为“可由完成人实施转化”的闲置成果申请赋权（R5.3）",
        "A completer may request a grant only for an achievement flagged as idle and eligible for completer-led conversion (R5.3).", Status: 409);

    public static readonly Error NotACompleter = new("rights_grant.not_a_completer",
        "您不是该成果的完成人（R5.3）", "You are not a completer of this achievement (R5.3).", Status: 403);

    public static FieldError GrantSharesMustSum100(decimal sum) => new("shares", "rights_grant.shares_must_sum_100",
        $"单位与完成人所有权份额合计须为 100%，当前为 {P(sum)}%（R5.2）", $"Unit and completer ownership shares must sum to 100 %, not {P(sum)} % (R5.2).");
    public static FieldError GrantBeneficiarySharesMustSum100(decimal sum) => new("shares", "rights_grant.beneficiary_shares_must_sum_100",
        $"完成人之间的权利份额合计须为 100%，当前为 {P(sum)}%（R5.2）", $"The completers' shares of the right must sum to 100 %, not {P(sum)} % (R5.2).");
    public static FieldError GrantShareOutOfRange => new("shares", "rights_grant.share_out_of_range", "份额须在 0 到 100 之间（R5.2）", "Shares must be between 0 and 100 (R5.2).");
    public static FieldError GrantCompletersRequired => new("shares", "rights_grant.completers_required", "至少需要一名受让完成人（R5.2）", "At least one completer must receive the right (R5.2).");
    public static FieldError GrantIncomeSplitRequired => new("incomeSplit", "rights_grant.income_split_required",
        "赋权时必须同时约定收益分配（R5.2，上海市科学技术进步条例第十三条）", "An income-split agreement is required with the grant (R5.2, Shanghai S&T Progress Regulations art. 13).");
    public static FieldError GrantIncomeSplitMustSum100(decimal sum) => new("incomeSplit", "rights_grant.income_split_must_sum_100",
        $"收益分配约定中单位与完成人比例合计须为 100%，当前为 {P(sum)}%（R5.2）", $"The income split between unit and completers must sum to 100 %, not {P(sum)} % (R5.2).");
    public static FieldError GrantTermBelowMinimum(int min) => new("termYears", "rights_grant.term_below_minimum",
        $"长期使用权期限不得少于 {min} 年（R5.2，可配置）", $"A long-term use right must run for at least {min} years (R5.2, configurable).");
    public static FieldError GrantDecisionMechanismRequired => new("decisionMechanism", "rights_grant.decision_mechanism_required",
        "须约定转化决策机制（R5.2）", "The decision mechanism is required (R5.2).");
    public static FieldError GrantCostSharingRequired => new("costSharing", "rights_grant.cost_sharing_required",
        "须约定费用分担（含知识产权维持费承担方）（R5.2）", "Cost-bearing terms are required, including who pays IP maintenance fees (R5.2).");

    public static Error GrantInvalidTransition(RightsGrantStatus from, string action) => new("rights_grant.invalid_transition",
        $"赋权申请当前状态为“{from}”，不能{action}（R5.2）", $"A rights grant in status {from} cannot be {action} (R5.2).", Status: 409);

    public static readonly Error GrantReasonRequired = Error.Validation("reason", "rights_grant.reason_required",
        "不予批准须填写理由（R5.2）", "A reason is required to reject a rights grant (R5.2).");

    // ---------- income distribution (R4.1–R4.7) ----------
    public static readonly Error DistributionNotFound = Error.NotFound("income_distribution", "收益分配方案");

    public static readonly Error DistributionRoleNotAllowed = new("income_distribution.role_not_allowed",
        "只有本单位技术转移办公室可以管理收益分配（R4.3）", "Only the unit's transfer office may manage income distribution (R4.3).", Status: 403);

    public static FieldError GrossIncomeNegative => new("grossIncome", "income_distribution.gross_income_negative", "转化收入总额不得为负（R4.1）", "Gross income may not be negative (R4.1).");
    public static FieldError DeductionAmountInvalid => new("deductions", "income_distribution.deduction_amount_invalid", "扣除项金额须大于 0（R4.1）", "Each deduction must be above 0 (R4.1).");
    public static FieldError DeductionEvidenceRequired => new("deductions", "income_distribution.deduction_evidence_required",
        "每项扣除须附凭证（R4.1，上海市促进科技成果转化条例第三十四条）", "Each deduction needs documentary evidence (R4.1, Shanghai Regulations art. 34).");
    public static FieldError DeductionsExceedGross(decimal gross, decimal deductions) => new("deductions", "income_distribution.deductions_exceed_gross",
        $"扣除合计 {P(deductions)} 元超过转化收入 {P(gross)} 元（R4.1）", $"Deductions of ¥{P(deductions)} exceed the gross income of ¥{P(gross)} (R4.1).");
    public static FieldError OperatingProfitRequired => new("operatingProfit", "income_distribution.operating_profit_required",
        "自行实施或合作实施须填写当年营业利润（R4.2）", "Self or cooperative implementation needs the year's operating profit (R4.2).");
    public static FieldError ProfitYearOutOfRange(int years) => new("profitYear", "income_distribution.profit_year_out_of_range",
        $"营业利润提成年度须为第 1 到第 {years} 年（R4.2）", $"The profit year must be 1 to {years} (R4.2).");
    public static FieldError TeamShareOutOfRange => new("teamSharePercent", "income_distribution.team_share_out_of_range", "团队分成比例须在 0 到 100 之间（R4.2）", "The team share must be between 0 and 100 (R4.2).");

    /// <summary>R4.3: a plan below the applicable floor, naming the floor and its source.</summary>
    public static FieldError TeamShareBelowFloor(decimal share, decimal floor, string source, bool operatingProfit) => new(
        "teamSharePercent", "income_distribution.team_share_below_floor",
        operatingProfit
            ? $"团队分成 {P(share)}% 低于下限：营业利润的 {P(floor)}%（依据：{source}）（R4.3）"
            : $"团队分成 {P(share)}% 低于下限：净收入的 {P(floor)}%（依据：{source}）（R4.3）",
        operatingProfit
            ? $"A team share of {P(share)} % is below the floor of {P(floor)} % of operating profit (source: {source}) (R4.3)."
            : $"A team share of {P(share)} % is below the floor of {P(floor)} % of net income (source: {source}) (R4.3).");

    public static FieldError TeamMembersRequired => new("team", "income_distribution.team_required", "至少需要一名团队成员（R4.2）", "At least one team member is required (R4.2).");
    public static FieldError TeamContributionsMustSum100(decimal sum) => new("team", "income_distribution.contributions_must_sum_100",
        $"团队成员贡献比例合计须为 100%，当前为 {P(sum)}%（R4.2）", $"Team contributions must sum to 100 %, not {P(sum)} % (R4.2).");

    public static Error DistributionInvalidTransition(IncomeDistributionStatus from, string action) => new("income_distribution.invalid_transition",
        $"收益分配方案当前状态为“{from}”，不能{action}（R4.3）", $"A distribution plan in status {from} cannot be {action} (R4.3).", Status: 409);

    public static readonly Error AllocationNotFound = Error.NotFound("income_allocation", "分配对象");

    public static readonly Error PayoutAmountInvalid = Error.Validation("amount", "income_distribution.payout_amount_invalid",
        "发放金额须大于 0（R4.6）", "A payout must be above 0 (R4.6).");

    public static Error PayoutExceedsAllocation(decimal remaining) => Error.Validation("amount", "income_distribution.payout_exceeds_allocation",
        $"发放金额超过该成员尚未发放的应得份额 {P(remaining)} 元（R4.6）", $"The payout exceeds the member's remaining allocation of ¥{P(remaining)} (R4.6).");

    public static readonly Error LeaderDisclosureRequired = Error.Validation("disclosureRecordRef", "income_distribution.leader_disclosure_required",
        "担任领导职务的人员领取转化收益须有公示记录（R4.5，上海市促进科技成果转化条例第三十九条）",
        "A person in a leadership post may receive conversion income only with a public-disclosure record (R4.5, Shanghai Regulations art. 39).");

    public static readonly Error ReportYearInvalid = Error.Validation("year", "conversion_report.year_invalid",
        "年度报告只能针对已结束的年度（R4.7）", "The annual report can only cover a year that has ended (R4.7).");

    public static readonly Error CertificationNotFound = Error.NotFound("income_certification", "技术性收入核定记录");

    public static readonly Error CertificationNotForAchievement = Error.Validation("certificationId", "income_distribution.certification_not_for_achievement",
        "该技术性收入核定所属合同未关联本成果", "The certified income's contract does not reference this achievement.");

    public static Error CertificationBlocked(string? zh, string? en) => new("income_distribution.certification_blocked",
        $"合同有待办理的补正或登记已失效，暂不能据此分配或发放奖酬（R2.3）：{zh}", $"The contract has a pending correction or is no longer registered, so no reward may be planned or paid on it (R2.3): {en}");

    public static Error CertifiedIncomeExceeded(decimal remaining) => Error.Validation("grossIncome", "income_distribution.certified_income_exceeded",
        $"转化收入超过核定的技术性收入尚未分配的部分（{remaining:N2} 元）", $"The gross income exceeds what is left of the certified technology income (¥{remaining:N2}).");
}

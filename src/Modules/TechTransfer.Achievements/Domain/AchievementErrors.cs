using System.Globalization;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Achievements.Domain;

/// <summary>
/// Every error of the Achievements module (achievements, rights grants, income distribution, idle achievements).
/// Codes are stable (<c>&lt;aggregate&gt;.&lt;snake_reason&gt;</c>); the spec rule is the error's <c>Rule</c> field, and
/// messages cite the law article where that helps the reader, never the rule id.
/// </summary>
public static class AchievementErrors
{
    private static string P(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static FieldError F(string field, string code, string rule, string zh, string en) => new(field, code, zh, en) { Rule = rule };

    private static Error V(string field, string code, string rule, string zh, string en) => Error.Validation([F(field, code, rule, zh, en)]) with { Rule = rule };

    // ---------- shared ----------
    public static Error NoRuleSet(Jurisdiction j, DateOnly date) => new Error(
        "rule_set.not_configured",
        $"未配置{(j == Jurisdiction.Shanghai ? "上海" : "全国")}在 {date:yyyy-MM-dd} 生效的规则集",
        $"No {j} rule set is configured for {date:yyyy-MM-dd}.", Status: 422).ForRule("R0.2");

    /// <summary>Whose rules apply is read from the organisation registry; an organisation missing from it has none.</summary>
    public static readonly Error OrganizationNotRegistered = new Error(
        "rule_set.organization_not_registered", "您的机构未在机构库登记，无法确定适用的法规（全国或上海）",
        "Your organisation is not in the registry, so the rules that apply (national or Shanghai) are not known.", Status: 409).ForRule("R0.2");

    public static readonly Error VersionRequired = Error.Validation("version", "achievement.version_required",
        "修改时须提供所读取记录的版本号 version", "Send the version of the record you read.");

    // ---------- achievements (R5.1) ----------
    public static readonly Error NotFound = Error.NotFound("achievement", "科技成果");

    public static readonly Error RoleNotAllowed = new Error(
        "achievement.role_not_allowed", "您的角色无权对该科技成果执行此操作",
        "Your role may not perform this action on the achievement.", Status: 403).ForRule("R5.1");

    public static readonly Error OnlyResearcherMayDisclose = new Error(
        "achievement.only_researcher_may_disclose", "只有科研人员可以披露科技成果",
        "Only a researcher may disclose an achievement.", Status: 403).ForRule("R5.1");

    public static readonly Error OnlyCreatorMayEdit = new Error(
        "achievement.only_creator_may_edit", "只有披露人本人可以修改或提交该成果",
        "Only the researcher who disclosed the achievement may edit or submit it.", Status: 403).ForRule("R5.1");

    public static Error InvalidTransition(AchievementStatus from, string action) => new Error(
        "achievement.invalid_transition",
        $"成果当前状态为“{AchievementLabels.Status(from).Zh}”，不能执行“{action}”",
        $"An achievement in status {from} cannot be {action}.", Status: 409).ForRule("R5.1");

    public static readonly Error ReasonRequired = V("reason", "achievement.reason_required", "R5.1",
        "退回或不予登记必须填写理由", "A reason is required to return or decline an achievement.");

    public static FieldError TitleRequired => F("title", "achievement.title_required", "R5.1", "成果名称必填", "The title is required.");
    public static FieldError TitleTooLong => F("title", "achievement.title_too_long", "R5.1", "成果名称不得超过 200 字", "The title may not exceed 200 characters.");
    public static FieldError AbstractRequired => F("abstract", "achievement.abstract_required", "R5.1", "成果简介必填", "The abstract is required.");
    public static FieldError FieldRequired => F("technicalField", "achievement.technical_field_required", "R5.1", "技术领域必填", "The technical field is required.");
    public static FieldError TrlOutOfRange => F("trl", "achievement.trl_out_of_range", "R5.1", "技术成熟度须为 1 到 9 级", "The technology readiness level must be 1 to 9.");
    public static FieldError CompletersRequired => F("completers", "achievement.completers_required", "R5.1", "至少需要一名完成人", "At least one completer is required.");
    public static FieldError CompleterNameRequired => F("completers", "achievement.completer_name_required", "R5.1", "完成人姓名必填", "Each completer needs a name.");
    public static FieldError ContributionOutOfRange => F("completers", "achievement.contribution_out_of_range", "R5.1",
        "每位完成人的贡献比例须大于 0 且不超过 100", "Each completer's contribution must be above 0 and at most 100.");
    public static FieldError ContributionsMustSum100(decimal sum) => F("completers", "achievement.contributions_must_sum_100", "R5.1",
        $"完成人贡献比例合计须为 100%，当前为 {P(sum)}%", $"Completers' contributions must sum to 100 %, not {P(sum)} %.");
    public static FieldError ProjectReferenceRequired => F("projectReferences", "achievement.project_reference_required", "R5.1",
        "财政资助或委托的成果须填写项目编号", "Fiscally funded or commissioned achievements need a project reference.");
    public static FieldError IpcCodeInvalid(string code) => F("ipcCodes", "achievement.ipc_code_invalid", "R5.1",
        $"IPC 分类号“{code}”格式不正确（如 G06N 3/08）", $"IPC code \"{code}\" is not valid (e.g. G06N 3/08).");
    public static FieldError NullItem(string field) => new(field, "validation.not_null", "列表中不能有空项", "A list may not contain an empty (null) item.");

    public static readonly Error ConversionModeRequired = V("conversionMode", "achievement.conversion_mode_required", "R5.1",
        "转化进行中或已转化时必须选择转化方式", "A conversion mode is required once conversion is in progress or done.");

    public static readonly Error ForeignTransferNeedsApproval = V("projectAuthorityApprovalRef",
        "achievement.foreign_transfer_needs_project_authority_approval", "R5.4",
        "财政资助项目成果向境外转让或独占许可给境外主体，须有项目管理机构批准记录（科学技术进步法第三十四条）",
        "Transferring a fiscally funded result abroad, or an exclusive licence to a foreign party, needs a project-authority approval record (S&T Progress Law, art. 34).");

    public static readonly Error JustificationRequired = V("justification", "achievement.justification_required", "R5.3",
        "未转化的正当理由必填", "The justification for non-conversion is required.");

    public static readonly Error EvaluationIncomplete = V("valueAssessment", "achievement.evaluation_incomplete", "R5.1",
        "价值评估意见必填", "The value assessment is required.");

    public static readonly Error EstimatedValueNegative = V("estimatedValueYuan", "achievement.estimated_value_negative", "R5.1",
        "评估价值不得为负", "The estimated value may not be negative.");

    public static readonly Error AttachmentEmpty = V("file", "achievement.attachment_empty", "R5.1", "附件为空", "The attachment is empty.");
    public static Error AttachmentTooLarge(long max) => V("file", "achievement.attachment_too_large", "R5.1",
        $"附件超过大小上限 {max / 1024 / 1024} MB", $"The attachment exceeds the {max / 1024 / 1024} MB limit.");
    public static Error AttachmentTypeNotAllowed(string ext) => V("file", "achievement.attachment_type_not_allowed", "R5.1",
        $"不允许上传“{ext}”类型的附件", $"Attachments of type \"{ext}\" are not allowed.");
    public static readonly Error AttachmentContentMismatch = V("file", "achievement.attachment_content_mismatch", "R5.1",
        "附件内容与扩展名不符，或疑似可执行文件", "The attachment's content does not match its extension, or looks executable.");
    public static readonly Error TooManyAttachments = V("file", "achievement.too_many_attachments", "R5.1",
        "附件数量已达上限", "The achievement has the maximum number of attachments.");

    // ---------- rights grants (R5.2, R5.3) ----------
    public static readonly Error GrantNotFound = Error.NotFound("rights_grant", "赋权申请");

    public static readonly Error GrantRoleNotAllowed = new Error("rights_grant.role_not_allowed",
        "只有本单位技术转移办公室或成果完成人可以申请赋权，只有办公室可以审批",
        "Only the unit's transfer office or a completer may request a rights grant, and only the office may decide.", Status: 403).ForRule("R5.2");

    public static readonly Error GrantAchievementNotRegistered = new Error("rights_grant.achievement_not_registered",
        "只有已在本单位登记的成果才能赋权", "Only achievements registered in the unit can be granted.", Status: 409).ForRule("R5.2");

    public static readonly Error CompleterRequestRequiresIdle = new Error("rights_grant.completer_request_requires_idle",
        "完成人只能对本单位登记满一年仍未转化、已被标记为“可由完成人实施转化”的成果申请赋权（上海市科学技术进步条例第十三条）",
        "A completer may request a grant only for an achievement registered more than a year ago, not converted and flagged as eligible for completer-led conversion (Shanghai S&T Progress Regulations, art. 13).",
        Status: 409).ForRule("R5.3");

    public static readonly Error NotACompleter = new Error("rights_grant.not_a_completer",
        "您不是该成果的完成人", "You are not a completer of this achievement.", Status: 403).ForRule("R5.3");

    public static FieldError GrantSharesMustSum100(decimal sum) => F("shares", "rights_grant.shares_must_sum_100", "R5.2",
        $"单位与完成人所有权份额合计须为 100%，当前为 {P(sum)}%", $"Unit and completer ownership shares must sum to 100 %, not {P(sum)} %.");
    public static FieldError GrantBeneficiarySharesMustSum100(decimal sum) => F("shares", "rights_grant.beneficiary_shares_must_sum_100", "R5.2",
        $"完成人之间的权利份额合计须为 100%，当前为 {P(sum)}%", $"The completers' shares of the right must sum to 100 %, not {P(sum)} %.");
    public static FieldError GrantShareOutOfRange => F("shares", "rights_grant.share_out_of_range", "R5.2", "份额须在 0 到 100 之间", "Shares must be between 0 and 100.");
    public static FieldError GrantCompletersRequired => F("shares", "rights_grant.completers_required", "R5.2", "至少需要一名受让完成人", "At least one completer must receive the right.");
    public static FieldError GrantIncomeSplitRequired => F("incomeSplit", "rights_grant.income_split_required", "R5.2",
        "赋权时必须同时约定收益分配（上海市科学技术进步条例第十三条）", "An income-split agreement is required with the grant (Shanghai S&T Progress Regulations, art. 13).");
    public static FieldError GrantIncomeSplitMustSum100(decimal sum) => F("incomeSplit", "rights_grant.income_split_must_sum_100", "R5.2",
        $"收益分配约定中单位与完成人比例合计须为 100%，当前为 {P(sum)}%", $"The income split between unit and completers must sum to 100 %, not {P(sum)} %.");
    public static FieldError GrantTermDatesRequired(string field) => F(field, "rights_grant.term_dates_required", "R5.2",
        "长期使用权须填写起始日和终止日", "A long-term use right needs a start date and an end date.");
    public static FieldError GrantTermEndBeforeStart => F("termEnd", "rights_grant.term_end_before_start", "R5.2",
        "长期使用权的终止日不得早于起始日", "The end date of a long-term use right may not be before its start date.");
    public static FieldError GrantTermBelowMinimum(int years, DateOnly minimumEnd) => F("termEnd", "rights_grant.term_below_minimum", "R5.2",
        $"长期使用权期限不得少于 {years} 年：终止日（含当日）最早为 {minimumEnd:yyyy-MM-dd}",
        $"A long-term use right must run for at least {years} years: the end date (inclusive) is {minimumEnd:yyyy-MM-dd} at the earliest.");
    public static FieldError GrantDecisionMechanismRequired => F("decisionMechanism", "rights_grant.decision_mechanism_required", "R5.2",
        "须约定转化决策机制", "The decision mechanism is required.");
    public static FieldError GrantCostSharingRequired => F("costSharing", "rights_grant.cost_sharing_required", "R5.2",
        "须约定费用分担（含知识产权维持费承担方）", "Cost-bearing terms are required, including who pays IP maintenance fees.");

    public static Error GrantInvalidTransition(RightsGrantStatus from, string action) => new Error("rights_grant.invalid_transition",
        $"赋权申请当前状态为“{from}”，不能{action}", $"A rights grant in status {from} cannot be {action}.", Status: 409).ForRule("R5.2");

    public static readonly Error GrantReasonRequired = V("reason", "rights_grant.reason_required", "R5.2",
        "不予批准须填写理由", "A reason is required to reject a rights grant.");

    // ---------- income distribution (R4.1–R4.7) ----------
    public static readonly Error DistributionNotFound = Error.NotFound("income_distribution", "收益分配方案");

    public static readonly Error DistributionRoleNotAllowed = new Error("income_distribution.role_not_allowed",
        "只有成果所属单位的技术转移办公室可以管理收益分配", "Only the transfer office of the achievement's unit may manage income distribution.", Status: 403).ForRule("R4.3");

    public static readonly Error DistributionYearOutOfRange = Error.Validation("year", "income_distribution.year_out_of_range",
        "年份须在 1–9999 之间", "The year must be between 1 and 9999.");
    public static FieldError GrossIncomeNegative => F("grossIncome", "income_distribution.gross_income_negative", "R4.1", "转化收入总额不得为负", "Gross income may not be negative.");
    public static FieldError DeductionAmountInvalid => F("deductions", "income_distribution.deduction_amount_invalid", "R4.1", "扣除项金额须大于 0", "Each deduction must be above 0.");
    public static FieldError DeductionEvidenceRequired => F("deductions", "income_distribution.deduction_evidence_required", "R4.1",
        "每项扣除须附凭证（上海市促进科技成果转化条例第三十四条）", "Each deduction needs documentary evidence (Shanghai Regulations on Promoting the Transformation of S&T Achievements, art. 34).");
    public static FieldError DeductionsExceedGross(decimal gross, decimal deductions) => F("deductions", "income_distribution.deductions_exceed_gross", "R4.1",
        $"扣除合计 {P(deductions)} 元超过转化收入 {P(gross)} 元", $"Deductions of ¥{P(deductions)} exceed the gross income of ¥{P(gross)}.");
    public static FieldError TeamShareOutOfRange => F("teamSharePercent", "income_distribution.team_share_out_of_range", "R4.2", "团队分成比例须在 0 到 100 之间", "The team share must be between 0 and 100.");
    public static FieldError TeamShareOrAmountRequired => F("teamSharePercent", "income_distribution.team_share_or_amount_required", "R4.2",
        "须填写团队分成比例或团队奖励金额（二者选一）", "Give either the team's percentage or a fixed team amount.");
    public static FieldError TeamShareAndAmountBoth => F("teamAmount", "income_distribution.team_share_and_amount_both", "R4.2",
        "团队分成比例和团队奖励金额只能填写一项", "Give the team's percentage or a fixed team amount, not both.");
    public static FieldError TeamAmountOutOfRange => F("teamAmount", "income_distribution.team_amount_out_of_range", "R4.2",
        "团队奖励金额须大于等于 0 且不超过可分配的净收入", "The team amount must be at least 0 and at most the distributable net income.");
    public static FieldError FixedAmountOnlyForIncome => F("teamAmount", "income_distribution.fixed_amount_only_for_income", "R4.2",
        "固定奖励金额只适用于转让、许可等取得收入的转化方式；作价投资按股份、自行或合作实施按营业利润比例",
        "A fixed team amount applies to conversions that bring income (transfer, licence); equity is by shares, implementation by a share of operating profit.");

    /// <summary>R4.3: a percentage below the applicable floor, naming the floor and its source.</summary>
    public static FieldError TeamShareBelowFloor(decimal share, decimal floor, string source, bool operatingProfit) => F(
        "teamSharePercent", "income_distribution.team_share_below_floor", "R4.3",
        operatingProfit
            ? $"团队分成 {P(share)}% 低于下限：营业利润的 {P(floor)}%（依据：{source}）"
            : $"团队分成 {P(share)}% 低于下限：净收入的 {P(floor)}%（依据：{source}）",
        operatingProfit
            ? $"A team share of {P(share)} % is below the floor of {P(floor)} % of operating profit (source: {source})."
            : $"A team share of {P(share)} % is below the floor of {P(floor)} % of net income (source: {source}).");

    /// <summary>R4.3: a fixed team amount below the floor's share of the net income.</summary>
    public static FieldError TeamAmountBelowFloor(decimal amount, decimal net, decimal floor, decimal minimum, string source) => F(
        "teamAmount", "income_distribution.team_amount_below_floor", "R4.3",
        $"团队奖励 {P(amount)} 元低于下限：净收入 {P(net)} 元的 {P(floor)}%，即至少 {P(minimum)} 元（依据：{source}）",
        $"A team amount of ¥{P(amount)} is below the floor of {P(floor)} % of the net income of ¥{P(net)}, i.e. at least ¥{P(minimum)} (source: {source}).");

    /// <summary>R4.3: equity — the team's shares below the floor's share of the shares formed.</summary>
    public static FieldError TeamSharesBelowFloor(long teamShares, long sharesFormed, decimal floor, long minimum, string source) => F(
        "teamShares", "income_distribution.team_shares_below_floor", "R4.3",
        $"团队股份 {N(teamShares)} 股低于下限：作价投资形成股份 {N(sharesFormed)} 股的 {P(floor)}%，即至少 {N(minimum)} 股（依据：{source}）",
        $"{N(teamShares)} team shares are below the floor of {P(floor)} % of the {N(sharesFormed)} shares formed, i.e. at least {N(minimum)} (source: {source}).");

    public static FieldError InvesteeRequired => F("investeeCompany", "income_distribution.investee_required", "R4.2",
        "作价投资须填写被投资企业", "Equity investment needs the company invested in.");
    public static FieldError SharesFormedInvalid => F("sharesFormed", "income_distribution.shares_formed_invalid", "R4.2",
        "作价投资形成的股份数须为正整数", "The number of shares formed by the investment must be a positive whole number.");
    public static FieldError TeamSharesInvalid => F("teamShares", "income_distribution.team_shares_invalid", "R4.2",
        "团队股份数须为 0 到形成股份总数之间的整数", "The team's shares must be a whole number from 0 to the shares formed.");
    public static FieldError FirstProfitableYearRequired => F("firstProfitableYear", "income_distribution.first_profitable_year_required", "R4.2",
        "自行实施或合作实施须填写首个盈利年度", "Self or cooperative implementation needs the first profitable year.");
    public static FieldError ProfitYearOutOfRange(int first, int years) => F("profitYears", "income_distribution.profit_year_out_of_range", "R4.2",
        $"营业利润年度须在首个盈利年度起连续 {years} 年内（{first}–{first + years - 1}）",
        $"The profit year must be within the {years} consecutive years from the first profitable year ({first}–{first + years - 1}).");
    public static FieldError ProfitYearDuplicate(int year) => F("profitYears", "income_distribution.profit_year_duplicate", "R4.2",
        $"{year} 年的营业利润已记录", $"The operating profit of {year} is already recorded.");
    public static FieldError FirstYearNotProfitable(int year) => F("profitYears", "income_distribution.first_year_not_profitable", "R4.2",
        $"首个盈利年度 {year} 年的营业利润须大于 0", $"The operating profit of the first profitable year, {year}, must be above 0.");
    public static FieldError ProfitYearsOnlyForImplementation => F("profitYears", "income_distribution.profit_years_only_for_implementation", "R4.2",
        "营业利润年度只适用于自行实施或合作实施", "Operating-profit years apply to self or cooperative implementation only.");

    public static FieldError TeamMembersRequired => F("team", "income_distribution.team_required", "R4.2", "至少需要一名团队成员", "At least one team member is required.");
    public static FieldError TeamContributionsMustSum100(decimal sum) => F("team", "income_distribution.contributions_must_sum_100", "R4.2",
        $"团队成员贡献比例合计须为 100%，当前为 {P(sum)}%", $"Team contributions must sum to 100 %, not {P(sum)} %.");

    public static Error DistributionInvalidTransition(IncomeDistributionStatus from, string action) => new Error("income_distribution.invalid_transition",
        $"收益分配方案当前状态为“{from}”，不能{action}", $"A distribution plan in status {from} cannot be {action}.", Status: 409).ForRule("R4.3");

    public static readonly Error NotAnImplementationPlan = new Error("income_distribution.not_an_implementation_plan",
        "只有自行实施或合作实施的分配方案按年度记录营业利润", "Only a self or cooperative implementation plan records yearly operating profit.", Status: 409).ForRule("R4.2");

    public static readonly Error EquityHasNoCashPayout = new Error("income_distribution.equity_has_no_cash_payout",
        "作价投资的团队奖励为股份，不以现金发放", "The team's reward for an equity investment is shares, not a cash payout.", Status: 409).ForRule("R4.2");

    public static readonly Error AllocationNotFound = Error.NotFound("income_allocation", "分配对象");

    public static readonly Error PayoutAmountInvalid = V("amount", "income_distribution.payout_amount_invalid", "R4.6",
        "发放金额须大于 0", "A payout must be above 0.");

    public static Error PayoutExceedsAllocation(decimal remaining) => V("amount", "income_distribution.payout_exceeds_allocation", "R4.6",
        $"发放金额超过该成员尚未发放的应得份额 {P(remaining)} 元", $"The payout exceeds the member's remaining allocation of ¥{P(remaining)}.");

    public static readonly Error LeaderDisclosureRequired = V("disclosureRecordRef", "income_distribution.leader_disclosure_required", "R4.5",
        "担任领导职务的人员领取转化收益须有公示记录（上海市促进科技成果转化条例第三十九条）",
        "A person in a leadership post may receive conversion income only with a public-disclosure record (Shanghai Regulations on Promoting the Transformation of S&T Achievements, art. 39).");

    public static readonly Error ReportYearInvalid = V("year", "conversion_report.year_invalid", "R4.7",
        "年度报告只能针对已结束的年度", "The annual report can only cover a year that has ended.");

    public static Error ReportAlreadySubmitted(int year) => new Error("conversion_report.already_submitted",
        $"{year} 年度报告已提交", $"The {year} report was already submitted.", Status: 409).ForRule("R4.7");

    public static readonly Error TtoShareOutOfRange = V("ttoSharePercent", "income_settings.tto_share_out_of_range", "R4.4",
        "技术转移机构份额须在 0 到 100 之间", "The transfer office's share must be between 0 and 100.");

    public static readonly Error CertificationNotFound = Error.NotFound("income_certification", "技术性收入核定记录");

    public static readonly Error CertificationNotForAchievement = Error.Validation("certificationId", "income_distribution.certification_not_for_achievement",
        "该技术性收入核定所属合同未关联本成果", "The certified income's contract does not reference this achievement.");

    public static Error CertificationBlocked(string? zh, string? en) => new Error("income_distribution.certification_blocked",
        $"合同有待办理的补正或登记已失效，暂不能据此分配或发放奖酬：{zh}", $"The contract has a pending correction or is no longer registered, so no reward may be planned or paid on it: {en}").ForRule("R2.3");

    public static Error CertifiedIncomeExceeded(decimal remaining) => Error.Validation("grossIncome", "income_distribution.certified_income_exceeded",
        $"转化收入超过核定的技术性收入尚未分配的部分（{remaining:N2} 元）", $"The gross income exceeds what is left of the certified technology income (¥{remaining:N2}).");
}

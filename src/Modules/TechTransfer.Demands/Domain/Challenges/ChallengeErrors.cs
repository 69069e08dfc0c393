using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Challenges;

/// <summary>Errors of challenges (揭榜挂帅 / 创新挑战赛); rule ids CH.x are listed in the module's RULES.md.</summary>
public static class ChallengeErrors
{
    // ---- field-level (422) ----
    public static readonly FieldError KindInvalid = new("kind", "challenge.kind_invalid",
        "挑战类型须为揭榜挂帅或创新挑战赛", "The kind must be an open call or an innovation challenge.") { Rule = "CH.1" };

    public static readonly FieldError RewardKindInvalid = new("rewardKind", "challenge.reward_kind_invalid",
        "奖励形式须为奖金或项目经费", "The reward must be a prize or a project budget.") { Rule = "CH.1" };

    public static readonly FieldError RewardNotPositive = new("rewardYuan", "challenge.reward_not_positive",
        "奖金或经费须大于 0 元", "The prize or budget must be more than ¥0.") { Rule = "CH.1" };

    public static readonly FieldError WindowEmpty = new("applicationClosesAt", "challenge.window_empty",
        "征集截止时间须晚于征集开始时间", "Applications must close after they open.") { Rule = "CH.2" };

    public static readonly FieldError WindowAlreadyClosed = new("applicationClosesAt", "challenge.window_in_past",
        "征集截止时间须晚于当前时间", "Applications must close in the future.") { Rule = "CH.2" };

    public static readonly FieldError JudgingBeforeWindowCloses = new("judgingEndsAt", "challenge.judging_before_window_closes",
        "评审截止时间须晚于征集截止时间", "Judging must end after applications close.") { Rule = "CH.2" };

    public static readonly FieldError AnnouncementBeforeJudgingEnds = new("announcementAt", "challenge.announcement_before_judging_ends",
        "公布日期不能早于评审截止时间", "The announcement may not come before judging ends.") { Rule = "CH.2" };

    public static readonly FieldError WinnerCountOutOfRange = new("winnerCount", "challenge.winner_count_out_of_range",
        "入选名额须在 1 到 20 之间", "The number of winners must be between 1 and 20.") { Rule = "CH.11" };

    public static readonly FieldError RubricEmpty = new("rubric", "challenge.rubric_empty",
        "请至少设置一个评分项", "The rubric needs at least one criterion.") { Rule = "CH.3" };

    public static FieldError CriterionWeightOutOfRange(string field) => new(field, "challenge.criterion_weight_out_of_range",
        "评分项权重须为 1 到 100 的整数", "A criterion's weight must be a whole number from 1 to 100.") { Rule = "CH.3" };

    public static readonly FieldError CriterionNamesNotUnique = new("rubric", "challenge.criterion_names_not_unique",
        "评分项名称不能重复", "Criterion names must be unique.") { Rule = "CH.3" };

    public static FieldError WeightsDoNotSumTo100(long sum) => new("rubric", "challenge.weights_not_100",
        $"评分项权重之和须为 100（当前为 {sum}）", $"Criterion weights must sum to 100 (they sum to {sum}).") { Rule = "CH.3" };

    public static FieldError UnknownCriterion(string key) => new($"scores.{key}", "challenge.unknown_criterion",
        $"评分项“{key}”不属于本挑战的评分细则", $"\"{key}\" is not a criterion of this challenge's rubric.") { Rule = "CH.9" };

    public static FieldError CriterionNotScored(string key, string nameZh, string nameEn) => new($"scores.{key}", "challenge.criterion_not_scored",
        $"请为评分项“{nameZh}”打分", $"Score the criterion \"{nameEn}\".") { Rule = "CH.9" };

    public static FieldError ScoreOutOfRange(string key) => new($"scores.{key}", "challenge.score_out_of_range",
        "每项得分须在 0 到 10 分之间", "Each score must be between 0 and 10.") { Rule = "CH.9" };

    public static FieldError ScoreTooPrecise(string key) => new($"scores.{key}", "challenge.score_too_precise",
        "得分最多保留一位小数", "Scores have at most one decimal.") { Rule = "CH.9" };

    // ---- list filters ----
    public static readonly FieldError UnknownKind = new("kind", "challenge.unknown_kind", "类型须为 OpenCall 或 InnovationContest", "Kind must be OpenCall or InnovationContest.");

    public static readonly FieldError UnknownPhase = new("phase", "challenge.unknown_phase",
        "阶段须为 Draft、Upcoming、OpenForApplications、Judging、AwaitingAnnouncement、Announced 或 Cancelled",
        "Phase must be Draft, Upcoming, OpenForApplications, Judging, AwaitingAnnouncement, Announced or Cancelled.");

    // ---- state and permission ----
    public static readonly Error NotAllowedToPost = new Error("challenge.not_allowed_to_post",
        "只有企业、政府部门或平台管理员可以发布挑战", "Only enterprises, government bodies or platform administrators may post challenges.", Status: 403).ForRule("CH.1");

    public static readonly Error NotOwner = new("challenge.not_owner",
        "只有发布该挑战的机构可以执行此操作", "Only the organisation that posted this challenge may do this.", Status: 403);

    public static readonly Error NotEditable = new Error("challenge.not_editable",
        "挑战发布后不能再修改内容", "A challenge cannot be edited once published.").ForRule("CH.14");

    public static Error InvalidTransition(ChallengePhase from, ChallengePhase to) => new("challenge.invalid_transition",
        $"挑战不能从“{ChallengeLabels.Phase(from).Zh}”变为“{ChallengeLabels.Phase(to).Zh}”",
        $"A challenge cannot go from {ChallengeLabels.Phase(from).En.ToLowerInvariant()} to {ChallengeLabels.Phase(to).En.ToLowerInvariant()}.");

    public static readonly Error WindowAlreadyClosedError = new Error("challenge.window_in_past",
        "征集截止时间已过，不能发布", "Applications would already be closed; change the dates before publishing.", "applicationClosesAt").ForRule("CH.2");

    public static readonly Error NoJudges = new Error("challenge.no_judges",
        "发布挑战前至少需要一位评审专家", "Name at least one judge before publishing.", "judges").ForRule("CH.4");

    public static readonly Error JudgeIncomplete = FieldRule("judges", "challenge.judge_incomplete",
        "评审专家须指定用户、所属机构和姓名", "A judge needs a user, an organisation and a name.", "CH.4");

    public static readonly Error JudgeAlreadyNamed = new Error("challenge.judge_already_named",
        "该专家已在评审名单中", "This user is already a judge of the challenge.", "judges").ForRule("CH.4");

    public static readonly Error TooManyJudges = new Error("challenge.too_many_judges",
        "评审专家最多 15 位", "A challenge may have at most 15 judges.", "judges").ForRule("CH.4");

    public static readonly Error JudgesLocked = new Error("challenge.judges_locked",
        "征集截止后不能再调整评审专家", "Judges cannot be changed once applications have closed.", "judges").ForRule("CH.4");

    public static readonly Error NotASolver = new Error("challenge.not_a_solver",
        "只有科研机构（技术转移办公室）或科研人员可以揭榜申报", "Only research institutions (transfer offices) or researchers may apply.", Status: 403).ForRule("CH.6");

    public static readonly Error WindowNotOpen = new Error("challenge.window_not_open",
        "征集尚未开始，请在征集期内申报", "Applications are not open yet.").ForRule("CH.5");

    public static readonly Error WindowClosed = new Error("challenge.window_closed",
        "征集期已结束，不能再申报或撤回", "The application window has closed.").ForRule("CH.5");

    public static readonly Error OwnerCannotApply = new Error("challenge.owner_cannot_apply",
        "发榜机构不能揭自己的榜", "The posting organisation may not apply to its own challenge.", Status: 403).ForRule("CH.6");

    public static readonly Error AlreadyApplied = new Error("challenge.already_applied",
        "贵机构已提交申报，如需修改请先撤回", "Your organisation has already applied; withdraw the application to apply again.").ForRule("CH.6");

    public static readonly Error ApplicationNotFound = Error.NotFound("application", "揭榜申请");

    public static readonly Error ApplicationNotActive = new("challenge.application_not_active",
        "该申报已撤回或已有结果", "The application was withdrawn or already concluded.");

    public static readonly Error NotAJudge = new Error("challenge.not_a_judge",
        "您不是本挑战的评审专家", "You are not a judge of this challenge.", Status: 403).ForRule("CH.7");

    public static readonly Error JudgingNotStarted = new Error("challenge.judging_not_started",
        "征集截止后才能开始评审", "Judging starts when applications close.").ForRule("CH.7");

    public static readonly Error JudgingClosed = new Error("challenge.judging_closed",
        "评审期已结束，不能再打分", "Judging has ended; scores can no longer be given.").ForRule("CH.7");

    public static readonly Error ConflictOfInterest = new Error("challenge.judge_conflict_of_interest",
        "利益回避：评审专家不能为本单位的申报打分", "Conflict of interest: a judge may not score an application from their own organisation.", Status: 403).ForRule("CH.8");

    public static readonly Error JudgingNotEnded = new Error("challenge.judging_not_ended",
        "评审截止后才能公布结果", "Results can be announced only after judging ends.").ForRule("CH.11");

    public static readonly Error NoScoredApplications = new Error("challenge.no_scored_applications",
        "没有已评分的申报，无法公布结果", "No application has been scored, so there is nothing to announce.").ForRule("CH.11");

    public static readonly Error AwardNotFound = Error.NotFound("award", "获奖记录");

    public static readonly Error NotOwnerOrWinner = new Error("challenge.not_owner_or_winner",
        "只有发榜机构或获奖机构可以关联合同", "Only the posting or the winning organisation may link a contract.", Status: 403).ForRule("CH.12");

    public static readonly Error ContractAlreadyLinked = new Error("challenge.contract_already_linked",
        "该获奖结果已关联合同", "This award is already linked to a contract.").ForRule("CH.12");

    public static readonly Error ContractReferenceInvalid = FieldRule("contractReference", "challenge.contract_reference_invalid",
        "请填写合同编号或链接（不超过 100 个字符）", "Give the contract number or link (at most 100 characters).", "CH.12");

    public static readonly Error CancelReasonRequired = FieldRule("reason", "challenge.cancel_reason_required",
        "取消挑战须说明原因", "Give a reason for cancelling the challenge.", "CH.13");

    public static readonly Error NotFound = Error.NotFound("challenge", "挑战");

    /// <summary>An edit (PUT) names the version of the challenge it changes (optimistic concurrency).</summary>
    public static readonly FieldError VersionRequired = new("version", "challenge.version_required",
        "修改时须提供版本号 version", "Send the version you are changing.");

    /// <summary>A one-field validation error (422) whose field error, like the error itself, names the rule it enforces.</summary>
    private static Error FieldRule(string field, string code, string zh, string en, string rule) =>
        Error.Validation([new FieldError(field, code, zh, en) { Rule = rule }]).ForRule(rule);
}

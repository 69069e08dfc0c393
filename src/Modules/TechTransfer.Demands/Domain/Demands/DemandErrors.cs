using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Demands;

/// <summary>
/// Errors of technology demands and the shared field checks of this module. Codes are API; rule ids (DM.x) are
/// listed in the module's RULES.md (the domain spec has no section for demands, so the module numbers its own).
/// </summary>
public static class DemandErrors
{
    // ---- field-level checks (422 through Error.Validation) ----
    public static FieldError Required(string field) =>
        new(field, "demand.field_required", $"{Zh(field)}不能为空", $"{En(field)} is required.") { Rule = "DM.1" };

    public static FieldError TooShort(string field, int min) =>
        new(field, "demand.field_too_short", $"{Zh(field)}至少 {min} 个字", $"{En(field)} needs at least {min} characters.") { Rule = "DM.1" };

    public static FieldError TooLong(string field, int max) =>
        new(field, "demand.field_too_long", $"{Zh(field)}不能超过 {max} 个字", $"{En(field)} may have at most {max} characters.") { Rule = "DM.1" };

    public static FieldError TooMany(string field, int max) =>
        new(field, "demand.too_many_items", $"{Zh(field)}最多 {max} 项", $"{En(field)} may list at most {max} items.") { Rule = "DM.1" };

    /// <summary>DM.3: IPC code format.</summary>
    public static Error IpcCodeInvalid(string raw, string field) => FieldRule(field, "demand.ipc_code_invalid",
        $"IPC 分类号“{Shown(raw)}”格式不正确，应如 G06F 或 G06F 17/30",
        $"IPC code \"{Shown(raw)}\" is not valid; write it like G06F or G06F 17/30.", "DM.3");

    /// <summary>DM.4: GB/T 2260 division code.</summary>
    public static Error DivisionCodeInvalid(string raw, string field) => FieldRule(field, "demand.division_code_invalid",
        $"行政区划代码“{Shown(raw)}”不是有效的 GB/T 2260 六位代码（如 310000 上海市、310115 浦东新区）",
        $"\"{Shown(raw)}\" is not a valid six-digit GB/T 2260 division code (e.g. 310000 Shanghai, 310115 Pudong).", "DM.4");

    /// <summary>What the user typed, shortened for a message (a megabyte of input is not echoed back).</summary>
    private static string Shown(string raw) =>
        raw.Length <= 40 ? raw : raw[..(char.IsHighSurrogate(raw[39]) ? 39 : 40)] + "…";

    /// <summary>DM.5</summary>
    public static FieldError BudgetIncomplete(string field) => new(field, "demand.budget_incomplete",
        "预算须同时填写下限和上限，或都不填（面议）", "Give both ends of the budget, or neither (negotiable).") { Rule = "DM.5" };

    /// <summary>DM.5</summary>
    public static FieldError BudgetMinAboveMax(string field) => new(field, "demand.budget_min_above_max",
        "预算下限不能高于上限", "The budget minimum may not exceed the maximum.") { Rule = "DM.5" };

    /// <summary>DM.5 / R0.1</summary>
    public static FieldError AmountOutOfRange(string field) => new(field, "demand.amount_out_of_range",
        "金额须在 0 元到 1000 亿元之间", "Amounts must be between ¥0 and ¥100,000,000,000.") { Rule = "DM.5" };

    /// <summary>R0.1: money has two decimals.</summary>
    public static FieldError AmountTooManyDecimals(string field) => new(field, "demand.amount_too_many_decimals",
        "金额最多保留两位小数（元）", "Amounts are in yuan with at most two decimals.");

    /// <summary>DM.6</summary>
    public static readonly FieldError DeadlineNotInFuture = new("deadline", "demand.deadline_not_in_future",
        "截止时间须晚于当前时间", "The deadline must be in the future.") { Rule = "DM.6" };

    /// <summary>DM.6: a date beyond the planning horizon (ten years) is a typing error, not a plan.</summary>
    public static FieldError DateTooFar(string field) => new(field, "demand.date_too_far",
        "日期不能晚于十年之后", "The date cannot be more than ten years ahead.") { Rule = "DM.6" };

    /// <summary>DM.2</summary>
    public static readonly FieldError CooperationModeRequired = new("cooperationModes", "demand.cooperation_mode_required",
        "请至少选择一种合作方式（技术转让、技术许可、合作开发、委托开发、技术咨询）",
        "Choose at least one cooperation mode (transfer, licence, joint development, commissioned development, consulting).") { Rule = "DM.2" };

    /// <summary>DM.12</summary>
    public static readonly FieldError ContactVisibilityInvalid = new("contactVisibility", "demand.contact_visibility_invalid",
        "联系方式可见性须为公开、对接后可见或不公开", "Contact visibility must be public, after a match, or private.") { Rule = "DM.12" };

    /// <summary>DM.7</summary>
    public static readonly FieldError ContactMeansRequired = new("contactPhone", "demand.contact_means_required",
        "请至少填写联系电话或电子邮箱之一", "Give a contact phone number or an e-mail address.") { Rule = "DM.7" };

    /// <summary>DM.7</summary>
    public static readonly FieldError ContactPhoneInvalid = new("contactPhone", "demand.contact_phone_invalid",
        "联系电话格式不正确", "The contact phone number is not valid.") { Rule = "DM.7" };

    /// <summary>DM.7</summary>
    public static readonly FieldError ContactEmailInvalid = new("contactEmail", "demand.contact_email_invalid",
        "电子邮箱格式不正确", "The contact e-mail address is not valid.") { Rule = "DM.7" };

    // ---- list filters ----
    public static readonly FieldError UnknownStatus = new("status", "demand.unknown_status",
        "状态须为 Draft、UnderReview、Published、Matched、Closed 或 Expired", "Status must be Draft, UnderReview, Published, Matched, Closed or Expired.");

    public static readonly FieldError UnknownMode = new("mode", "demand.unknown_mode",
        "合作方式须为 Transfer、Licence、JointDevelopment、CommissionedDevelopment 或 Consulting",
        "Mode must be Transfer, Licence, JointDevelopment, CommissionedDevelopment or Consulting.");

    // ---- state and permission errors ----
    /// <summary>DM.11</summary>
    public static readonly Error OnlyEnterprisesPost = new Error("demand.only_enterprises_post",
        "只有企业用户可以发布技术需求", "Only enterprise users of an organisation may post technology demands.", Status: 403).ForRule("DM.11");

    /// <summary>DM.11</summary>
    public static readonly Error NotOwner = new Error("demand.not_owner",
        "只有发布该需求的企业可以执行此操作", "Only the enterprise that posted this demand may do this.", Status: 403).ForRule("DM.11");

    /// <summary>DM.9</summary>
    public static readonly Error NotReviewer = new Error("demand.not_reviewer",
        "只有平台管理员或平台技术经理人可以审核需求", "Only platform administrators or the platform's technology managers may review demands.", Status: 403).ForRule("DM.9");

    /// <summary>DM.9</summary>
    public static readonly Error ReviewerIsOwner = new Error("demand.reviewer_is_owner",
        "审核人不能审核本单位发布的需求", "A reviewer may not review a demand of their own organisation.", Status: 403).ForRule("DM.9");

    /// <summary>DM.9</summary>
    public static readonly Error RejectionReasonRequired = FieldRule("reason", "demand.rejection_reason_required",
        "退回需求时须填写审核意见", "Give a reason when returning a demand.", "DM.9");

    /// <summary>DM.6</summary>
    public static readonly Error DeadlinePassed = new Error("demand.deadline_passed",
        "需求截止时间已过，请修改截止时间后重新提交", "The demand's deadline has passed; change the deadline and submit again.", "deadline").ForRule("DM.6");

    /// <summary>DM.8</summary>
    public static Error NotEditable(Demands.DemandStatus status) => new Error("demand.not_editable",
        $"需求当前状态为“{DemandLabels.Status(status).Zh}”，只有草稿可以修改",
        $"The demand is {DemandLabels.Status(status).En.ToLowerInvariant()}; only drafts can be edited.").ForRule("DM.8");

    /// <summary>DM.8</summary>
    public static Error InvalidTransition(Demands.DemandStatus from, Demands.DemandStatus to) => new Error("demand.invalid_transition",
        $"需求不能从“{DemandLabels.Status(from).Zh}”变为“{DemandLabels.Status(to).Zh}”",
        $"A demand cannot go from {DemandLabels.Status(from).En.ToLowerInvariant()} to {DemandLabels.Status(to).En.ToLowerInvariant()}.").ForRule("DM.8");

    /// <summary>DM.8</summary>
    public static readonly Error MatchedOrganizationInvalid = FieldRule("organizationId", "demand.matched_organization_invalid",
        "请指定对接成功的另一家机构", "Name the other organisation the demand was matched with.", "DM.8");

    public static readonly Error NotFound = Error.NotFound("demand", "技术需求");

    /// <summary>An edit (PUT) names the version of the demand it changes (optimistic concurrency).</summary>
    public static readonly FieldError VersionRequired = new("version", "demand.version_required",
        "修改时须提供版本号 version", "Send the version you are changing.");

    private static string Zh(string field) => field switch
    {
        "title" => "标题", "need" => "需求描述", "goal" => "预期目标", "existingBasis" => "现有基础", "field" => "技术领域",
        "ipcCodes" => "IPC 分类号", "keywords" => "关键词", "contactName" => "联系人", "requirements" => "任务要求",
        "description" => "任务描述", "rubric" => "评分细则", "judges" => "评审专家", "summary" => "方案摘要",
        "approach" => "技术路线", "team" => "团队介绍", "reason" => "原因", "criterion" => "评分项",
        _ => field,
    };

    private static string En(string field) => field switch
    {
        "existingBasis" => "Existing basis", "ipcCodes" => "IPC codes", "contactName" => "Contact name",
        "criterion" => "Criterion name",
        _ => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..],
    };

    /// <summary>A one-field validation error (422) whose field error, like the error itself, names the rule it enforces.</summary>
    private static Error FieldRule(string field, string code, string zh, string en, string rule) =>
        Error.Validation([new FieldError(field, code, zh, en) { Rule = rule }]).ForRule(rule);
}

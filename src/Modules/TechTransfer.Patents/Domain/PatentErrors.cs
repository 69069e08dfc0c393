using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

public static class PatentErrors
{
    // ---- shapes shared by the module's checklists (PatentChecks) ----
    public static FieldError DateOutOfRange(string field) => new(field, "patent.date_out_of_range",
        "日期须在 1985-04-01 至 2199-12-31 之间", "The date must be between 1985-04-01 and 2199-12-31.");

    public static FieldError TooLong(string field, int max) => new(field, "patent.text_too_long",
        $"内容不能超过 {max} 个字符", $"At most {max} characters.");

    public static FieldError Required(string field) => new(field, "patent.field_required", "此项为必填项", "This field is required.");

    public static FieldError AmountOutOfRange(string field) => new(field, "patent.amount_out_of_range",
        "金额须在 0 元到 1000 亿元之间", "Amounts must be between ¥0 and ¥100,000,000,000.");

    /// <summary>An edit (PUT) names the version of the record it changes (optimistic concurrency).</summary>
    public static readonly FieldError VersionRequired = new("version", "concurrency.version_required",
        "修改时须提供所读取记录的版本号 version", "Send the version of the record you read (field 'version').");

    // ---- a patent record (Patent.Validate) ----
    public static readonly FieldError ApplicationNoInvalid = new("applicationNo", "patent.application_no_invalid",
        "申请号格式不正确（应为 8–20 位数字/字母，可带 CN 前缀和校验位）",
        "The application number is not valid (8–20 digits or letters, optional CN prefix and check digit).");

    public static readonly FieldError TitleRequired = new("title", "patent.title_required", "请填写专利名称", "The patent title is required.");

    public static readonly FieldError PatenteeRequired = new("patenteeNames", "patent.patentee_required", "请填写专利权人", "At least one patentee is required.");

    public static readonly FieldError TypeInvalid = new("type", "patent.type_invalid",
        "专利类型须为发明、实用新型或外观设计", "The patent type must be invention, utility model or design.");

    /// <summary>A legal status outside the enum, in a record (<c>legalStatus</c>) or a status change (<c>status</c>).</summary>
    public static FieldError LegalStatusInvalid(string field) => new(field, "patent.legal_status_invalid",
        "法律状态不在可选范围内", "The legal status is not one of the allowed values.");

    public static readonly FieldError GrantBeforeFiling = new("grantAnnouncementDate", "patent.grant_before_filing",
        "授权公告日不能早于申请日", "The grant announcement date cannot be before the filing date.");

    public static readonly FieldError TermCompensationNegative = new("termCompensationDays", "patent.term_compensation_negative",
        "期限补偿天数不能为负数", "Term compensation days cannot be negative.");

    public static FieldError TermCompensationTooLong(int maxDays) => new("termCompensationDays", "patent.term_compensation_too_long",
        $"期限补偿天数不能超过 {maxDays} 天", $"Term compensation cannot exceed {maxDays} days.");

    public static readonly FieldError TermCompensationInventionOnly = new FieldError("termCompensationDays", "patent.term_compensation_invention_only",
        "只有发明专利可以获得期限补偿（专利法第四十二条）", "Only invention patents can receive term compensation (Patent Law art. 42).").ForRule("R3.8");

    public static readonly FieldError InForceWithoutGrant = new("legalStatus", "patent.in_force_without_grant",
        "未授权的专利不能标为“有效”", "A patent without a grant announcement cannot be in force.");

    // ---- patents ----
    public static readonly Error ApplicationNoChanged = new("patent.application_no_changed",
        "申请号不可修改", "The application number cannot be changed.", "applicationNo", 422);

    public static readonly Error DuplicateApplicationNo = new("patent.duplicate_application_no",
        "本单位已登记该申请号的专利", "Your organisation already has a patent with this application number.", "applicationNo");

    public static readonly Error FeePaidUntilGoesBack = new("patent.fee_paid_until_goes_back",
        "年费缴至日期不能早于已记录的日期", "The annual-fee paid-until date cannot move backwards.", "annualFeePaidUntil", 422);

    public static readonly Error ScopeInvalid = Error.Validation("scope", "patent.scope_invalid",
        "许可方式须为独占、排他或普通许可", "The scope must be exclusive, sole or ordinary.");

    public static readonly Error NotGranted = new("patent.not_granted",
        "专利尚未授权公告", "The patent has no grant announcement yet.", "grantAnnouncementDate", 422);

    public static readonly Error SuspensionReasonRequired = new("patent.suspension_reason_required",
        "请填写中止程序的原因（权属纠纷或财产保全）", "Give the reason for the suspension (ownership dispute or court preservation).", "reason", 422);

    public static readonly Error PledgeeRequired = new("patent.pledgee_required",
        "请填写质权人", "The pledgee is required.", "pledgee", 422);

    public static readonly Error PledgeAlreadyReleased = new("patent.pledge_already_released",
        "该质押已解除", "This pledge has already been released.");

    public static readonly Error PledgeReleaseBeforeRegistration = new("patent.pledge_release_before_registration",
        "解除日期不能早于质押登记日期", "The release date cannot be before the pledge registration date.", "releasedOn", 422);

    public static readonly Error LicenseeRequired = new("patent.licensee_required",
        "请填写被许可人", "The licensee is required.", "licensee", 422);

    public static readonly Error LicenceEndsBeforeStart = new("patent.licence_ends_before_start",
        "许可结束日期不能早于开始日期", "The licence cannot end before it starts.", "endDate", 422);

    public static Error LicenceBeyondExpiry(DateOnly expiry) => new Error("patent.licence_beyond_expiry",
        $"许可期限不能超过专利权期限届满日 {expiry:yyyy-MM-dd}（专利法第四十二条）", $"The licence cannot run past the patent's expiry on {expiry:yyyy-MM-dd} (Patent Law art. 42).", "endDate", 422)
        .ForRule("R3.8");

    /// <summary>R3.10 (专利法 51)</summary>
    public static Error ExclusiveLicenceWhileOpenLicence(LicenseScope scope) => new Error("patent.exclusive_licence_during_open_licence",
        $"该专利的开放许可声明正在实施期间，不得订立{EnumLabels.Of(scope).Zh}合同，只能订立普通许可（专利法第五十一条）",
        $"An open-licence declaration is in force for this patent, so a {EnumLabels.Of(scope).En.ToLowerInvariant()} licence cannot be granted; only ordinary licences are allowed (Patent Law art. 51).",
        "scope").ForRule("R3.10");

    public static readonly Error ExclusiveConflictsWithExisting = new("patent.exclusive_conflicts_with_existing",
        "该期间已存在其他许可，不能再授予独占许可", "Other licences exist in that period, so an exclusive licence cannot be granted.", "scope");

    public static readonly Error ExistingExclusiveLicence = new("patent.existing_exclusive_licence",
        "该专利已有有效的独占许可，不能再授予其他许可", "An exclusive licence is in force on this patent; no other licence can be granted.", "scope");
}

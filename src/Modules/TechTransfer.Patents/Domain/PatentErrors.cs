using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

public static class PatentErrors
{
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

using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

public static class OpenLicenseErrors
{
    // ---- §3.2: may the declaration be submitted (CheckSubmission), one field error per rule ----
    public static readonly FieldError PatentNotGranted = new FieldError("patent", "open_license.patent_not_granted",
        "专利尚未授权公告或已不在有效状态，不能声明开放许可（专利法实施细则第八十五条）",
        "The patent's grant has not been announced or it is no longer in force (Implementing Regulations art. 85).").ForRule("R3.1");

    public static readonly FieldError EvaluationReportRequired = new FieldError("evaluationReportRef", "open_license.evaluation_report_required",
        "实用新型或外观设计专利声明开放许可须提交专利权评价报告（专利法第五十条）",
        "A utility model or design patent needs a patent evaluation report (Patent Law art. 50).").ForRule("R3.2");

    public static readonly FieldError ExclusiveLicenceExists = new FieldError("patent", "open_license.exclusive_licence_exists",
        "该专利存在有效的独占或排他许可，不能声明开放许可（专利法实施细则第八十六条第一项）",
        "An exclusive or sole licence is in force on the patent (Implementing Regulations art. 86(1)).").ForRule("R3.3");

    public static readonly FieldError PatentSuspended = new FieldError("patent", "open_license.patent_suspended",
        "该专利处于中止程序（权属纠纷或财产保全），不能声明开放许可（专利法实施细则第八十六条第二项）",
        "The patent is in a suspended procedure (ownership dispute or court preservation) (Implementing Regulations art. 86(2)).").ForRule("R3.4");

    public static readonly FieldError AnnualFeeUnpaid = new FieldError("patent", "open_license.annual_fee_unpaid",
        "专利年费未按期缴纳，不能声明开放许可（专利法实施细则第八十六条第三项）",
        "The patent's annual fees are not paid up to date (Implementing Regulations art. 86(3)).").ForRule("R3.5");

    public static readonly FieldError PledgeeConsentRequired = new FieldError("pledgeeConsentRef", "open_license.pledgee_consent_required",
        "专利已质押，须提供质权人同意开放许可的书面文件（专利法实施细则第八十六条第四项）",
        "The patent is pledged; the pledgee's written consent is required (Implementing Regulations art. 86(4)).").ForRule("R3.6");

    public static FieldError PromotionalLanguage(IReadOnlyList<string> terms) => new FieldError("otherTerms", "open_license.promotional_language",
        $"声明内容不得含有宣传用语：{string.Join("、", terms)}（专利法实施细则第八十五条）",
        $"The declaration must not contain promotional language: {string.Join(", ", terms)} (Implementing Regulations art. 85).").ForRule("R3.7");

    public static FieldError TermBeyondPatentExpiry(DateOnly expiry) => new FieldError("licenseTermEnd", "open_license.term_beyond_patent_expiry",
        $"许可期限不得超过专利权期限届满日 {expiry:yyyy-MM-dd}（专利法第四十二条）",
        $"The licence term cannot end after the patent expires on {expiry:yyyy-MM-dd} (Patent Law art. 42).").ForRule("R3.8");

    // ---- the declaration form (ValidateForm) ----
    public static readonly FieldError PaymentModeInvalid = new("paymentMode", "open_license.payment_mode_invalid",
        "支付方式不在可选范围内", "The payment mode is not one of the allowed values.");

    public static readonly FieldError RoyaltyBaseInvalid = new("royaltyBase", "open_license.royalty_base_invalid",
        "提成基数不在可选范围内", "The royalty base is not one of the allowed values.");

    public static readonly FieldError TermEndBeforeStart = new("licenseTermEnd", "open_license.term_end_before_start",
        "许可期限结束日不能早于开始日", "The licence term cannot end before it starts.");

    public static readonly FieldError FeeOutOfRange = new("fee", "open_license.fee_out_of_range",
        "许可费不能为负数，提成比例须在 0–100% 之间", "Fees cannot be negative and a royalty rate must be 0–100 %.");

    public static readonly FieldError FixedFeeRequired = new("fee.fixedFeeYuan", "open_license.fixed_fee_required",
        "一次总算的支付方式须写明许可费总额", "A lump-sum payment mode needs the total fee.");

    public static readonly FieldError FirstInstalmentRequired = new("fee.initialPaymentYuan", "open_license.first_instalment_required",
        "分期支付须写明首期付款金额", "Instalment payment needs the first instalment amount.");

    public static readonly FieldError RoyaltyRequired = new("fee.royaltyRatePercent", "open_license.royalty_required",
        "提成支付须写明提成比例和提成基数", "Royalty payment needs a rate and a base.");

    public static readonly FieldError EntryFeeRequired = new("fee.initialPaymentYuan", "open_license.entry_fee_required",
        "须写明入门费金额", "The entry fee is required.");

    public static readonly FieldError FirstInstalmentAboveTotal = new("fee.initialPaymentYuan", "open_license.first_instalment_above_total",
        "首期付款不能超过许可费总额", "The first instalment cannot exceed the total fee.");

    public static readonly FieldError LapseReasonInvalid = new("reason", "open_license.lapse_reason_invalid",
        "失效原因须为专利权终止、被宣告无效或期限届满", "The reason must be termination, invalidation or the end of the term.");

    // ---- who may act, the declaration's state ----
    /// <summary>A contract is prefilled only from a grant in effect (专利法第五十一条).</summary>
    public static readonly Error GrantNotEffectiveForContract = new Error("open_license_grant.not_effective",
        "开放许可实施尚未生效（须书面通知并按公告条件付款，专利法第五十一条），不能据此生成合同",
        "The open-licence grant is not effective yet (written notice and payment per the announced terms, Patent Law art. 51), so no contract can be prefilled.")
        .ForRule("R3.12");

    public static readonly Error NotPatentee = new("open_license.not_patentee",
        "只有专利权人所在单位可以声明、修改或撤回开放许可", "Only the patentee's organisation may declare, change or withdraw an open licence.", Status: 403);

    public static readonly Error AlreadyDeclared = new("open_license.already_declared",
        "该专利已有未撤回的开放许可声明", "This patent already has an open-licence declaration that is not withdrawn or lapsed.", "patentId");

    public static readonly Error WrongPatent = new("open_license.wrong_patent",
        "声明与所选专利不一致", "The declaration belongs to another patent.", "patentId", 422);

    /// <summary>§3.2: every failing check is one field error carrying its rule id (<see cref="FieldError.Rule"/>).</summary>
    public static Error DeclarationInvalid(IReadOnlyList<FieldError> failures) => new("open_license.declaration_invalid",
        $"开放许可声明未通过 {failures.Count} 项审查：{string.Join("；", failures.Select(f => f.Zh))}",
        $"The declaration failed {failures.Count} check(s): {string.Join("; ", failures.Select(f => f.En))}", Status: 422)
    { FieldErrors = failures };

    public static Error InvalidTransition(OpenLicenseStatus from, string action) => new("open_license.invalid_transition",
        $"当前状态（{StatusLabel(from).Zh}）不允许此操作", $"This cannot be done while the declaration is {StatusLabel(from).En.ToLowerInvariant()}.");

    public static readonly Error AnnouncementNoRequired = new("open_license.announcement_no_required",
        "请填写公告号", "The announcement number is required.", "announcementNo", 422);

    public static readonly Error AnnouncementBeforeSubmission = new("open_license.announcement_before_submission",
        "公告日期不能早于提交（或声明公告）日期", "The announcement date cannot be before the submission (or declaration announcement).", "announcementDate", 422);

    public static readonly Error NotActive = new Error("open_license.not_active",
        "该开放许可声明不在实施期间，不能获得许可（专利法第五十一条）", "This open licence is not in force, so a licence cannot be taken (Patent Law art. 51).")
        .ForRule("R3.12");

    public static readonly Error TermOver = new("open_license.term_over",
        "开放许可期限已届满", "The open licence's term has ended.");

    public static readonly Error PatenteeCannotTakeOwnLicence = new("open_license.patentee_cannot_take_own",
        "专利权人不能实施自己的开放许可", "The patentee cannot take its own open licence.", Status: 422);

    public static readonly Error LicenseeNameRequired = new("open_license.licensee_name_required",
        "请填写被许可人名称", "The licensee's name is required.", "licenseeName", 422);

    public static readonly Error WrittenNoticeRequired = new Error("open_license.written_notice_required",
        "须以书面方式通知专利权人（请上传或填写书面通知编号，专利法第五十一条）", "A written notice to the patentee is required (attach or reference it; Patent Law art. 51).", "writtenNoticeRef", 422)
        .ForRule("R3.12");

    public static readonly Error AlreadyLicensed = new("open_license.already_licensed",
        "贵单位已取得或正在办理该开放许可", "Your organisation already holds or is taking this open licence.");

    /// <summary>A grant that does not exist, or that the caller is not a party to (the same answer for both).</summary>
    public static readonly Error GrantNotFound = Error.NotFound("open_license_grant", "开放许可实施记录");

    public static readonly Error GrantNotPending = new("open_license.grant_not_pending",
        "该许可已生效或已取消", "This licence is already effective or cancelled.");

    public static readonly Error GrantNotEffective = new Error("open_license.grant_not_effective",
        "许可尚未生效，不能备案", "The licence is not effective yet, so it cannot be filed.").ForRule("R3.13");

    public static readonly Error PaymentRefRequired = new Error("open_license.payment_ref_required",
        "请填写付款凭证编号", "The payment reference is required.", "paymentRef", 422).ForRule("R3.12");

    public static Error PaymentTooLow(decimal required) => new Error("open_license.payment_below_terms",
        $"付款金额低于声明公告的应付金额 {Yuan.Display(required, false)}（专利法第五十一条）",
        $"The payment is below the amount due under the announced terms ({Yuan.Display(required, true)}; Patent Law art. 51).", "amountYuan", 422)
        .ForRule("R3.12");

    public static readonly Error WithdrawnBeforeEffective = new Error("open_license.withdrawn_before_effective",
        "开放许可已于该许可生效前撤回公告，该许可不能生效（专利法第五十条）", "The open licence was withdrawn before this licence became effective (Patent Law art. 50).")
        .ForRule("R3.11");

    public static Error DateInFuture(string field) => new("open_license.date_in_future",
        "日期不能晚于今天", "The date cannot be in the future.", field, 422);

    public static readonly Error AlreadyFiled = new("open_license.already_filed",
        "该许可已备案", "This licence has already been filed.");

    public static readonly Error FilingProofRequired = new Error("open_license.filing_proof_required",
        "备案须附书面证明文件（专利法实施细则第八十七条）", "Filing needs written proof (Implementing Regulations art. 87).", "proofRef", 422).ForRule("R3.13");

    public static readonly Error FiledBeforeEffective = new("open_license.filed_before_effective",
        "备案日期不能早于许可生效日期", "The filing date cannot be before the licence became effective.", "filedOn", 422);

    public static readonly Error DisputeChannelInvalid = new Error("open_license.dispute_channel_invalid",
        "纠纷解决途径须为协商、国家知识产权局调解或向法院起诉（专利法第五十二条）", "The channel must be negotiation, CNIPA mediation or court (Patent Law art. 52).", "channel", 422)
        .ForRule("R3.14");

    public static readonly Error DisputeSummaryRequired = new("open_license.dispute_summary_required",
        "请简述纠纷", "Describe the dispute.", "summary", 422);

    public static readonly Error DisputeAlreadyResolved = new("open_license.dispute_already_resolved",
        "该纠纷已办结", "This dispute is already resolved.");

    public static readonly Error DisputeOutcomeRequired = new("open_license.dispute_outcome_required",
        "请填写处理结果", "The outcome is required.", "outcome", 422);

    public static (string Zh, string En) StatusLabel(OpenLicenseStatus s) => s switch
    {
        OpenLicenseStatus.Draft => ("草稿", "Draft"),
        OpenLicenseStatus.Submitted => ("已提交", "Submitted"),
        OpenLicenseStatus.Active => ("实施中", "Active"),
        OpenLicenseStatus.WithdrawalSubmitted => ("撤回审核中", "Withdrawal submitted"),
        OpenLicenseStatus.Withdrawn => ("已撤回", "Withdrawn"),
        OpenLicenseStatus.Lapsed => ("已失效", "Lapsed"),
        OpenLicenseStatus.Retracted => ("已撤回申报", "Withdrawn before announcement"),
        _ => (s.ToString(), s.ToString()),
    };
}

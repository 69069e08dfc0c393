using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Domain;

/// <summary>
/// Every failure of the contract-registration module, with a stable code and the spec rule it enforces as the error's
/// <see cref="Error.Rule"/> (written as <c>rule</c> in problem details). Messages never name internal rule ids; they may
/// cite the law where that helps (民法典第八百四十五条).
/// </summary>
public static partial class ContractErrors
{
    private static Error E(string code, string rule, string zh, string en, int status = 409, string? field = null) =>
        new(code, zh, en, field, status) { Rule = rule };

    private static FieldError F(string field, string code, string rule, string zh, string en) =>
        new(field, code, zh, en) { Rule = rule };

    /// <summary>A required field of a request body is missing (422, <c>validation.required</c>).</summary>
    public static FieldError Required(string field, string zh, string en) =>
        new(field, "validation.required", $"{zh}为必填项", $"{en} is required.");

    /// <summary>A reason or explanation is required in <paramref name="field"/> (the body's own field name).</summary>
    public static FieldError TextRequired(string field) => F(field, "contract.reason_text_required", "§2.3", "须说明理由", "A reason is required.");

    // ---- field validation (422) ----
    public static FieldError ProjectNameRequired => F("projectName", "contract.project_name_required", "§2.1", "项目名称为必填项（须填写全称）", "The project name is required (full name).");
    public static FieldError SubTypeNotInCategory(ContractCategory c, ContractSubType s) => F("subType", "contract.sub_type_not_in_category", "§1",
        $"合同子类“{ContractCategories.Label(s).Zh}”不属于类别“{ContractCategories.Label(c).Zh}”", $"Sub-type {s} does not belong to category {c}.");
    public static FieldError TrainingInsideDevelopmentOrTransfer => F("subType", "contract.training_not_separately_registrable", "R2.5",
        "技术开发或技术转让合同中的培训不能作为技术培训单独登记", "Training inside a development or transfer contract is not separately registrable as training.");
    public static FieldError TrainingTransfersIp => F("ipRefs", "contract.training_transfers_ip", "R2.5",
        "技术培训合同不得转让或许可知识产权", "A training contract must not assign or license IP rights.");
    public static FieldError MixedContractTechnicalPartNotStated => F("statedTechnicalPartAmount", "contract.mixed_technical_part_not_stated", "R2.6",
        "混合合同须明确约定技术部分的金额，且不超过合同总额", "A mixed contract must state the amount of its technical part explicitly (not above the total).");
    public static FieldError OralContract => F("form", "contract.oral_not_registrable", "R2.7",
        "口头合同不予受理：技术合同应当采用书面形式（民法典第八百五十一条、第八百六十三条）", "Oral contracts are not accepted: a technology contract must be in writing (Civil Code arts. 851 and 863).");
    public static FieldError DatesRequired => F("validFrom", "contract.dates_required", "§2.1", "签订日期和有效期为必填项", "The signing date and the term are required.");
    public static FieldError ValidFromAfterValidTo => F("validTo", "contract.valid_from_after_valid_to", "§2.1", "合同有效期起始日不得晚于终止日", "The term must start on or before it ends.");
    public static FieldError SignedAfterTerm => F("signedDate", "contract.signed_after_term", "§2.1", "签订日期不得晚于合同终止日", "The signing date must not be after the end of the term.");
    public static FieldError TotalAmountNegative => F("totalAmount", "contract.total_amount_negative", "§2.1", "合同成交额须大于或等于 0", "The total amount must be zero or more.");
    public static FieldError ItemAmountNegative(int i) => F($"nonTechnicalItems[{i}].amount", "contract.item_amount_negative", "R2.1", "非技术性款项金额须大于或等于 0", "A non-technical item amount must be zero or more.");
    public static FieldError TechAmountOutOfRange => F("nonTechnicalItems", "contract.tech_amount_out_of_range", "R2.1",
        "技术交易额须在 0 与合同成交额之间：非技术性款项合计超过了合同成交额", "The technology transaction amount must be between 0 and the total: non-technical items exceed the total.");
    public static FieldError SellerRequired => F("parties", "contract.seller_required", "R2.8", "至少需要一个卖方（技术提供方）", "At least one seller-side party is required.");
    public static FieldError BuyerRequired => F("parties", "contract.buyer_required", "§2.1", "至少需要一个买方", "At least one buyer-side party is required.");
    public static FieldError PartyNameRequired(int i) => F($"parties[{i}].name", "contract.party_name_required", "§2.1", "当事方名称为必填项", "The party name is required.");
    public static FieldError EntityNatureInvalid(int i) => F($"parties[{i}].entityNature", "contract.entity_nature_invalid", "§1", "当事方性质代码无效", "The entity nature code is not in the list.");
    public static FieldError CreditCodeInvalid(int i) => F($"parties[{i}].creditCode", "contract.credit_code_invalid", "§2.1",
        "统一社会信用代码无效（18 位，校验位须正确）", "The unified social credit code is invalid (18 characters with a valid check digit).");
    public static FieldError PersonIdRequired(int i) => F($"parties[{i}].creditCode", "contract.person_id_required", "§2.1", "自然人须填写身份证件号码", "A natural person needs an identity document number.");
    public static FieldError CountryCodeInvalid(int i) => F($"parties[{i}].countryCode", "contract.country_code_invalid", "§2.1", "国别代码无效：请填写国别（地区）代码（如 142 中国）或 ISO 3166 字母代码（如 CHN）", "Unknown country code: give the registration form's numeric code (e.g. 142 China) or ISO 3166 letters (e.g. CHN).");
    public static FieldError DivisionCodeInvalid(int i) => F($"parties[{i}].divisionCode", "contract.division_code_invalid", "§2.1",
        "境内当事方须填写有效的行政区划代码（GB/T 2260，6 位）", "A domestic party needs a valid division code (GB/T 2260, 6 digits).");
    public static FieldError PaymentRoyaltyTermsMissing => F("payment.royaltyBase", "contract.royalty_terms_missing", "§1",
        "提成支付须约定提成基数、提成比例和比例安排", "Royalty payment needs a royalty base, a rate and a rate schedule.");
    public static FieldError RoyaltyRateOutOfRange => F("payment.royaltyRate", "contract.royalty_rate_out_of_range", "§1", "提成比例须在 0 到 100% 之间", "The royalty rate must be between 0 and 100%.");
    public static FieldError EntryFeeMissing => F("payment.entryFee", "contract.entry_fee_missing", "§1", "提成支付附加预付入门费须填写入门费金额", "Entry fee plus royalty needs the entry fee amount.");
    public static FieldError InstallmentsMissing => F("payment.installments", "contract.installments_missing", "§1", "分期支付须填写分期计划", "Instalment payment needs an instalment schedule.");
    public static FieldError InstallmentMilestoneTooLong(int i, int max) => F($"payment.installments[{i}].milestone", "contract.installment_milestone_too_long", "§1",
        $"付款节点名称不能超过 {max} 个字", $"A payment milestone may have at most {max} characters.");
    public static FieldError InstallmentsExceedTotal => F("payment.installments", "contract.installments_exceed_total", "§1", "分期金额合计不得超过合同成交额", "Instalments must not add up to more than the total amount.");
    public static FieldError LicenceTermsRequired => F("licence", "contract.licence_terms_required", "§2.1",
        "许可合同须填写许可方式、许可地域和许可期限", "A licence needs its scope, territory and term.");
    public static FieldError LicenceTermAfterPatentExpiry => F("licence.termTo", "contract.licence_after_patent_expiry", "民法典865",
        "许可期限不得超过专利权有效期（民法典第八百六十五条）", "The licence term must end on or before the patent expires (Civil Code art. 865).");
    public static FieldError LicenceTermInvalid => F("licence.termTo", "contract.licence_term_invalid", "§2.1", "许可期限起始日不得晚于终止日", "The licence term must start on or before it ends.");
    public static FieldError PatentDetailsMissing(int i) => F($"ipRefs[{i}]", "contract.patent_details_missing", "民法典845",
        "专利须填写发明创造名称、专利权人、申请日、申请号/专利号和有效期限（民法典第八百四十五条）", "A patent needs its title, holder, filing date, application/patent number and expiry (Civil Code art. 845).");
    public static FieldError ProjectApprovalMissing => F("projectApprovalDoc", "contract.project_approval_missing", "§2.1",
        "财政资助项目须提供主管部门同意文件、任务书或立项通知", "A government-funded project needs the authority's consent, task book or award notice.");
    public static FieldError ExpectedInvestmentRequired => F("expectedNewInvestment", "contract.expected_investment_required", "§2.1",
        "技术转让合同须填写预计新增投入和预计新增产值", "A transfer contract needs the expected new investment and output.");

    // ---- workflow (409 / 403 / 404) ----
    public static readonly Error NotFound = Error.NotFound("contract", "技术合同");

    public static Error Invalid(IReadOnlyList<FieldError> fields) => Error.Validation(fields);

    public static readonly Error OnlySellerSideSubmits = E("contract.only_seller_side_submits", "R2.8",
        "只有卖方（研究开发人、让与人、许可人、受托人、培训人、中介人）可以申请登记", "Only the seller side (developer, assignor, licensor, contractor, trainer, intermediary) may submit.", 403);
    public static readonly Error ImportSubmittedByDomesticBuyer = E("contract.import_submitted_by_domestic_buyer", "R2.8",
        "技术进口合同由境内买方申请登记", "A technology import contract is submitted by the domestic buyer.", 403);
    public static readonly Error OutsideSubmissionWindow = E("contract.outside_submission_window", "R2.9",
        "只能在合同生效后、有效期届满前申请登记", "Submission is only allowed from the contract's effective date to the end of its term.");
    public static readonly Error ContractTextMissing = E("contract.contract_text_missing", "§2.1",
        "须上传合同文本", "The contract text must be attached.", 422);
    public static readonly Error ChineseTranslationMissing = E("contract.chinese_translation_missing", "§2.1",
        "外文合同须附中文译本及一致性承诺", "A foreign-language contract needs a Chinese translation and a consistency undertaking.", 422);
    public static readonly Error AuthorisationLetterMissing = E("contract.authorisation_letter_missing", "§2.1",
        "由内设机构或课题组签订的合同须附授权委托书", "A contract signed by an internal department or team needs an authorisation letter.", 422);
    public static Error WrongStatus(RegistrationStatus actual, string action) => E("contract.wrong_status", "§2.3",
        $"当前状态（{StatusLabel(actual).Zh}）不允许{action}", $"This is not allowed while the contract is {actual}.");
    public static readonly Error NotEditable = E("contract.not_editable", "§2.3", "只有草稿或待补正的合同可以修改", "Only a draft or a contract awaiting supplements can be edited.");
    public static readonly Error ExpertReviewNotApplicable = E("contract.expert_review_not_applicable", "R2.4",
        "只有重大合同（技术交易额达到阈值）或有争议的合同需要专家评审", "Expert review is only for large or disputed contracts.");
    public static readonly Error ExpertReviewRequired = E("contract.expert_review_required", "R2.4",
        "重大或有争议的合同须先经专家评审再登记", "A large or disputed contract must go through expert review before registration.");
    public static readonly Error AssessedAmountOutOfRange = E("contract.assessed_amount_out_of_range", "R2.1",
        "核定的技术交易额须在 0 与合同成交额之间", "The assessed technology transaction amount must be between 0 and the total.", 422, "assessedTechTransactionAmount");
    public static readonly Error RejectionTextRequired = E("contract.rejection_text_required", "§1 RejectionReason",
        "不予登记原因为“其他”时须说明理由", "A rejection for 'Other' needs an explanation.", 422, "text");
    public static readonly Error RevocationTextRequired = E("contract.revocation_text_required", "§1 RevocationReason",
        "撤销原因为“其他”时须说明理由", "A revocation for 'Other' needs an explanation.", 422, "text");
    public static readonly Error ReasonTextRequired = E("contract.reason_text_required", "§2.3",
        "须说明理由", "A reason is required.", 422, "reasonText");
    public static readonly Error SupplementItemsRequired = E("contract.supplement_items_required", "§2.3",
        "请说明需要补正的内容", "Say what must be supplemented.", 422, "items");
    public static readonly Error CorrectionPending = E("contract.correction_pending", "R2.3",
        "合同金额已变更且补正尚未完成，暂不能发放奖酬金或出具减免税证明", "A correction of the amount is pending: rewards and tax-relief certificates are blocked until it is registered.");
    public static readonly Error CorrectionAlreadyPending = E("contract.correction_already_pending", "R2.3",
        "已有待处理的补正", "A correction is already pending.");
    public static readonly Error NotRegistered = E("contract.not_registered", "§2.3",
        "合同尚未登记", "The contract is not registered.");
    public static readonly Error ObjectionOnlyByParty = E("contract.objection_only_by_party", "§2.3",
        "只有合同当事方可以提出异议", "Only a party to the contract may file an objection.", 403);
    public static readonly Error RegistrationNumberInvalid = E("contract.registration_number_invalid", "§2.1",
        "合同登记编号须为 16 位数字", "A registration number has 16 digits.", 422);
    public static readonly Error NoChanges = E("contract.no_changes", "R2.11", "变更登记须至少包含一项变更", "A change registration needs at least one change.", 422);

    public static (string Zh, string En) StatusLabel(RegistrationStatus s) => s switch
    {
        RegistrationStatus.Draft => ("草稿", "Draft"),
        RegistrationStatus.Submitted => ("已提交", "Submitted"),
        RegistrationStatus.Accepted => ("已受理", "Accepted"),
        RegistrationStatus.SupplementRequested => ("待补正", "Supplement requested"),
        RegistrationStatus.ExpertReview => ("专家评审中", "Expert review"),
        RegistrationStatus.Registered => ("已登记", "Registered"),
        RegistrationStatus.Rejected => ("不予登记", "Rejected"),
        RegistrationStatus.ChangeRegistered => ("已变更登记", "Change registered"),
        RegistrationStatus.Cancelled => ("已注销", "Cancelled"),
        RegistrationStatus.Revoked => ("已撤销", "Revoked"),
        RegistrationStatus.ObjectionFiled => ("异议中", "Objection filed"),
        RegistrationStatus.ObjectionResolved => ("异议已处理", "Objection resolved"),
        _ => (s.ToString(), s.ToString()),
    };
}

public static partial class ContractErrors
{
    // ---- R2.5: training, consulting or service as part of a development or transfer contract ----
    public static FieldError PartOfOnlyForServices => F("partOfContractId", "contract.part_of_only_for_services", "R2.5",
        "只有技术培训、技术咨询或技术服务合同可以声明为技术开发或技术转让合同的组成部分",
        "Only a training, consulting or service contract can be declared part of a development or transfer contract.");
    public static FieldError PartOfContractInvalid => F("partOfContractId", "contract.part_of_invalid", "R2.5",
        "所属主合同编号无效", "The main contract id is not valid.");
    public static FieldError PartOfNotDevelopmentOrTransfer => F("partOfContractId", "contract.part_of_not_development_or_transfer", "R2.5",
        "所属主合同须为技术开发或技术转让合同，且不能是本合同", "The main contract must be another contract, for technology development or transfer.");
    public static Error NotSeparatelyRegistrable => E("contract.not_separately_registrable", "R2.5",
        "本合同已声明为技术开发或技术转让合同的组成部分，其中的技术培训、咨询或服务应随主合同一并认定登记，不能单独登记",
        "This contract is declared part of a development or transfer contract: its training, consulting or service is registered with that main contract, not separately.",
        422, "partOfContractId");

    // ---- lists, pages and statistics ----
    public static Error StatusUnknown(string status) => Error.Validation("status", "contract.status_unknown", $"未知状态：{status}", $"Unknown status: {status}");
    public static Error CategoryUnknown(string category) => Error.Validation("category", "contract.category_unknown", $"未知类别：{category}", $"Unknown category: {category}");
    public static Error ActionUnknown => Error.Validation("action", "contract.action_unknown", "未知操作", "Unknown action.");
    public static readonly Error StatisticsRangeInvalid = new("contract_statistics.range_invalid", "统计区间无效：起始日期须不晚于结束日期",
        "The range is invalid: from must not be after to.", "from", 422);
    public static readonly Error StatisticsGroupByInvalid = new("contract_statistics.group_by_invalid",
        "groupBy 须为 year、month、category、sellerNature、division、district、field、buyerType、regionFlow 之一",
        "groupBy must be one of year, month, category, sellerNature, division, district, field, buyerType, regionFlow.", "groupBy", 422);

    public static Error StatisticsKeyInvalid(string key) => Error.Validation("key", "contract_statistics.key_invalid",
        $"统计分组键无效：{key}", $"The statistics key is invalid: {key}");
    public static Error StatisticsKeyWithoutGroupBy => Error.Validation("groupBy", "contract_statistics.key_without_group_by",
        "按统计分组筛选时须同时给出 groupBy 与 key", "A statistics filter needs both groupBy and key.");

    // ---- R2.13: the CIT relief on technology transfer income ----
    public static FieldError SeparableServicesOnlyForTransfer => F("separableServicesAmount", "contract.separable_services_only_for_transfer", "R2.13",
        "可分离的咨询、服务、培训费用只在技术转让或许可合同中填写", "Separable consulting, service or training fees are only given for a transfer or a licence.");
    public static FieldError SeparableServicesOutOfRange => F("separableServicesAmount", "contract.separable_services_out_of_range", "R2.13",
        "可分离的咨询、服务、培训费用须在 0 与登记金额之间", "Separable consulting, service or training fees must be between 0 and the registered amount.");
    public static FieldError TaxYearInvalid => F("year", "contract.tax_year_invalid", "R2.13", "纳税年度须为 2000–2100 年之间的年份", "The tax year must be between 2000 and 2100.");
    public static FieldError CostNegative(string field) => F(field, "contract.cost_negative", "R2.13", "扣除项目金额不得为负数", "A deduction must not be negative.");
}

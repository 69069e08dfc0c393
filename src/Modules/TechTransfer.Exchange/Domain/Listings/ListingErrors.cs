using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Domain.Listings;

/// <summary>Errors of listings (挂牌), their review, public notice (公示) and objections, NDA and confidential details.</summary>
public static class ListingErrors
{
    public static readonly Error NotFound = Error.NotFound("listing", "挂牌项目");

    public static readonly Error RoleNotAllowed = new("listing.role_not_allowed",
        "只有权利人（成果或专利的所有权人）的机构用户或托管经营机构可以挂牌",
        "Only users of the rights holder's organisation or of its custody operator may list.", Status: 403);

    public static readonly Error OperatorOnly = new("listing.operator_only",
        "只有交易所运营人员可以审核挂牌或处理异议", "Only the exchange operator may review listings or decide objections.", Status: 403);

    public static readonly Error NotListersListing = new("listing.not_listers_listing",
        "只有挂牌机构可以修改、提交、延期或撤回挂牌", "Only the listing organisation may change, submit, extend or withdraw the listing.", Status: 403);

    public static readonly Error NotRightsHolder = new Error("listing.not_rights_holder",
        "贵机构既不是标的的权利人，也不是在托管授权范围内的经营机构",
        "Your organisation is neither the rights holder nor a custody operator mandated for this subject.", "patentIds", 403).ForRule("R6.7");

    // ---- the body ----
    public static FieldError Required(string field) => new(field, "listing.field_required", $"{Zh(field)}不能为空", $"{En(field)} is required.");

    public static FieldError TooLong(string field, int max) => new(field, "listing.field_too_long",
        $"{Zh(field)}不能超过 {max} 个字", $"{En(field)} may have at most {max} characters.");

    public static readonly FieldError PriceInvalid = new("priceYuan", "listing.price_invalid",
        "挂牌价格（或起拍价）须大于 0 元，最多两位小数", "The price (or starting price) must be above ¥0 with at most two decimals.") { Rule = "R0.1" };

    public static readonly FieldError PatentCountInvalid = new("patentIds", "listing.patent_count_invalid",
        "单件专利须列明一件专利，专利组合须至少两件（不得重复）",
        "A single-patent listing names exactly one patent, a patent set at least two (no repeats).");

    public static readonly FieldError AchievementRequired = new("achievementId", "listing.achievement_required",
        "成果挂牌须选择科技成果", "Choose the achievement to list.");

    public static FieldError PricingMethodNotOffered(string method) => new("pricingMethod", "listing.pricing_method_not_offered",
        $"本交易所未开通该定价方式（{method}）", $"The exchange does not offer this pricing method ({method}).") { Rule = "R6.1" };

    public static readonly FieldError CompletersRequired = new("completerNames", "listing.completers_required",
        "协议定价须公示成果完成人，请填写完成人姓名", "A negotiated price is published with the completers' names; name them.") { Rule = "R6.9" };

    public static readonly FieldError VersionRequired = new("version", "listing.version_required",
        "请提交您读取时的版本号", "Send the version you read.");

    public static readonly FieldError ReasonRequired = new("reason", "listing.reason_required",
        "请填写理由", "Give the reasons.");

    public static FieldError ExtensionTooShort(int min) => new("workingDays", "listing.extension_too_short",
        $"每次延期不少于 {min} 个工作日", $"Each extension is at least {min} working days.") { Rule = "R6.8" };

    public static readonly FieldError ExtensionTooLong = new("workingDays", "listing.extension_too_long",
        "单次延期不超过 60 个工作日", "An extension is at most 60 working days.") { Rule = "R6.8" };

    public static FieldError UnknownFilter(string field) => new(field, "listing.unknown_filter",
        "筛选条件的取值无效", "The filter value is not one of the allowed values.");

    public static readonly FieldError DecisionInvalid = new("decision", "listing.objection_decision_invalid",
        "请选择处理结果：驳回、异议成立并撤牌或异议成立并重新定价",
        "Choose a decision: dismiss, uphold and withdraw, or uphold and re-price.");

    // ---- eligibility (R6.7, R6.8, 专利法) ----
    public static FieldError PatentNotFound(string field) => new(field, "listing.patent_not_found",
        "未找到该专利", "The patent was not found.");

    public static readonly FieldError AchievementNotFound = new("achievementId", "listing.achievement_not_found",
        "未找到该科技成果", "The achievement was not found.");

    public static FieldError PatentEnded(string field, string applicationNo) => new(field, "listing.patent_not_in_force",
        $"专利 {applicationNo} 已终止、届满、被宣告无效或放弃，不能挂牌",
        $"Patent {applicationNo} has lapsed, expired, been invalidated or abandoned and cannot be listed.") { Rule = "R6.7" };

    public static FieldError PledgeeConsentRequired(string applicationNo, string pledgees) => new("pledgeeConsentRef", "listing.pledgee_consent_required",
        $"专利 {applicationNo} 已出质（质权人：{pledgees}），须提供质权人同意文件编号（民法典第四百四十四条）",
        $"Patent {applicationNo} is pledged (pledgee: {pledgees}); give the reference of the pledgee's consent (Civil Code art. 444).") { Rule = "R6.7" };

    public static FieldError OpenLicenceNotExclusive(string applicationNo) => new("dealType", "listing.open_licence_not_exclusive",
        $"专利 {applicationNo} 处于开放许可实施期间，不得独占或排他许可（专利法第五十一条）",
        $"Patent {applicationNo} is under an open-licence declaration: no exclusive or sole licence may be offered (Patent Law art. 51).") { Rule = "R3.7" };

    public static readonly FieldError MixedHolders = new("patentIds", "listing.mixed_holders",
        "专利组合中的专利须属于同一权利人", "The patents of a set must have one rights holder.");

    public static FieldError CustodyDealNotAllowed(string dealType) => new("dealType", "listing.custody_deal_not_allowed",
        $"托管协议未授权经营机构以“{dealType}”方式挂牌", $"The custody mandate does not allow listing for \"{dealType}\".") { Rule = "R6.7" };

    public static FieldError CustodyPriceBelowFloor(decimal floor) => new("priceYuan", "listing.custody_price_below_floor",
        $"价格低于托管协议约定的底价 {floor:0.00} 元", $"The price is below the custody mandate's floor of ¥{floor:0.00}.") { Rule = "R6.7" };

    public static readonly FieldError CustodyNotInForce = new("custody", "listing.custody_not_in_force",
        "托管协议未生效或不在经营期限内", "The custody agreement is not in force or its term has ended.") { Rule = "R6.7" };

    public static readonly FieldError AchievementCustodyNotSupported = new("subjectType", "listing.custody_only_patents",
        "托管经营机构只能挂牌其托管的专利", "A custody operator may list only the patents in its custody.");

    // ---- state ----
    public static readonly Error NotEditable = new("listing.not_editable",
        "审核中、不予挂牌或已撤牌的项目不能修改", "A listing in review, rejected or withdrawn cannot be changed.");

    public static readonly Error NotSubmittable = new("listing.not_submittable",
        "只有草稿或退回整改的项目可以提交审核", "Only a draft or a listing returned for rectification can be submitted.");

    public static readonly Error NotInReview = new("listing.not_in_review", "该挂牌不在审核中", "The listing is not in review.");

    public static readonly Error NotPublished = new("listing.not_published", "该项目未在挂牌中", "The listing is not published.");

    public static readonly Error NotWithdrawable = new("listing.not_withdrawable",
        "不予挂牌或已撤牌的项目不能撤回", "A rejected or withdrawn listing cannot be withdrawn.");

    public static readonly Error NoticeNotRunning = new Error("listing.notice_not_running",
        "该项目不在公示期内，不能提出异议", "The listing is not in its public-notice period; objections are closed.").ForRule("R6.2");

    public static readonly Error NotNegotiated = new("listing.not_negotiated",
        "只有协议定价的挂牌有公示", "Only a negotiated-price listing has a public notice.");

    public static readonly Error ObjectionNotFound = Error.NotFound("objection", "异议");

    public static readonly Error ObjectionNotOpen = new("listing.objection_not_open", "该异议已处理", "The objection was already decided.");

    public static readonly Error NoticeNotEnded = new Error("listing.notice_not_ended",
        "公示期未满，不能确认成交（促进科技成果转化法第十八条）",
        "The public notice has not ended; the deal cannot be confirmed yet (Law on Promoting the Transformation of S&T Achievements art. 18).").ForRule("R6.2");

    public static readonly Error ObjectionsOpen = new Error("listing.objections_open",
        "公示期间的异议尚未处理完毕，不能确认成交", "Objections raised during the notice are not all decided; the deal cannot be confirmed.").ForRule("R6.2");

    public static readonly Error OwnSideNoNda = new("listing.nda_not_needed",
        "挂牌方无需签署保密协议", "The listing side does not sign a non-disclosure agreement.");

    public static readonly Error NdaRequired = new("listing.nda_required",
        "查看保密信息须先签署保密协议", "Sign the non-disclosure agreement before reading the confidential details.", Status: 403);

    public static readonly Error NdaAlreadySigned = new("listing.nda_already_signed",
        "贵机构已签署该项目的保密协议", "Your organisation has already signed this listing's non-disclosure agreement.");

    public static readonly FieldError NdaNotAccepted = new("accept", "listing.nda_not_accepted",
        "请勾选同意保密协议条款", "Tick to accept the non-disclosure terms.");

    private static string Zh(string field) => field switch
    {
        "title" => "项目名称",
        "description" => "项目简介",
        "conditions" => "交易条件",
        "confidentialDetails" => "保密信息",
        "pledgeeConsentRef" => "质权人同意文件编号",
        "completerNames" => "完成人",
        "reason" => "理由",
        "comment" => "审核意见",
        "text" => "异议内容",
        "name" => "异议人姓名",
        "contact" => "联系方式",
        "documents" => "文件",
        _ => field,
    };

    private static string En(string field) => field switch
    {
        "title" => "The title",
        "description" => "The description",
        "conditions" => "The conditions",
        "confidentialDetails" => "The confidential details",
        "pledgeeConsentRef" => "The pledgee's consent reference",
        "completerNames" => "The completers",
        "reason" => "The reason",
        "comment" => "The review comment",
        "text" => "The objection",
        "name" => "The objector's name",
        "contact" => "The contact",
        "documents" => "The documents",
        _ => field,
    };

    // ---- related-party deals (R6.2) ----
    public static readonly FieldError ApprovalRefWithoutFlag = new("approvalRef", "listing.approval_ref_without_flag",
        "只有关联交易需要填写审批文号", "Only a related-party deal takes an approval reference.") { Rule = "R6.2" };

    public static readonly Error RelatedPartyClearOperatorOnly = new Error("listing.related_party_clear_operator_only",
        "关联交易标记只能由交易所运营人员撤销", "Only the exchange operator may clear a related-party flag.", Status: 403).ForRule("R6.2");

    public static readonly Error RelatedPartyApprovalRequired = new Error("listing.related_party_approval_required",
        "本项目为单位与其成果完成人所办企业之间的关联交易，须先登记审批文号才能确认成交",
        "This is a related-party deal (the institution and a company of its own completers); record its approval reference before the deal is confirmed.",
        Status: 409).ForRule("R6.2");
}

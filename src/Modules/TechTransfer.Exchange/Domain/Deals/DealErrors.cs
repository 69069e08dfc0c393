using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Domain.Deals;

/// <summary>Every error of an exchange deal (成交, R6.6, R6.11): confirmation, signatures (recorded acceptance), annulment.</summary>
public static class DealErrors
{
    public static readonly Error NotFound = Error.NotFound("exchange_deal", "成交记录");

    public static readonly Error OperatorOnly = new("exchange_deal.operator_only",
        "仅交易所运营人员可以执行此操作", "Only the exchange operator may do this.", Status: 403);

    public static readonly Error NotASigner = new("exchange_deal.not_a_signer",
        "只有买受人（竞得人）一方和交易所运营人员可以签署成交确认书", "Only the buyer (winning bidder) side and the exchange operator sign the deal confirmation.", Status: 403);

    public static readonly Error AlreadySigned = new Error("exchange_deal.already_signed",
        "您这一方已签署成交确认书", "Your side has already signed the deal confirmation.", Status: 409).ForRule("R6.6");

    public static readonly Error NotPending = new("exchange_deal.not_pending",
        "成交确认书已确认或已作废，不能再签署", "The deal is already confirmed or annulled; it cannot be signed.", Status: 409);

    public static readonly Error AlreadyAnnulled = new("exchange_deal.already_annulled",
        "该成交已作废", "The deal is already annulled.", Status: 409);

    public static readonly Error NotConfirmed = new Error("exchange_deal.not_confirmed",
        "成交确认书尚未由双方签署，暂不能生成合同草稿", "The deal confirmation is not signed by both sides yet; no contract draft can be prepared.", Status: 409)
        .ForRule("R6.6");

    public static readonly Error Annulled = new("exchange_deal.annulled",
        "该成交已作废，不能生成合同草稿", "The deal was annulled; no contract draft can be prepared.", Status: 409);

    public static readonly Error NoBuyerOrganization = new("exchange_deal.no_buyer_organization",
        "买受人未关联机构，不能生成合同草稿", "The buyer has no organisation; no contract draft can be prepared.", Status: 409);

    public static readonly Error ContractAlreadyLinked = new("exchange_deal.contract_already_linked",
        "该成交已关联一份有效的合同", "The deal already has a live contract.", Status: 409);

    public static readonly Error NotConfirmableByOperator = new("exchange_deal.auction_listing",
        "拍卖方式的挂牌项目通过竞价成交，不能直接确认成交", "A listing sold by auction closes through its lot; the operator cannot confirm its deal directly.", Status: 409);

    public static readonly Error LiveDealExists = new("exchange_deal.live_deal_exists",
        "该挂牌项目已有未作废的成交记录", "The listing already has a deal that is not annulled.", Status: 409);

    public static readonly FieldError AcceptRequired = new("accept", "exchange_deal.accept_required",
        "请确认已阅读并同意成交确认书", "Confirm that you have read and accept the deal confirmation.");

    public static readonly FieldError VersionRequired = new("version", "exchange_deal.version_required",
        "请提交读取时的版本号", "Send the version you read.");

    public static FieldError UnknownFilter(string field) => new(field, "exchange_deal.unknown_filter", "无法识别的筛选值", "Unknown filter value.");

    public static FieldError Required(string field) => new(field, "exchange_deal.field_required", "此项为必填项", "This field is required.");

    public static FieldError TooLong(string field, int max) => new(field, "exchange_deal.text_too_long",
        $"内容不能超过 {max} 个字符", $"At most {max} characters.");

    public static readonly FieldError PriceInvalid = new("priceYuan", "exchange_deal.price_invalid",
        "成交价须大于 0 元且不超过 1000 亿元，最多两位小数（分）", "The price must be above ¥0 and at most ¥100,000,000,000, with at most two decimals (fen).");

    public static readonly FieldError InstalmentsRequired = new("instalments", "exchange_deal.instalments_required",
        "分期支付须填写至少两期付款（到期日和金额）", "Instalment settlement needs at least two instalments (due date and amount).");

    public static readonly FieldError InstalmentsNotAllowed = new("instalments", "exchange_deal.instalments_not_allowed",
        "一次性支付不填写分期计划", "A lump-sum settlement has no instalments.");

    public static readonly FieldError InstalmentsSum = new("instalments", "exchange_deal.instalments_sum",
        "各期金额之和须等于成交价", "The instalments must add up to the price exactly.");

    public static FieldError InstalmentInvalid(int i) => new($"instalments[{i}]", "exchange_deal.instalment_invalid",
        "每期金额须大于 0 元、最多两位小数，到期日须不早于今天且按先后排列", "Each instalment needs an amount above ¥0 (fen at most) and a due date from today on, in order.");

    public static readonly FieldError TooManyInstalments = new("instalments", "exchange_deal.too_many_instalments",
        "分期最多 24 期", "At most 24 instalments.");

    public static readonly FieldError BuyerIsSeller = new("buyerOrganizationId", "exchange_deal.buyer_is_seller",
        "买受人不能是挂牌方或权利人本身", "The buyer cannot be the lister or the rights holder.");
}

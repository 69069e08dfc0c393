using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Domain.Valuation;

/// <summary>Errors of the valuation workspace (确价): cost, market and income approaches, the chosen value, the reserve (R6.3).</summary>
public static class ValuationErrors
{
    public static FieldError NotPositive(string field) => new(field, "valuation.amount_not_positive",
        "金额须大于 0 元，最多两位小数", "The amount must be above ¥0 with at most two decimals.") { Rule = "R0.1" };

    public static FieldError PercentOutOfRange(string field) => new(field, "valuation.percent_out_of_range",
        "百分比须在 0 到 100 之间", "The percentage must be between 0 and 100.");

    public static readonly FieldError ForecastRequired = new("annualRevenueYuan", "valuation.forecast_required",
        "请按年填写预测收入（1 至 30 年，每年不小于 0 元）", "Give the forecast revenue year by year (1 to 30 years, each at least ¥0).");

    public static readonly FieldError DiscountRateInvalid = new("discountRatePercent", "valuation.discount_rate_invalid",
        "折现率须大于 0 且不超过 100%", "The discount rate must be above 0 and at most 100 %.");

    public static readonly FieldError ProfitSplitInputsRequired = new("profitSharePercent", "valuation.profit_split_inputs_required",
        "利润分成法须填写利润率和技术分成率", "The profit-split method needs the profit margin and the technology's share of profit.");

    public static readonly FieldError RoyaltyRateRequired = new("royaltyRatePercent", "valuation.royalty_rate_required",
        "许可费节省法须填写许可费率", "The royalty-relief method needs a royalty rate.");

    public static readonly FieldError PatentTermEnded = new("patentTermEndsOn", "valuation.patent_term_ended",
        "专利保护期已届满，收益法没有剩余经济寿命", "The patent term has ended; the income approach has no remaining life.") { Rule = "R6.3" };

    public static readonly FieldError RationaleRequired = new("rationale", "valuation.rationale_required",
        "请说明选定价值的理由", "Give the rationale for the chosen value.");

    public static FieldError RationaleTooLong(int max) => new("rationale", "valuation.rationale_too_long",
        $"理由不能超过 {max} 个字", $"The rationale may have at most {max} characters.");

    public static readonly Error NotEnoughComparables = new Error("valuation.not_enough_comparables",
        "可比的已登记技术合同数量不足，市场法不予显示", "Too few comparable registered contracts; the market approach is not shown.", Status: 422)
        .ForRule("R6.3");

    public static readonly Error ApproachNotPerformed = new Error("valuation.approach_not_performed",
        "选定价值须以已完成的评估方法为依据", "The chosen value must rest on an approach that was performed.", "basis", 422);


    public static Error ReserveBelowValuation(decimal required, string field) => new Error("valuation.reserve_below_valuation",
        $"保留价（或挂牌价）不得低于评估确定的价值 {required:0.00} 元（拍卖法第二十八条）",
        $"The reserve (or listing price) may not be below the required valuation of ¥{required:0.00} (Auction Law art. 28).", field, 422)
        .ForRule("R6.3");

    /// <summary>R6.3: where a valuation is required, none chosen yet — the listing is not published, no lot is opened, no deal confirmed.</summary>
    public static readonly Error NotChosen = new Error("valuation.not_chosen",
        "该挂牌项目须经评估确价（国有资产转让须以评估确定的价值为依据），请先在确价工作台选定价值",
        "This listing requires a valuation: choose a value in the valuation workspace first.", "valuation", 422)
        .ForRule("R6.3");

    public static readonly FieldError BasisInvalid = new("basis", "valuation.basis_invalid",
        "请选择成本法、市场法或收益法作为选定价值的依据", "Choose the cost, market or income approach as the basis of the chosen value.");

    public static readonly FieldError IncomeMethodInvalid = new("method", "valuation.income_method_invalid",
        "请选择利润分成法或许可费节省法", "Choose the profit-split or the royalty-relief method.");

    public static readonly FieldError PatentTermDateInvalid = new("patentTermEndsOn", "valuation.patent_term_date_invalid",
        "专利保护期届满日须在 1900 年至 2199 年之间", "The patent term's end must lie between 1900 and 2199.");

    public static Error TooManyRuns(int max) => new("valuation.too_many_runs",
        $"一个挂牌项目最多保存 {max} 次评估记录", $"A listing keeps at most {max} valuation runs.", Status: 409);

    public static readonly Error RoleNotAllowed = new("valuation.role_not_allowed",
        "只有挂牌方（权利人或托管机构）的管理人员和技术交易所运营方可以评估确价",
        "Only the listing side's staff (holder or custody operator) and the exchange operator value a listing.", Status: 403);
}

using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Domain.Auctions;

/// <summary>Every error of an auction lot (竞价/拍卖), its registrations and its bids (spec §6, R6.3–R6.6).</summary>
public static class AuctionErrors
{
    public static readonly Error NotFound = Error.NotFound("auction", "竞价标的");

    public static readonly Error OperatorOnly = new("auction.operator_only",
        "仅交易所运营人员可以执行此操作", "Only the exchange operator may do this.", Status: 403);

    // ---- the lot's terms (R6.3) ----
    public static FieldError Required(string field) => new(field, "auction.field_required", "此项为必填项", "This field is required.");

    public static FieldError TooLong(string field, int max) => new(field, "auction.text_too_long",
        $"内容不能超过 {max} 个字符", $"At most {max} characters.");

    public static FieldError AmountOutOfRange(string field) => new(field, "auction.amount_out_of_range",
        "金额须大于 0 元且不超过 1000 亿元，最多两位小数（分）", "The amount must be above ¥0 and at most ¥100,000,000,000, with at most two decimals (fen).");

    public static readonly FieldError ObjectRequired = new("achievementId", "auction.object_required",
        "请指定拍卖标的：一项成果，或一项或多项专利", "Name the object offered: one achievement, or one or more patents.");

    public static readonly FieldError ObjectAmbiguous = new("patentIds", "auction.object_ambiguous",
        "标的为成果时不能同时列出专利", "An achievement lot cannot list patents as well.");

    public static readonly FieldError TooManyPatents = new("patentIds", "auction.too_many_patents",
        "一个标的最多包含 50 项专利，且不得重复", "A lot holds at most 50 patents, each once.");

    public static readonly FieldError ReserveChoice = new("reservePrice", "auction.reserve_choice",
        "请填写保留价，或明确标示“无保留价”（二者只能选其一）",
        "Give a reserve price or mark the lot \"no reserve\" (one of the two).")
    { Rule = "R6.4" };

    public static readonly FieldError EndBeforeStart = new("endsAt", "auction.end_before_start",
        "竞价结束时间须晚于开始时间", "The auction must end after it starts.");

    public static readonly FieldError DurationTooLong = new("endsAt", "auction.too_long",
        "单场竞价时长不能超过 30 天", "An auction cannot last more than 30 days.");

    public static FieldError AnnouncementTooLate(int days) => new FieldError("startsAt", "auction.announcement_too_late",
        $"拍卖公告须在拍卖日至少 {days} 日前发布（《拍卖法》第四十五条）",
        $"The auction must be announced at least {days} days before it starts (Auction Law art. 45).").ForRule("R6.3");

    // ---- withdrawal (R6 state machine, 拍卖法 29) ----
    public static readonly Error WithdrawAfterStart = new Error("auction.withdraw_after_start",
        "竞价开始后不能撤回标的（《拍卖法》第二十九条）", "A lot cannot be withdrawn once bidding has started (Auction Law art. 29).").ForRule("R6.4");

    public static readonly Error NotSold = new("auction.not_sold",
        "只有已成交的标的才能认定竞得人违约", "Only a sold lot's winner can be declared in default.", Status: 409);

    public static readonly Error NotOpen = new("auction.not_open",
        "该标的已撤回或已结束", "The lot was withdrawn or has closed.");

    // ---- registration (R6.3 deposit, R6.4 consignor) ----
    public static readonly Error RegistrationRoleNotAllowed = new("auction.registration_role_not_allowed",
        "该角色不能报名竞买（交易所、登记机构、分析及平台管理人员不得参与竞买）",
        "This role cannot register to bid (exchange, registry, analyst and platform staff do not bid).", Status: 403);

    public static readonly Error ConsignorCannotRegister = new Error("auction.consignor_cannot_register",
        "委托人及其代理人（本单位用户、托管经营机构、指派的技术经理人）不得参与竞买（《拍卖法》第三十条）",
        "The consignor and its proxies (its users, its custody operator, its assigned technology managers) cannot bid (Auction Law art. 30).",
        Status: 403).ForRule("R6.4");

    public static readonly Error AlreadyRegistered = new("auction.already_registered",
        "您已报名该标的", "You are already registered for this lot.");

    public static readonly Error RegistrationClosed = new("auction.registration_closed",
        "该标的已截止报名", "Registration for this lot has closed.");

    public static readonly FieldError TermsNotAccepted = new("acceptTerms", "auction.terms_not_accepted",
        "请确认已阅读竞买须知并同意交纳保证金", "Confirm that you accept the bidding terms and the deposit.");

    // ---- bids (R6.4, R6.5) ----
    public static readonly Error NotRegistered = new("auction.not_registered",
        "报名并交纳保证金后才能出价", "Register and pay the deposit before you bid.", Status: 403);

    public static readonly Error NotStarted = new("auction.not_started",
        "竞价尚未开始", "Bidding has not started yet.");

    public static readonly Error Closed = new("auction.closed",
        "竞价已结束（以延时后的截止时间为准）", "Bidding has closed (at the effective, extended close).");

    public static FieldError BelowStartingPrice(decimal startingPrice) => new FieldError("amount", "auction.bid_below_start",
        $"首次出价不能低于起拍价 {startingPrice:0.00} 元", $"The first bid must be at least the starting price, ¥{startingPrice:0.00}.").ForRule("R6.4");

    public static FieldError NotIncrementMultiple(decimal high, decimal increment) => new FieldError("amount", "auction.bid_not_increment",
        $"出价须等于当前最高价 {high:0.00} 元加上加价幅度 {increment:0.00} 元的正整数倍",
        $"A bid must equal the current high, ¥{high:0.00}, plus a positive whole multiple of the increment, ¥{increment:0.00}.").ForRule("R6.4");

    public static readonly Error BidTimedOut = new("auction.busy",
        "出价排队超时，请稍后重试（本次出价未被受理）", "Your bid was not processed in time; try again (it was not placed).", Status: 409);
}

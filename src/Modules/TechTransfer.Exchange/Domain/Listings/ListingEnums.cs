namespace TechTransfer.Exchange.Domain.Listings;

/// <summary>挂牌标的：一项成果、一件专利或一组专利</summary>
public enum ListingSubjectType
{
    /// <summary>科技成果</summary>
    Achievement,
    /// <summary>单件专利</summary>
    Patent,
    /// <summary>专利组合</summary>
    PatentSet,
}

/// <summary>交易方式 (R6.7 modes): 转让, 许可 (独占 / 排他 / 普通), 作价投资</summary>
public enum ListingDealType
{
    /// <summary>转让</summary>
    Transfer,
    /// <summary>独占许可</summary>
    ExclusiveLicence,
    /// <summary>排他许可</summary>
    SoleLicence,
    /// <summary>普通许可</summary>
    OrdinaryLicence,
    /// <summary>作价投资</summary>
    Equity,
}

/// <summary>定价方式 (R6.1): 协议定价并公示, 挂牌交易, 拍卖; Shanghai also 招标, 竞价 (as configured).</summary>
public enum PricingMethod
{
    /// <summary>协议定价（公示）</summary>
    NegotiatedWithPublicity,
    /// <summary>挂牌交易</summary>
    ExchangeListing,
    /// <summary>拍卖</summary>
    Auction,
    /// <summary>招标</summary>
    Tender,
    /// <summary>竞价</summary>
    Bidding,
}

/// <summary>挂牌状态: Draft → InReview → Published | Rectify | Rejected; Withdrawn by the lister.</summary>
public enum ListingStatus
{
    /// <summary>草稿</summary>
    Draft,
    /// <summary>审核中</summary>
    InReview,
    /// <summary>退回整改</summary>
    Rectify,
    /// <summary>已挂牌</summary>
    Published,
    /// <summary>不予挂牌</summary>
    Rejected,
    /// <summary>已撤牌</summary>
    Withdrawn,
}

/// <summary>异议状态</summary>
public enum ObjectionStatus
{
    /// <summary>待处理</summary>
    Open,
    /// <summary>异议成立</summary>
    Upheld,
    /// <summary>异议不成立（驳回）</summary>
    Dismissed,
}

/// <summary>异议处理结果: dismissed with reasons, or upheld and the listing withdrawn or sent back to be re-priced.</summary>
public enum ObjectionDecision
{
    /// <summary>驳回异议</summary>
    Dismiss,
    /// <summary>异议成立，撤牌</summary>
    UpholdAndWithdraw,
    /// <summary>异议成立，重新定价</summary>
    UpholdAndReprice,
}

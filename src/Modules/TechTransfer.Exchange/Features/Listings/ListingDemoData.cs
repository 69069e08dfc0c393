using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.Exchange.Domain.Valuation;
using TechTransfer.Exchange.Features.Valuation;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Patents;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.Exchange.Features.Listings;

/// <summary>
/// Demo listings of Fudan's in-force patents (after the Patents demo data): a negotiated price whose public notice is
/// running with an open objection, an exchange listing published a while ago, and one waiting in the operator's review
/// queue. Made through the domain, as the use cases make them; dates relative to the seed time.
/// </summary>
internal sealed class ListingDemoData(TechTransferDbContext db, IPatentFactsLookup patents, HolidayCalendar calendar,
    IOptions<ExchangeListingOptions> options) : IDemoDataSeeder
{
    public int Order => 60;

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        if (!context.Organizations.TryGetValue("fudan", out var fudan) || !context.Users.TryGetValue("tto.fudan", out var office)
            || !context.Users.TryGetValue("exchange.operator", out var operatorUser) || !context.Organizations.TryGetValue("exchange", out var exchangeOrg))
            return;
        var holder = Caller.Of(office, fudan, Roles.InstitutionAdmin);
        var exchange = Caller.Of(operatorUser, exchangeOrg, Roles.ExchangeOperator);
        var rules = options.Value.ToRules();
        // Transfer and equity need a patent free of pledges and of an open licence in force; an ordinary licence may also be
        // offered on a patent under an open-licence declaration (only exclusive and sole licences are barred).
        var owned = (await patents.OwnedByAsync(fudan, 50, ct)).Where(p => p.InForce && p.ActivePledgees.Count == 0).ToList();
        var free = owned.Where(p => !p.OpenLicenceInForce).Take(2).ToList();
        var ordinary = owned.Where(p => p.OpenLicenceInForce).Concat(owned).FirstOrDefault(p => !free.Contains(p));
        if (free.Count < 2 || ordinary is null) return;
        var candidates = new[] { free[0], ordinary, free[1] };
        var now = context.Now;

        Listing Make(PatentFacts p, ListingDealType deal, PricingMethod method, decimal price, string description, DateTimeOffset at)
        {
            var terms = new ListingTerms($"{p.Title}（专利{Label(deal)}）", description, ListingSubjectType.Patent, null, [p.PatentId], deal, method, price,
                "受让方须具备在长三角地区实施的产业化条件", "工艺参数、实验数据与样品测试报告", ["专利证书", "资产评估报告", "权属证明"],
                ["陈教授", "李博士"], null, StateFunded: true);
            var eligible = ListingEligibility.Check(fudan, terms, null, new Dictionary<Guid, PatentFacts> { [p.PatentId] = p },
                new Dictionary<Guid, IReadOnlyList<CustodyMandateFacts>>(), BusinessTime.DateOf(at));
            var id = new Guid(context.Random.NextInt64().ToString("x16").PadLeft(32, '0'));
            var listing = Listing.Create(id, $"GP{BusinessTime.DateOf(at):yyyyMMdd}{id.ToString("N")[^6..].ToUpperInvariant()}", holder, eligible.Value,
                ListingService.WithTitleEn(terms, eligible.Value), at);
            listing.Submit(holder, at);
            return listing;
        }

        // R6.3: the sellers are state-funded, so each listing is valued (and its value chosen) before the operator publishes it
        var valuer = holder with { UserName = "tto.fudan" };
        ListingValuation CostValued(Listing listing, decimal replacementCost, decimal chosen, string rationale, DateTimeOffset at)
        {
            var v = new ListingValuation(listing.Id, fudan, at);
            var inputs = new CostInputs(replacementCost, 5m, 10m, 5m);
            var detail = ValuationService.CostDetail(inputs);
            v.Record(ValuationApproach.Cost, null, ValuationService.Serialize(inputs), ValuationService.Serialize(detail), ValuationCalculator.CostFormula,
                detail.ValueYuan, valuer, at);
            v.Choose(chosen, ValuationApproach.Cost, rationale, valuer, at.AddMinutes(15));
            return v;
        }

        // a negotiated price under public notice (published two days ago), with an objection waiting for the operator
        var notice = Make(candidates[0], ListingDealType.Transfer, PricingMethod.NegotiatedWithPublicity, 1_200_000m,
            "高校科研团队完成，已完成中试验证，拟以协议定价方式转让，公示期内接受异议。", now.AddDays(-3));
        var noticeValuation = CostValued(notice, 1_400_000m, 1_100_000m,
            "成本法为主，参考同领域近期转让价格；协议价格一百二十万元不低于该值。", now.AddDays(-4));
        notice.Approve(exchange, "材料齐全，准予挂牌并公示", rules, calendar, now.AddDays(-2));
        notice.Object(Caller.Anonymous, "钱先生", "qian@example.cn", "拟交易价格低于同类专利近期成交价，请核查评估依据。", now.AddDays(-1));

        // an exchange listing for an ordinary licence, published ten days ago
        var licence = Make(candidates[1], ListingDealType.OrdinaryLicence, PricingMethod.ExchangeListing, 300_000m,
            "可普通许可多家企业实施，许可期限五年，入门费加提成。", now.AddDays(-11));
        licence.Approve(exchange, "准予挂牌", rules, calendar, now.AddDays(-10));

        // waiting in the operator's review queue
        var inReview = Make(candidates[2], ListingDealType.Equity, PricingMethod.Auction, 2_000_000m,
            "拟以专利作价投资，与产业方共同设立公司，起拍价二百万元。", now.AddHours(-5));

        var inReviewValuation = CostValued(inReview, 2_600_000m, 2_000_000m,
            "以成本法结果为基础确定作价投资的评估价值；拍卖的保留价不得低于该值。", now.AddHours(-6));

        // the licence was valued before it was listed: cost and income (royalty relief) approaches, the income value chosen
        var valuation = new ListingValuation(licence.Id, fudan, now.AddDays(-12));
        var cost = new CostInputs(420_000m, 10m, 15m, 5m);
        var costDetail = ValuationService.CostDetail(cost);
        valuation.Record(ValuationApproach.Cost, null, ValuationService.Serialize(cost), ValuationService.Serialize(costDetail),
            ValuationCalculator.CostFormula, costDetail.ValueYuan, valuer, now.AddDays(-12));
        var income = new IncomeInputs(IncomeMethod.RoyaltyRelief, [1_000_000m, 1_500_000m, 2_000_000m, 2_200_000m, 2_200_000m], 12m, 25m, null, null, 6m,
            BusinessTime.DateOf(now.AddDays(-12)), candidates[1].ExpiryDate);
        var incomeDetail = ValuationService.IncomeDetail(income);
        valuation.Record(ValuationApproach.Income, IncomeMethod.RoyaltyRelief, ValuationService.Serialize(income), ValuationService.Serialize(incomeDetail),
            ValuationService.Formula(IncomeMethod.RoyaltyRelief), incomeDetail.ValueYuan, valuer, now.AddDays(-12).AddMinutes(20));
        valuation.Choose(Math.Min(Yuan.Round(incomeDetail.ValueYuan), licence.PriceYuan), ValuationApproach.Income,
            "可比许可合同不足，成本法未反映市场需求；以许可费节省法结果为准，挂牌价不低于该值。", valuer, now.AddDays(-12).AddMinutes(30));

        db.AddRange(notice, licence, inReview, valuation, noticeValuation, inReviewValuation);
        await db.SaveChangesAsync(ct);
    }

    private static string Label(ListingDealType deal) => deal switch
    {
        ListingDealType.Transfer => "转让",
        ListingDealType.OrdinaryLicence => "普通许可",
        ListingDealType.Equity => "作价投资",
        ListingDealType.ExclusiveLicence => "独占许可",
        _ => "排他许可",
    };
}

using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Robustness;

/// <summary>Exchange listings in every state the listing operations need (draft, in review, published with a running notice and an open objection).</summary>
public sealed partial class RobustnessWorld
{
    public TestUser ExchangeOperator { get; private set; } = null!;
    public Guid PatentForListing { get; private set; }
    public Guid ListingDraft { get; private set; }
    public Guid ListingInReview { get; private set; }
    public Guid ListingPublished { get; private set; }
    public Guid ListingToWithdraw { get; private set; }
    public Guid ListingObjected { get; private set; }
    public Guid ListingObjection { get; private set; }
    /// <summary>A published listing whose valuation workspace has a cost run (so a value can be chosen on it).</summary>
    public Guid ListingValued { get; private set; }

    public static object CostValuationBody() => new
    {
        replacementCostYuan = 1_000_000m, physicalObsolescencePercent = 10m, functionalObsolescencePercent = 5m, economicObsolescencePercent = 0m,
    };

    public static object IncomeValuationBody() => new
    {
        method = "RoyaltyRelief", annualRevenueYuan = new[] { 2_000_000m, 3_000_000m, 3_500_000m }, discountRatePercent = 12m, taxRatePercent = 25m,
        royaltyRatePercent = 5m,
    };

    public object ListingBody(Guid patentId) => new
    {
        title = "锂电池缺陷检测专利转让", description = "基于深度学习的锂电池缺陷检测方法，检出率 99%。", subjectType = "Patent",
        patentIds = new[] { patentId }, dealType = "Transfer", pricingMethod = "NegotiatedWithPublicity", priceYuan = 800_000m,
        conditions = "受让方须具备产业化能力", confidentialDetails = "核心算法参数与训练数据", documents = new[] { "专利证书", "评估报告" },
        completerNames = new[] { "张伟", "李娜" }, stateFunded = true,
    };

    private async Task<Guid> ListingAsync(string until)
    {
        var patent = await Create(Office, "/api/v1/patents", PatentBody(), "patent to list");
        var id = await Create(Office, "/api/v1/listings", ListingBody(patent), "listing");
        if (until == "draft") return id;
        await Post(Office, $"/api/v1/listings/{id}/submit", null, "submit listing");
        if (until == "review") return id;
        // R6.3: a state-funded seller's listing is published only with a chosen valuation
        await Create(Office, $"/api/v1/listings/{id}/valuation/cost", CostValuationBody(), "cost valuation");
        await Post(Office, $"/api/v1/listings/{id}/valuation/choice", new { basis = "Cost", valueYuan = 800_000m, rationale = "重置成本法" }, "choose valuation");
        await Post(ExchangeOperator, $"/api/v1/listings/{id}/approve", new { comment = "准予挂牌" }, "approve listing");
        return id;
    }

    private async Task ListingsAsync()
    {
        ExchangeOperator = TestUser.Of(Roles.ExchangeOperator, Registry.Id, "robust-exchange");
        PatentForListing = await Create(Office, "/api/v1/patents", PatentBody(), "patent to list");
        ListingDraft = await ListingAsync("draft");
        ListingInReview = await ListingAsync("review");
        ListingPublished = await ListingAsync("published");
        ListingToWithdraw = await ListingAsync("published");
        ListingObjected = await ListingAsync("published");
        var objection = await Create(EnterpriseUser, $"/api/v1/listings/{ListingObjected}/objections",
            new { name = "赵六", contact = "13800000000", text = "定价低于评估值" }, "objection");
        ListingObjection = objection;
        ListingValued = await ListingAsync("published");
        await Create(Office, $"/api/v1/listings/{ListingValued}/valuation/cost", CostValuationBody(), "cost valuation");
    }
}

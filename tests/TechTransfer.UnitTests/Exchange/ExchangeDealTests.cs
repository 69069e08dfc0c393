using Microsoft.Extensions.Options;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.Exchange.Features.Deals;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Exchange;

/// <summary>The deal's rules (成交, R6.6, R6.11): commission, settlement, the signature state machine, the contract link, the options check.</summary>
public class ExchangeDealTests
{
    // 2026-03-02 23:30 in Shanghai (15:30 UTC): the business date is the 2nd, not the UTC date.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Seller = Guid.NewGuid(), Buyer = Guid.NewGuid(), Winner = Guid.NewGuid();
    private static readonly ICurrentUser Operator = Caller.Of(Guid.NewGuid(), Guid.NewGuid(), Roles.ExchangeOperator);
    private static readonly ICurrentUser WinnerUser = Caller.Of(Winner, Buyer, Roles.Enterprise);

    private static ExchangeDeal Deal(decimal price = 1_234_567.89m, DealOrigin origin = DealOrigin.Auction, DealOptions? options = null,
        DealSettlement settlement = DealSettlement.LumpSum, IReadOnlyList<DealInstalment>? instalments = null) =>
        ExchangeDeal.Create(Guid.NewGuid(), new DealTerms(origin, null, Guid.NewGuid(), "锂电池专利", DealObjectType.Patents, [Guid.NewGuid()],
            ListingDealType.Transfer, Seller, Buyer, origin == DealOrigin.Auction ? Winner : null, price, settlement, instalments ?? []), options ?? new DealOptions(), null, Now);

    [Fact]
    public void Commission_of_each_side_is_the_configured_rate_of_the_price_at_the_fen_and_the_deal_dates_are_business_dates()
    {
        var d = Deal(options: new DealOptions { SellerCommissionPercent = 1.5m, BuyerCommissionPercent = 2m, PaymentDays = 7 });
        Assert.Equal(18_518.52m, d.SellerCommissionYuan); // 1,234,567.89 × 1.5 % = 18,518.518…
        Assert.Equal(24_691.36m, d.BuyerCommissionYuan);
        Assert.Equal(43_209.88m, d.TotalCommissionYuan);
        Assert.Equal(Today, d.DealDate);
        Assert.Equal(Today.AddDays(7), d.PaymentDueOn);
        Assert.Equal(DealStatus.PendingSignatures, d.Status);
        Assert.StartsWith("CJ20260302-", d.DealNo);
    }

    [Fact]
    public void Options_cap_each_side_at_five_per_cent_unless_agreed_and_bound_the_payment_days()
    {
        var v = new DealOptionsValidator();
        Assert.True(v.Validate(null, new DealOptions()).Succeeded);
        Assert.True(v.Validate(null, new DealOptions { SellerCommissionPercent = 5m, BuyerCommissionPercent = 0m }).Succeeded);
        Assert.True(v.Validate(null, new DealOptions { SellerCommissionPercent = 5.01m }).Failed);
        Assert.True(v.Validate(null, new DealOptions { BuyerCommissionPercent = -1m }).Failed);
        Assert.True(v.Validate(null, new DealOptions { SellerCommissionPercent = 8m, RatesAgreedAboveCap = true }).Succeeded);
        Assert.True(v.Validate(null, new DealOptions { PaymentDays = 0 }).Failed);
    }

    [Fact]
    public void Settlement_is_a_lump_sum_or_at_least_two_ordered_instalments_that_add_up_to_the_price()
    {
        Assert.Empty(ExchangeDeal.CheckSettlement(100m, DealSettlement.LumpSum, [], Today));
        Assert.Contains(ExchangeDeal.CheckSettlement(100m, DealSettlement.LumpSum, [new(Today, 100m, null)], Today), e => e.Code == "exchange_deal.instalments_not_allowed");
        Assert.Contains(ExchangeDeal.CheckSettlement(100m, DealSettlement.Instalments, [new(Today, 100m, null)], Today), e => e.Code == "exchange_deal.instalments_required");
        Assert.Empty(ExchangeDeal.CheckSettlement(100m, DealSettlement.Instalments, [new(Today, 40m, "签约"), new(Today.AddDays(30), 60m, "验收")], Today));
        Assert.Contains(ExchangeDeal.CheckSettlement(100m, DealSettlement.Instalments, [new(Today, 40m, null), new(Today.AddDays(30), 59.99m, null)], Today),
            e => e.Code == "exchange_deal.instalments_sum");
        var unordered = ExchangeDeal.CheckSettlement(100m, DealSettlement.Instalments, [new(Today.AddDays(30), 40m, null), new(Today, 60m, null)], Today);
        Assert.Equal("instalments[1]", Assert.Single(unordered).Field);
        Assert.Contains(ExchangeDeal.CheckSettlement(100m, DealSettlement.Instalments, [new(Today.AddDays(-1), 40m, null), new(Today, 60m, null)], Today),
            e => e.Field == "instalments[0]");
        Assert.Contains(ExchangeDeal.CheckSettlement(0.001m, DealSettlement.LumpSum, [], Today), e => e.Code == "exchange_deal.price_invalid");
        var paid = Deal(100m, DealOrigin.NegotiatedListing, settlement: DealSettlement.Instalments,
            instalments: [new(Today.AddDays(10), 40m, " 签约 "), new(Today.AddDays(30), 60m, "")]);
        Assert.Equal(Today.AddDays(10), paid.PaymentDueOn);
        Assert.Equal(["签约", null], paid.Instalments.Select(i => i.Milestone));
    }

    [Fact]
    public void Both_signatures_confirm_each_side_signs_once_and_only_the_winner_signs_an_auction_deal_for_the_buyer()
    {
        var d = Deal();
        Assert.Equal(DealErrors.NotASigner, d.Sign(Caller.Of(Guid.NewGuid(), Seller, Roles.InstitutionAdmin), "a", Now).Error);
        Assert.Equal(DealErrors.NotASigner, d.Sign(Caller.Of(Guid.NewGuid(), Buyer, Roles.Enterprise), "a", Now).Error); // not the winner
        Assert.Equal(DealErrors.NotASigner, d.Sign(Caller.Of(Winner, Buyer, Roles.Registrar), "a", Now).Error);
        Assert.Equal(DealSide.Buyer, d.Sign(WinnerUser, "hash-1", Now).Value);
        Assert.Equal(DealErrors.AlreadySigned, d.Sign(WinnerUser, "hash-2", Now).Error);
        Assert.Equal(DealStatus.PendingSignatures, d.Status);
        Assert.Equal(DealErrors.NotConfirmed, d.MayBecomeContract().Error);
        Assert.Equal(DealSide.Operator, d.Sign(Operator, "hash-3", Now.AddHours(1)).Value);
        Assert.Equal((DealStatus.Confirmed, "hash-1", "hash-3", Today.AddDays(1)), (d.Status, d.BuyerSignedPdfSha256, d.OperatorSignedPdfSha256, d.ConfirmedOn));
        Assert.Equal(DealErrors.NotPending, d.Sign(Operator, "x", Now).Error);
        Assert.True(d.MayBecomeContract().IsSuccess);
        Assert.Equal(2, d.Version);

        // a negotiated deal: any bidder-role user of the buyer organisation signs for the buyer and is recorded as its user
        var n = Deal(origin: DealOrigin.NegotiatedListing);
        var buyerUser = Caller.Of(Guid.NewGuid(), Buyer, Roles.InstitutionAdmin);
        Assert.Equal(DealSide.Buyer, n.Sign(buyerUser, "h", Now).Value);
        Assert.Equal(buyerUser.UserId, n.BuyerUserId);
    }

    [Fact]
    public void An_annulled_deal_cannot_be_signed_or_become_a_contract_and_the_contract_link_is_kept_once()
    {
        var d = Deal();
        Assert.True(d.Annul(null, "竞得人违约", Now).IsSuccess);
        Assert.Equal(DealErrors.AlreadyAnnulled, d.Annul(null, "again", Now).Error);
        Assert.Equal(DealErrors.NotPending, d.Sign(Operator, "h", Now).Error);
        Assert.Equal(DealErrors.Annulled, d.MayBecomeContract().Error);

        var c = Deal();
        c.Sign(WinnerUser, "a", Now);
        c.Sign(Operator, "b", Now);
        var first = Guid.NewGuid();
        Assert.True(c.LinkContract(first, [], null, Now).IsSuccess);
        Assert.Equal(DealErrors.ContractAlreadyLinked, c.LinkContract(Guid.NewGuid(), [], null, Now).Error);
        var second = Guid.NewGuid();
        Assert.True(c.LinkContract(second, [first], null, Now).IsSuccess); // the first draft was rejected: replaced
        Assert.Equal(second, c.ContractId);
    }

    [Fact]
    public void The_confirmation_pdf_carries_the_chinese_terms_and_the_signature_state()
    {
        var d = Deal(750_000m);
        var rows = DealConfirmationPdf.Rows(d, "复旦大学", "上海智芯微电子科技有限公司", [new DealPatent(Guid.NewGuid(), "202010123456X", "一种锂电池缺陷检测方法")]);
        Assert.Contains(rows, r => r.Zh == "成交价" && r.Value == "750,000.00 元");
        Assert.Contains(rows, r => r.Zh == "卖方佣金" && r.Value.StartsWith("11,250.00 元"));
        Assert.Contains(rows, r => r.Zh == "交易标的" && r.Value.Contains("202010123456X"));
        Assert.Contains(rows, r => r.Zh == "买受人签署" && r.Value == "待签署");
        var pdf = DealConfirmationPdf.Render(d, "复旦大学", "上海智芯微电子科技有限公司", []);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("成交确认书", text);
        Assert.Contains("上海智芯微电子科技有限公司", text);
    }
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Patents;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>
/// Supplies the <c>exchangeDeal</c> contract draft of a confirmed deal (docs/architecture.md, "Contract prefill"): seller =
/// the transferor / licensor, buyer = the winning bidder or the negotiated buyer; transfer → 技术转让 (专利权转让, or 技术秘密转让
/// for an achievement without patents), licences → 技术许可 (专利实施许可 / 技术秘密使用许可) with scope, territory and a term
/// ending no later than the earliest patent expiry, 作价投资 → 技术转让 paid in equity (支付方式 作价投资); amount = the price;
/// payment from the settlement (lump sum, or the instalments with their milestones); signed on the confirmation date. The
/// link to the draft is stored on the deal, in the prefill's unit of work.
/// </summary>
public sealed class ExchangeDealDraftSource(TechTransferDbContext db, IPatentFactsLookup patents, IOrganizationFactsLookup organizations)
    : ILinkedContractDraftSource
{
    public const string Type = "exchangeDeal";

    public string SourceType => Type;

    public async Task<Result<ContractDraftProposal>?> ProposeAsync(Guid sourceId, Guid callerOrganizationId, CancellationToken ct)
    {
        var deal = await db.Set<ExchangeDeal>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == sourceId && (d.SellerOrganizationId == callerOrganizationId || d.BuyerOrganizationId == callerOrganizationId), ct);
        if (deal is null) return null;
        if (deal.MayBecomeContract() is { IsFailure: true } refused) return refused.Error!;
        var signed = deal.ConfirmedOn!.Value;
        var facts = deal.ObjectType == DealObjectType.Patents ? await patents.PatentsAsync(deal.ObjectIds, ct) : new Dictionary<Guid, PatentFacts>();
        var holder = (await organizations.FindAsync(deal.SellerOrganizationId, ct))?.NameZh;
        var listed = deal.ObjectIds.Where(facts.ContainsKey).Select(id => facts[id]).ToList();
        var refs = listed.Select(p => new DraftPatentReference(p.Title, holder, p.FilingDate, p.ApplicationNo, null, p.ExpiryDate, p.AchievementId)).ToList();
        var achievementIds = deal.ObjectType == DealObjectType.Achievement
            ? deal.ObjectIds.ToList() : listed.Where(p => p.AchievementId is not null).Select(p => p.AchievementId!.Value).Distinct().ToList();
        var hasPatents = refs.Count > 0;

        var licence = deal.DealType is ListingDealType.ExclusiveLicence or ListingDealType.SoleLicence or ListingDealType.OrdinaryLicence;
        var (category, subType) = licence
            ? (DraftContractCategory.Licensing, hasPatents ? DraftContractSubType.PatentLicense : DraftContractSubType.TechnicalSecretLicense)
            : (DraftContractCategory.Transfer, hasPatents ? DraftContractSubType.PatentAssignment : DraftContractSubType.TechnicalSecretTransfer);
        var lastPayment = deal.Settlement == DealSettlement.Instalments && deal.Instalments.Count > 0 ? deal.Instalments[^1].DueDate : deal.PaymentDueOn;
        var validTo = Later(signed.AddYears(1).AddDays(-1), lastPayment);
        DraftLicence? terms = null;
        if (licence)
        {
            // 民法典 865: a patent licence ends no later than the patent; five years when no patent bounds it
            var end = signed.AddYears(5).AddDays(-1);
            if (listed.Count > 0 && listed.Min(p => p.ExpiryDate) is var expiry && expiry < end) end = expiry;
            terms = new DraftLicence(deal.DealType switch
            {
                ListingDealType.ExclusiveLicence => DraftLicenceScope.Exclusive,
                ListingDealType.SoleLicence => DraftLicenceScope.Sole,
                _ => DraftLicenceScope.NonExclusive,
            }, "中华人民共和国境内", signed, end);
            validTo = Later(end, lastPayment);
        }
        var mode = deal.DealType == ListingDealType.Equity ? DraftPaymentMode.Equity
            : deal.Settlement == DealSettlement.Instalments ? DraftPaymentMode.LumpSumInstallments : DraftPaymentMode.LumpSumOnce;
        var instalments = deal.Settlement == DealSettlement.Instalments
            ? deal.Instalments.Select(i => new DraftInstallment(i.DueDate, i.AmountYuan, i.Milestone)).ToList()
            : null;
        return new ContractDraftProposal(Type, deal.Id, deal.Title, category, subType, deal.SellerOrganizationId, deal.BuyerOrganizationId!.Value,
            signed, signed, validTo, deal.PriceYuan, mode, Patents: refs, Licence: terms, AchievementIds: achievementIds, Installments: instalments);
    }

    /// <summary>Stores the drafted contract on the deal (tracked: saved with the draft by the prefill's one save).</summary>
    public async Task<Result> LinkContractAsync(ContractDraftLink link, CancellationToken ct)
    {
        var deal = await db.Set<ExchangeDeal>().FirstOrDefaultAsync(d => d.Id == link.SourceId, ct);
        if (deal is null) return DealErrors.NotFound;
        return deal.LinkContract(link.ContractId, link.SupersededContractIds, link.UserId, link.LinkedAt);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>Deals as other modules may name them: visible by <see cref="DealService.VisibleTo"/> (the operator and platform admins every deal, a party its own).</summary>
internal sealed class DealReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.ExchangeDeal;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct) =>
        (await DealService.VisibleTo(db.Set<ExchangeDeal>().AsNoTracking(), caller).Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
}

/// <summary>The facts of a deal for the Settlement module's ledger: parties, price, commission rates, payment schedule.</summary>
internal sealed class DealFactsLookup(TechTransferDbContext db) : IExchangeDealFactsLookup
{
    public async Task<ExchangeDealFacts?> FindAsync(Guid dealId, CancellationToken ct)
    {
        var d = await db.Set<ExchangeDeal>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == dealId, ct);
        if (d is null) return null;
        var schedule = d.Settlement == DealSettlement.Instalments && d.Instalments.Count > 0
            ? d.Instalments.Select(i => new DealScheduledPayment(i.DueDate, i.AmountYuan, i.Milestone)).ToList()
            : [new DealScheduledPayment(d.PaymentDueOn, d.PriceYuan, null)];
        return new ExchangeDealFacts(d.Id, d.DealNo, d.Title, d.TitleEn, d.SellerOrganizationId, d.BuyerOrganizationId, d.PriceYuan,
            d.SellerCommissionPercent, d.BuyerCommissionPercent, d.SellerCommissionYuan, d.BuyerCommissionYuan,
            d.Settlement == DealSettlement.Instalments, schedule, d.IsLive, d.Status == DealStatus.Confirmed, d.LotId);
    }

    public async Task<IReadOnlyList<Guid>> LiveDealIdsAsync(CancellationToken ct) =>
        await db.Set<ExchangeDeal>().AsNoTracking().Where(d => d.Status != DealStatus.Annulled).OrderBy(d => d.CreatedAt).Select(d => d.Id).ToListAsync(ct);
}

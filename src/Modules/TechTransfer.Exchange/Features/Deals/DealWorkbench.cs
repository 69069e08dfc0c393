using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>
/// The deals' workbench items: 成交确认书 awaiting the caller's signature (the exchange operator's, or the buyer
/// organisation's bidder roles), and for the seller side confirmed deals without a contract draft yet. Counts use the
/// status, buyer and seller organisation indexes.
/// </summary>
internal sealed class DealWorkbench(TechTransferDbContext db) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        var items = new List<WorkbenchItem>();
        var deals = db.Set<ExchangeDeal>().AsNoTracking();
        var buyerSide = caller.OrganizationId is not null && caller.IsInAnyRole(ExchangeDeal.BuyerSignerRoles);
        if (caller.IsInRole(Roles.ExchangeOperator) || buyerSide)
        {
            var toSign = DealService.ToSign(deals, caller);
            var count = await toSign.CountAsync(ct);
            items.Add(new("exchange.deals_to_sign", "待签署的成交确认书", "Deal confirmations to sign", count,
                "/exchange/deals?toSign=true", WorkbenchSection.ToDo, 45, Urgent: count > 0));
        }
        if (caller.OrganizationId is { } org && buyerSide)
        {
            var noContract = await deals.CountAsync(d => d.SellerOrganizationId == org && d.Status == DealStatus.Confirmed && d.ContractId == null, ct);
            if (noContract > 0)
                items.Add(new("exchange.deals_without_contract", "已确认待生成合同的成交", "Confirmed deals awaiting a contract draft", noContract,
                    "/exchange/deals?status=Confirmed", WorkbenchSection.ToDo, 46));
        }
        return items;
    }
}

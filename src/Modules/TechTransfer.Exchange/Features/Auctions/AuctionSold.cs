using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>
/// A lot was sold (at the close, or to the next bidder after the winner's default): what the deal (成交确认书, the
/// <c>exchangeDeal</c> contract draft) needs to start.
/// </summary>
public sealed record AuctionSold(Guid LotId, Guid? ListingId, string Title, AuctionObjectType ObjectType, IReadOnlyList<Guid> ObjectIds,
    Guid ConsignorOrganizationId, Guid WinnerUserId, Guid? WinnerOrganizationId, decimal HammerPrice, DateTimeOffset At, bool AfterDefault,
    string? TitleEn = null)
{
    public static AuctionSold Of(AuctionLot lot, DateTimeOffset at, bool afterDefault) => new(lot.Id, lot.ListingId, lot.Title, lot.ObjectType,
        lot.ObjectIds, lot.ConsignorOrganizationId, lot.WinnerUserId!.Value, lot.WinnerOrganizationId, lot.HammerPrice!.Value, at, afterDefault, lot.TitleEn);
}

/// <summary>
/// The hook at the Sold transition: every registered handler is called once per sale, with the writer's (or the default
/// use case's) <see cref="TechTransferDbContext"/>, <b>inside</b> the transaction that makes the lot Sold — what a handler
/// adds (a deal, a confirmation to sign) commits with the sale or not at all; a handler that fails rolls the close back
/// (the close job retries it next tick). Register implementations as scoped services.
/// </summary>
public interface IAuctionSoldHandler
{
    Task OnSoldAsync(AuctionSold sale, TechTransferDbContext db, CancellationToken ct);
}

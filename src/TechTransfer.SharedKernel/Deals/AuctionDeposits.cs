namespace TechTransfer.SharedKernel.Deals;

/// <summary>What the auction rules say about a bidder's deposit (保证金): still held, to be released, or forfeited.</summary>
public enum BidderDepositState { Held = 1, Released = 2, Forfeited = 3 }

/// <summary>One bidder's registration on a lot and the deposit it owes, as the Exchange module's auction rules decide it.</summary>
public sealed record AuctionRegistrationDeposit(
    Guid RegistrationId, Guid UserId, Guid? OrganizationId, int PaddleNumber, decimal DepositYuan, BidderDepositState State, bool IsWinner,
    DateTimeOffset RegisteredAt);

/// <summary>
/// A lot's deposits for the Settlement module's ledger: the close (Sold / NoSale), a withdrawal and a winner's default
/// change <see cref="AuctionRegistrationDeposit.State"/> in the Exchange module; the ledger follows (release, apply to the
/// deal's price once the deal is confirmed, forfeit). <see cref="LiveDealId"/> is the lot's deal that is not annulled.
/// </summary>
public sealed record AuctionDepositFacts(
    Guid LotId, string Title, string? TitleEn, Guid ConsignorOrganizationId, DateTimeOffset? ClosedAt,
    Guid? LiveDealId, bool LiveDealConfirmed, IReadOnlyList<AuctionRegistrationDeposit> Registrations);

/// <summary>
/// Implemented by the Exchange module: a lot's deposits by lot id (null when there is no lot). It does not check who asks:
/// the caller's module decides what each caller may see (the operator every row, a bidder its own).
/// </summary>
public interface IAuctionDepositFacts
{
    Task<AuctionDepositFacts?> FindAsync(Guid lotId, CancellationToken ct);

    /// <summary>The lots that have registrations, oldest first (the demo data records their deposits).</summary>
    Task<IReadOnlyList<Guid>> LotsWithRegistrationsAsync(CancellationToken ct);
}

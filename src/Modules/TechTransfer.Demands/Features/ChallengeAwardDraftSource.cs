using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Supplies a development-contract draft for a challenge award (揭榜挂帅 / 挑战赛获奖, CH.12): the winner, who will do the
/// work, is the seller side (研究开发人); the posting organisation is the buyer (委托人). Category development / commissioned,
/// amount = the challenge's reward, term one year from the award (the parties edit it to the contract as signed).
/// </summary>
public sealed class ChallengeAwardDraftSource(TechTransferDbContext db) : ILinkedContractDraftSource
{
    public const string Type = "challengeAward";

    public string SourceType => Type;

    public async Task<Result<ContractDraftProposal>?> ProposeAsync(Guid sourceId, Guid callerOrganizationId, CancellationToken ct)
    {
        var challenge = await db.Set<Challenge>().AsNoTracking().Include(c => c.Awards)
            .Where(c => c.Awards.Any(a => a.Id == sourceId))
            .Where(c => c.OwnerOrganizationId == callerOrganizationId || c.Awards.Any(a => a.Id == sourceId && a.OrganizationId == callerOrganizationId))
            .SingleOrDefaultAsync(ct);
        if (challenge is null) return null;
        var award = challenge.Awards.Single(a => a.Id == sourceId);
        var from = BusinessTime.DateOf(award.AwardedAt);
        return new ContractDraftProposal(
            Type, award.Id, challenge.Title,
            DraftContractCategory.Development, DraftContractSubType.Commissioned,
            award.OrganizationId, challenge.OwnerOrganizationId,
            null, from, from.AddYears(1).AddDays(-1), challenge.RewardYuan, DraftPaymentMode.LumpSumInstallments,
            TechnicalField: string.IsNullOrWhiteSpace(challenge.Field) ? null : challenge.Field);
    }

    /// <summary>Links the drafted contract onto the award (tracked: saved with the draft by the caller's SaveChanges).</summary>
    public async Task<Result> LinkContractAsync(ContractDraftLink link, CancellationToken ct)
    {
        var challenge = await db.Set<Challenge>().Include(c => c.Awards)
            .SingleOrDefaultAsync(c => c.Awards.Any(a => a.Id == link.SourceId), ct);
        if (challenge is null) return ChallengeErrors.AwardNotFound;
        return challenge.LinkDraftedContract(link.SourceId, link.ContractId, link.SellerOrganizationId, link.UserId, link.SupersededContractIds, link.LinkedAt);
    }
}

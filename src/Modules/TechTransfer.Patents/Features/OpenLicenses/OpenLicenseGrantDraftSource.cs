using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Patents.Features.OpenLicenses;

/// <summary>
/// Supplies a licensing-contract draft for an effective open-licence grant (开放许可实施): the patentee (licensor) is the
/// seller, the licensee the buyer; category licensing / patent licence, non-exclusive (an open licence is always an
/// ordinary licence, R3.10), the patent as IP reference, the grant's term, and fee and payment as the declaration says.
/// </summary>
public sealed class OpenLicenseGrantDraftSource(TechTransferDbContext db) : IContractDraftSource
{
    public const string Type = "openLicenseGrant";

    public string SourceType => Type;

    public async Task<Result<ContractDraftProposal>?> ProposeAsync(Guid sourceId, Guid callerOrganizationId, CancellationToken ct)
    {
        var declaration = await db.Set<OpenLicenseDeclaration>().AsNoTracking()
            .Where(d => d.Grants.Any(g => g.Id == sourceId))
            .Where(d => d.PatenteeOrganizationId == callerOrganizationId || d.Grants.Any(g => g.Id == sourceId && g.LicenseeOrganizationId == callerOrganizationId))
            .SingleOrDefaultAsync(ct);
        if (declaration is null) return null;
        var grant = declaration.Grants.Single(g => g.Id == sourceId);
        if (grant.Status != OpenLicenseGrantStatus.Effective || grant.EffectiveOn is not { } from)
            return OpenLicenseErrors.GrantNotEffectiveForContract;
        var patent = await db.Set<Patent>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == declaration.PatentId, ct);
        var to = grant.ValidUntil ?? declaration.LicenseTermEnd;
        var (mode, total) = declaration.PaymentMode switch
        {
            PaymentMode.LumpSumOnce => (DraftPaymentMode.LumpSumOnce, declaration.FixedFeeYuan ?? grant.PaidAmountYuan ?? 0m),
            PaymentMode.LumpSumInstallments => (DraftPaymentMode.LumpSumInstallments, declaration.FixedFeeYuan ?? grant.PaidAmountYuan ?? 0m),
            PaymentMode.Royalty => (DraftPaymentMode.Royalty, grant.PaidAmountYuan ?? declaration.InitialPaymentYuan ?? 0m),
            _ => (DraftPaymentMode.EntryFeePlusRoyalty, grant.PaidAmountYuan ?? declaration.InitialPaymentYuan ?? 0m),
        };
        var royaltyBase = declaration.RoyaltyBase switch
        {
            null => (DraftRoyaltyBase?)null,
            RoyaltyBase.ProductPrice => DraftRoyaltyBase.ProductPrice,
            RoyaltyBase.IncrementalOutputValue => DraftRoyaltyBase.IncrementalOutputValue,
            RoyaltyBase.Profit => DraftRoyaltyBase.Profit,
            RoyaltyBase.SalesRevenue => DraftRoyaltyBase.SalesRevenue,
            _ => DraftRoyaltyBase.Other,
        };
        var achievement = patent?.AchievementId;
        return new ContractDraftProposal(
            Type, grant.Id,
            $"专利开放许可实施：{declaration.PatentTitle}（{declaration.PatentNo}）",
            DraftContractCategory.Licensing, DraftContractSubType.PatentLicense,
            declaration.PatenteeOrganizationId, grant.LicenseeOrganizationId,
            from, from, to, total, mode,
            RoyaltyRate: declaration.RoyaltyRatePercent is { } pct ? pct / 100m : null,
            RoyaltyBase: royaltyBase,
            EntryFee: mode == DraftPaymentMode.EntryFeePlusRoyalty ? declaration.InitialPaymentYuan : null,
            Patents: [new DraftPatentReference(declaration.PatentTitle, declaration.PatenteeNames, patent?.FilingDate, patent?.ApplicationNo,
                declaration.PatentNo, patent?.ExpiryDate, achievement)],
            Licence: new DraftLicence(DraftLicenceScope.NonExclusive, "中华人民共和国境内", from, to),
            AchievementIds: achievement is { } a ? [a] : []);
    }
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Patents;

namespace TechTransfer.Patents.Features;

/// <summary>
/// <see cref="IPatentFactsLookup"/> for other modules (the Exchange's listing eligibility): patents, their pledges and
/// open-licence declarations, and custody mandates, read by id — never a scan. "Today" is the Shanghai business date.
/// </summary>
internal sealed class PatentFactsLookup(TechTransferDbContext db, TimeProvider clock) : IPatentFactsLookup
{
    public async Task<IReadOnlyDictionary<Guid, PatentFacts>> PatentsAsync(IReadOnlyCollection<Guid> patentIds, CancellationToken ct)
    {
        if (patentIds.Count == 0) return new Dictionary<Guid, PatentFacts>();
        var today = clock.Today();
        var patents = await db.Set<Patent>().AsNoTracking().Include(p => p.Pledges)
            .Where(p => patentIds.Contains(p.Id)).ToListAsync(ct);
        var openLicensed = await db.Set<OpenLicenseDeclaration>().AsNoTracking()
            .Where(d => patentIds.Contains(d.PatentId)
                        && (d.Status == OpenLicenseStatus.Active || d.Status == OpenLicenseStatus.WithdrawalSubmitted))
            .Select(d => d.PatentId).Distinct().ToListAsync(ct);
        return patents.ToDictionary(p => p.Id, p => new PatentFacts(
            p.Id, p.OwnerOrganizationId, p.ApplicationNo, p.Title, p.IpcCodes, p.AchievementId, p.ExpiryDate,
            InForce: p.IsGranted(today) && today <= p.ExpiryDate,
            Ended: p.LegalStatus is PatentLegalStatus.Lapsed or PatentLegalStatus.Expired or PatentLegalStatus.Invalidated
                or PatentLegalStatus.Abandoned || today > p.ExpiryDate,
            ActivePledgees: p.Pledges.Where(x => x.IsActiveOn(today)).Select(x => x.Pledgee).ToList(),
            OpenLicenceInForce: openLicensed.Contains(p.Id), FilingDate: p.FilingDate,
            TitleEn: string.IsNullOrWhiteSpace(p.TitleEn) ? null : p.TitleEn.Trim()));
    }

    public async Task<IReadOnlyList<PatentFacts>> OwnedByAsync(Guid organizationId, int take, CancellationToken ct)
    {
        var ids = await db.Set<Patent>().AsNoTracking().Where(p => p.OwnerOrganizationId == organizationId)
            .OrderByDescending(p => p.FilingDate).ThenBy(p => p.Id).Take(Math.Clamp(take, 1, 500)).Select(p => p.Id).ToListAsync(ct);
        var facts = await PatentsAsync(ids, ct);
        return ids.Where(facts.ContainsKey).Select(id => facts[id]).ToList();
    }

    public async Task<IReadOnlyList<CustodyMandateFacts>> MandatesAsync(Guid subjectId, Guid operatorOrganizationId, CancellationToken ct)
    {
        var today = clock.Today();
        var agreements = await db.Set<CustodyAgreement>().AsNoTracking()
            .Where(a => a.SubjectId == subjectId && a.OperatorOrganizationId == operatorOrganizationId).ToListAsync(ct);
        return agreements.Select(a => new CustodyMandateFacts(a.Id, a.OwnerOrganizationId, a.OperatorOrganizationId,
            a.AllowedDealTypes.Select(t => t.ToString()).ToList(), a.PriceFloorYuan, a.TermStart, a.TermEnd, a.IsInForceOn(today))).ToList();
    }
}

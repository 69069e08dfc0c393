using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Organizations.Features;

/// <summary>The registry data other modules may read about an organisation (name, credit code, entity nature, division, jurisdiction).</summary>
public sealed class OrganizationFactsLookup(TechTransferDbContext db) : IOrganizationFactsLookup
{
    public async Task<OrganizationFacts?> FindAsync(Guid organizationId, CancellationToken ct) =>
        await Facts(db.Set<Organization>().AsNoTracking().Where(o => o.Id == organizationId)).SingleOrDefaultAsync(ct);

    public async Task<OrganizationFacts?> FindByCreditCodeAsync(string creditCode, CancellationToken ct)
    {
        var code = UnifiedSocialCreditCode.Normalize(creditCode);
        if (code.Length == 0) return null;
        return await Facts(db.Set<Organization>().AsNoTracking().Where(o => o.CreditCode == code)).SingleOrDefaultAsync(ct);
    }

    private static IQueryable<OrganizationFacts> Facts(IQueryable<Organization> q) =>
        q.Select(o => new OrganizationFacts(o.Id, o.NameZh, o.CreditCode, o.EntityNatureCode, o.CountryCode, o.DivisionCode, o.Jurisdiction, o.NameEn));
}

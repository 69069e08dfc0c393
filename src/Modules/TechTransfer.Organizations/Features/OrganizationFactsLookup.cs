using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Organizations.Features;

/// <summary>The registry data other modules may read about an organisation (name, credit code, entity nature, division, jurisdiction).</summary>
public sealed class OrganizationFactsLookup(TechTransferDbContext db) : IOrganizationFactsLookup
{
    public async Task<OrganizationFacts?> FindAsync(Guid organizationId, CancellationToken ct) =>
        await db.Set<Organization>().AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new OrganizationFacts(o.Id, o.NameZh, o.CreditCode, o.EntityNatureCode, o.CountryCode, o.DivisionCode, o.Jurisdiction, o.NameEn))
            .SingleOrDefaultAsync(ct);
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Organizations.Features;

/// <summary>Organisations named by id in other modules' requests. The registry is public: every registered organisation is visible.</summary>
internal sealed class OrganizationReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.Organization;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var found = await db.Set<Organization>().AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Patents.Features.Patents;

/// <summary>
/// Patents other requests name by id (an open-licence declaration's patent, a custody subject, a fee quote): visible ones
/// only, by the same rule as the module's own reads (<see cref="PatentService.VisibleTo"/>).
/// </summary>
internal sealed class PatentReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.Patent;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var found = await PatentService.VisibleTo(db.Set<Patent>().AsNoTracking(), caller)
            .Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Demands other modules name by id (a match a user votes on, a demand a manager is assigned to): visible ones only, by
/// the rule the module's own reads use (<see cref="DemandService.VisibleTo"/>).
/// </summary>
internal sealed class DemandReferences(TechTransferDbContext db, IOptions<DemandsOptions> options) : IReferenceResolver
{
    public string RecordType => RecordTypes.Demand;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var staff = new PlatformStaff(options.Value.ReviewerOrganizationId);
        var found = await DemandService.VisibleTo(db.Set<Demand>().AsNoTracking(), caller, staff).Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Patents.Features.OpenLicenses;

/// <summary>
/// Open-licence declarations other modules name by id (a match a user votes on, a declaration a manager is assigned to):
/// visible ones only, by the rule the module's own reads use (<see cref="OpenLicenseService.VisibleTo"/>).
/// </summary>
internal sealed class OpenLicenseReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.OpenLicense;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var found = await OpenLicenseService.VisibleTo(db.Set<OpenLicenseDeclaration>().AsNoTracking(), caller)
            .Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}

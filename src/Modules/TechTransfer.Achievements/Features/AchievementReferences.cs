using Microsoft.EntityFrameworkCore;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Achievements.Features;

/// <summary>Achievements other modules name by id (a patent's achievement, a contract's achievements): visible ones only.</summary>
internal sealed class AchievementReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.Achievement;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var viewer = new Viewer(caller.UserId, caller.OrganizationId, caller.IsInRole(Roles.PlatformAdmin));
        var found = await db.Set<Achievement>().AsNoTracking().Where(AchievementService.Visible(viewer))
            .Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}

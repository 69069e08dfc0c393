using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Data;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Features;

/// <summary>Body of POST …/managers.</summary>
public sealed record AssignManagerRequest(Guid? UserId);

public sealed record ManagerAssignmentResponse(Guid Id, string SubjectType, Guid SubjectId, Guid ManagerUserId, string? ManagerName,
    Guid? AssignedByUserId, DateTimeOffset AssignedAt);

/// <summary>
/// 技术经理人指派: the platform assigns technology managers to a demand; the owning institution's transfer office (or the
/// platform) assigns them to an achievement. Assigned managers receive the subject's new-match notifications. The list
/// is visible to the owning organisation, platform administrators and the assigned managers; a record the caller may
/// not see is "not found".
/// </summary>
public sealed class ManagerAssignmentService(IServiceProvider services, TechTransferDbContext db, ICurrentUser user, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> SubjectTypes = [SearchDocumentTypes.Demand, SearchDocumentTypes.Achievement];

    private SearchCaller Caller => SearchCaller.From(user);

    private async Task<SearchDocument?> SubjectAsync(string type, Guid id, CancellationToken ct)
    {
        var source = services.GetServices<ISearchDocumentSource>().FirstOrDefault(s => s.Type == type);
        var doc = source is null ? null : await source.LoadAsync(id, ct);
        return doc is not null && MatchingService.CanSee(doc, Caller) ? doc : null;
    }

    /// <summary>Demands: platform administrators. Achievements: platform administrators or the owner's transfer office.</summary>
    private bool MayAssign(SearchDocument subject) =>
        user.IsInRole(Roles.PlatformAdmin)
        || (subject.Type == SearchDocumentTypes.Achievement && user.IsInRole(Roles.InstitutionAdmin)
            && subject.OrganizationId is { } org && user.BelongsTo(org));

    public async Task<Result<List<ManagerAssignmentResponse>>> ListAsync(string type, Guid id, CancellationToken ct)
    {
        var subject = await SubjectAsync(type, id, ct);
        if (subject is null) return SearchErrors.SourceNotFound;
        var rows = await Rows(type, id).ToListAsync(ct);
        var mayList = user.IsInRole(Roles.PlatformAdmin)
            || (subject.OrganizationId is { } org && user.BelongsTo(org))
            || (user.UserId is { } me && rows.Any(r => r.ManagerUserId == me));
        if (!mayList) return Error.Forbidden;
        return await ToResponses(rows, ct);
    }

    public async Task<Result<ManagerAssignmentResponse>> AssignAsync(string type, Guid id, AssignManagerRequest? request, CancellationToken ct)
    {
        var subject = await SubjectAsync(type, id, ct);
        if (subject is null) return SearchErrors.SourceNotFound;
        if (!MayAssign(subject)) return ManagerAssignmentErrors.Forbidden;
        if (request?.UserId is not { } managerId || managerId == Guid.Empty) return Error.Validation([ManagerAssignmentErrors.UserRequired]);

        var manager = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where u.Id == managerId && r.Name == Roles.TechManager
                             select new { u.Id, u.OrganizationId }).FirstOrDefaultAsync(ct);
        if (manager is null) return Error.Validation([ManagerAssignmentErrors.NotATechManager]);
        if (!MatchingService.CanSee(subject, new SearchCaller(manager.Id, manager.OrganizationId, false)))
            return Error.Validation([ManagerAssignmentErrors.ManagerCannotSee]);
        if (await Rows(type, id).AnyAsync(a => a.ManagerUserId == managerId, ct)) return ManagerAssignmentErrors.AlreadyAssigned;

        var row = ManagerAssignment.Assign(type, id, subject.OrganizationId, managerId, user.UserId, clock.GetUtcNow());
        db.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return ManagerAssignmentErrors.AlreadyAssigned; }   // a concurrent assignment won
        return (await ToResponses([row], ct))[0];
    }

    public async Task<Result<bool>> UnassignAsync(string type, Guid id, Guid managerUserId, CancellationToken ct)
    {
        var subject = await SubjectAsync(type, id, ct);
        if (subject is null) return SearchErrors.SourceNotFound;
        if (!MayAssign(subject)) return ManagerAssignmentErrors.Forbidden;
        var row = await Rows(type, id).FirstOrDefaultAsync(a => a.ManagerUserId == managerUserId, ct);
        if (row is null) return ManagerAssignmentErrors.NotFound;
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private IQueryable<ManagerAssignment> Rows(string type, Guid id) =>
        db.Set<ManagerAssignment>().Where(a => a.SubjectType == type && a.SubjectId == id);

    private async Task<List<ManagerAssignmentResponse>> ToResponses(List<ManagerAssignment> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ManagerUserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.OrderBy(r => r.AssignedAt).Select(r => new ManagerAssignmentResponse(r.Id, r.SubjectType, r.SubjectId, r.ManagerUserId,
            names.GetValueOrDefault(r.ManagerUserId), r.AssignedByUserId, r.AssignedAt)).ToList();
    }
}

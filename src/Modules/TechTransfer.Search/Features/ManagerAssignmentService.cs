using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Data;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;
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
public sealed class ManagerAssignmentService(
    IServiceProvider services, TechTransferDbContext db, ICurrentUser user, IReferenceCheck references, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> SubjectTypes = [SearchDocumentTypes.Demand, SearchDocumentTypes.Achievement];

    private async Task<SearchDocument?> SubjectAsync(string type, Guid id, CancellationToken ct)
    {
        var source = services.GetServices<ISearchDocumentSource>().FirstOrDefault(s => s.Type == type);
        var doc = source is null ? null : await source.LoadAsync(id, ct);
        return doc is not null && SearchVisibility.CanSee(doc, user) ? doc : null;
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

    /// <summary>
    /// Assigns a technology manager. The body is checked first (the user is named, exists and is visible to the caller,
    /// <see cref="IReferenceCheck"/>); then the subject (404 when the caller may not see it), the caller's right to assign
    /// (403), and that the user is a technology manager who may see the subject (422).
    /// </summary>
    public async Task<Result<ManagerAssignmentResponse>> AssignAsync(string type, Guid id, AssignManagerRequest? request, CancellationToken ct)
    {
        if (!user.IsInAnyRole(Roles.PlatformAdmin, Roles.InstitutionAdmin)) return ManagerAssignmentErrors.Forbidden;
        var errors = new FieldErrors();
        var managerId = request?.UserId ?? Guid.Empty;
        if (managerId == Guid.Empty) errors.Add(ManagerAssignmentErrors.UserRequired);
        else if (await references.CheckAsync("userId", RecordTypes.User, managerId, ct) is { } unseen) errors.Add(unseen);
        if (errors.ToError() is { } invalid) return invalid;

        var subject = await SubjectAsync(type, id, ct);
        if (subject is null) return SearchErrors.SourceNotFound;
        if (!MayAssign(subject)) return ManagerAssignmentErrors.Forbidden;
        var manager = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where u.Id == managerId && r.Name == Roles.TechManager
                             select new { u.Id, u.OrganizationId }).FirstOrDefaultAsync(ct);
        if (manager is null) return Error.Validation([ManagerAssignmentErrors.NotATechManager]);
        if (!SearchVisibility.CanSee(subject, Caller.Of(manager.Id, manager.OrganizationId, Roles.TechManager)))
            return Error.Validation([ManagerAssignmentErrors.ManagerCannotSee]);
        if (await Rows(type, id).AnyAsync(a => a.ManagerUserId == managerId, ct)) return ManagerAssignmentErrors.AlreadyAssigned;

        var row = ManagerAssignment.Assign(type, id, subject.OrganizationId, managerId, user.UserId, clock.GetUtcNow());
        db.Add(row);
        var demand = type == "demand";
        db.Add(TechTransfer.Data.Notifications.Notification.ToUser(managerId,
            demand ? "您被指派跟进一项技术需求" : "您被指派跟进一项科技成果",
            demand ? "You were assigned to follow a technology demand" : "You were assigned to follow an achievement",
            demand ? $"/demands/{id}/matches" : $"/achievements/{id}/matches", clock.GetUtcNow(),
            TechTransfer.Data.Notifications.NotificationKinds.ManagerAssigned));
        try
        {
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        }
        catch (DbUpdateException)
        {
            // a concurrent assignment of the same manager won the unique index (subject, manager)
            db.ChangeTracker.Clear();
            if (await Rows(type, id).AnyAsync(a => a.ManagerUserId == managerId, ct)) return ManagerAssignmentErrors.AlreadyAssigned;
            throw;
        }
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
        // removed meanwhile by someone else: the one mapping of a concurrent save (409)
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
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

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, Guid? UserId, string? UserName, Guid? OrganizationId, string Action,
    string EntityType, string EntityId, Guid? SubjectOrganizationId, string? Before, string? After);

public sealed record AuditQuery(string? EntityType = null, string? EntityId = null, Guid? UserId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Page = 1, int PageSize = 50);

/// <summary>
/// Reads the audit log. Platform admins read all of it; institution admins read the entries about their own
/// organisation's records; nobody else reads it.
/// </summary>
public sealed class AuditLogQueries(TechTransferDbContext db, ICurrentUser user)
{
    public bool CanRead => user.IsInAnyRole(Roles.PlatformAdmin, Roles.InstitutionAdmin);

    public async Task<Result<PagedResult<AuditEntryDto>>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        if (!CanRead) return Error.Forbidden;
        var paging = new PageRequest(query.Page, query.PageSize);
        if (paging.Validate() is { Count: > 0 } errors) return Error.Validation(errors);

        var q = db.AuditEntries.AsNoTracking();
        if (!user.IsInRole(Roles.PlatformAdmin))
        {
            var org = user.OrganizationId;
            q = q.Where(a => a.SubjectOrganizationId == org);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType)) q = q.Where(a => a.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) q = q.Where(a => a.EntityId == query.EntityId);
        if (query.UserId is { } uid) q = q.Where(a => a.UserId == uid);
        if (query.From is { } from) q = q.Where(a => a.At >= from);
        if (query.To is { } to) q = q.Where(a => a.At < to);

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserId, a.UserName, a.OrganizationId, a.Action, a.EntityType, a.EntityId,
                a.SubjectOrganizationId, a.Before, a.After))
            .ToListAsync(ct);
        return new PagedResult<AuditEntryDto>(items, paging.Page, paging.PageSize, total);
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Features;

/// <summary>Use cases of rights grants (赋权, R5.2, R5.3): request, decide, certificate.</summary>
public sealed class RightsGrantService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<AchievementsOptions> options, AchievementService achievements)
{
    private IQueryable<RightsGrant> Grants => db.Set<RightsGrant>();
    private DateTimeOffset Now => clock.GetUtcNow();
    private Actor? Actor => Domain.Actor.From(user);

    /// <summary>SQL form of <see cref="RightsGrant.CanBeSeenBy"/> (owning organisation, requester, platform admin; completers see their own via requester).</summary>
    private Expression<Func<RightsGrant, bool>> Visible()
    {
        var uid = user.UserId ?? Guid.Empty;
        var org = user.OrganizationId ?? Guid.Empty;
        var admin = user.IsInRole(Roles.PlatformAdmin);
        return g => g.OrganizationId == org || admin || g.RequestedByUserId == uid;
    }

    public async Task<Result<PagedResult<RightsGrantSummary>>> ListAsync(RightsGrantListQuery query, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var paging = new PageRequest(query.Page, query.PageSize);
        if (paging.Validate() is { Count: > 0 } pe) return Error.Validation(pe);
        var q = Grants.AsNoTracking().Where(Visible());
        if (query.AchievementId is { } aid) q = q.Where(g => g.AchievementId == aid);
        if (query.Status is { } s) q = q.Where(g => g.Status == s);
        if (query.GrantType is { } t) q = q.Where(g => g.GrantType == t);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(g => g.RequestedAt).ThenBy(g => g.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(g => new RightsGrantSummary(g.Id, g.AchievementId, g.AchievementTitle, g.GrantType, g.Status, g.RequestedByCompleter, g.RequestedAt, g.CertificateNo))
            .ToListAsync(ct);
        return new PagedResult<RightsGrantSummary>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Result<RightsGrantResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var g = await Grants.AsNoTracking().Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        return g is null ? AchievementErrors.GrantNotFound : RightsGrantResponse.From(g, Actor);
    }

    public async Task<Result<RightsGrantResponse>> RequestAsync(RightsGrantRequest request, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        if (!actor.Has(Roles.InstitutionAdmin) && !actor.Has(Roles.Researcher)) return AchievementErrors.GrantRoleNotAllowed;
        var achievement = await achievements.LoadAsync(request.AchievementId, ct);
        if (achievement is null) return AchievementErrors.NotFound;
        var result = RightsGrant.Request(achievement, request.ToTerms(), actor, options.Value.RightsGrants, Now);
        if (result.IsFailure) return result.Error!;
        db.Add(result.Value);
        if (result.Value.RequestedByCompleter)
            db.Add(Notification.ToOrganization(achievement.OwnerOrganizationId, Roles.InstitutionAdmin,
                $"完成人申请赋权：{achievement.Title}", $"A completer requested a rights grant: {achievement.TitleEn ?? achievement.Title}",
                $"/rights-grants/{result.Value.Id}", Now));
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return RightsGrantResponse.From(result.Value, actor);
    }

    public Task<Result<RightsGrantResponse>> ApproveAsync(Guid id, string? note, CancellationToken ct) =>
        ChangeAsync(id, (g, a) => g.Approve(a, Now, note), notifyRequester: true, ct);

    public Task<Result<RightsGrantResponse>> RejectAsync(Guid id, string? reason, CancellationToken ct) =>
        ChangeAsync(id, (g, a) => g.Reject(a, Now, reason ?? ""), notifyRequester: true, ct);

    public Task<Result<RightsGrantResponse>> WithdrawAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, (g, a) => g.Withdraw(a, Now), notifyRequester: false, ct);

    public Task<Result<RightsGrantResponse>> RecordOwnershipChangeAsync(Guid id, DateOnly filedOn, CancellationToken ct) =>
        ChangeAsync(id, (g, a) => g.RecordOwnershipChangeFiled(filedOn, a), notifyRequester: false, ct);

    public async Task<Result<RightsGrantCertificateResponse>> CertificateAsync(Guid id, CancellationToken ct)
    {
        var g = await Grants.AsNoTracking().Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return AchievementErrors.GrantNotFound;
        var cert = g.Certificate();
        if (cert.IsFailure) return cert.Error!;
        return new RightsGrantCertificateResponse(cert.Value.Number, cert.Value.Lines.Select(l => new CertificateLineDto(l.Zh, l.En)).ToList());
    }

    /// <summary>The certificate as a Chinese PDF, for the same people who may read it (others get 404).</summary>
    public async Task<Result<byte[]>> CertificatePdfAsync(Guid id, CancellationToken ct)
    {
        var g = await Grants.AsNoTracking().Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return AchievementErrors.GrantNotFound;
        var cert = g.Certificate();
        if (cert.IsFailure) return cert.Error!;
        return RightsGrantCertificatePdf.Render(cert.Value);
    }

    private async Task<Result<RightsGrantResponse>> ChangeAsync(Guid id, Func<RightsGrant, Actor, Result> change, bool notifyRequester, CancellationToken ct)
    {
        if (Actor is not { } actor) return Error.Forbidden;
        var g = await Grants.Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return AchievementErrors.GrantNotFound;
        var result = change(g, actor);
        if (result.IsFailure) return result.Error!;
        if (notifyRequester && g.RequestedByUserId != actor.UserId)
            db.Add(Notification.ToUser(g.RequestedByUserId, $"赋权申请已处理：{g.AchievementTitle}", $"Your rights grant request was decided: {g.AchievementTitle}",
                $"/rights-grants/{g.Id}", Now));
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return RightsGrantResponse.From(g, actor);
    }

    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.ConcurrencyConflict;
        }
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Achievements.Features;

/// <summary>Use cases of rights grants (赋权, R5.2, R5.3): request, decide, certificate.</summary>
public sealed class RightsGrantService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<AchievementsOptions> options, AchievementService achievements,
    IReferenceCheck references)
{
    private IQueryable<RightsGrant> Grants => db.Set<RightsGrant>();
    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>SQL form of <see cref="RightsGrant.CanBeSeenBy"/> (owning organisation, requester, platform admin; completers see their own via requester).</summary>
    private Expression<Func<RightsGrant, bool>> Visible()
    {
        var uid = user.UserId ?? Guid.Empty;
        var org = user.OrganizationId ?? Guid.Empty;
        var admin = user.IsInRole(Roles.PlatformAdmin);
        return g => g.OrganizationId == org || admin || g.RequestedByUserId == uid;
    }

    /// <summary>
    /// The list's sort keys (each an indexed column): <c>requestedAt</c> (the default, newest first), <c>achievementTitle</c>;
    /// <c>desc=true</c> reverses a key.
    /// </summary>
    public static readonly ListSort<RightsGrant> Sorts = new ListSort<RightsGrant>(g => g.Id, "requestedAt", true)
        .Key("requestedAt", g => g.RequestedAt)
        .Key("achievementTitle", g => g.AchievementTitle);

    public async Task<Result<PagedResult<RightsGrantSummary>>> ListAsync(RightsGrantListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<RightsGrantSummary>>> ExportAsync(RightsGrantListQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Summaries, ct);

    /// <summary>The list's rows, each with the achievement's English title (the grant keeps a copy of the Chinese one).</summary>
    private IQueryable<RightsGrantSummary> Summaries(IQueryable<RightsGrant> q) =>
        q.Select(g => new RightsGrantSummary(g.Id, g.AchievementId, g.AchievementTitle, g.GrantType, g.Status, g.RequestedByCompleter, g.RequestedAt, g.CertificateNo,
            db.Set<Achievement>().Where(a => a.Id == g.AchievementId).Select(a => a.TitleEn).FirstOrDefault()));

    /// <summary>The visible grants matching the list's filters, and the same in the requested order (every field error at once).</summary>
    private Result<(IQueryable<RightsGrant> Filtered, IQueryable<RightsGrant> Sorted)> Filtered(RightsGrantListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = Grants.AsNoTracking().Where(Visible());
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(g => g.AchievementTitle.Contains(term) || (g.CertificateNo != null && g.CertificateNo.Contains(term)));
        }
        if (query.AchievementId is { } aid) q = q.Where(g => g.AchievementId == aid);
        if (query.Status is { } s) q = q.Where(g => g.Status == s);
        if (query.Mine && user.UserId is { } me) q = q.Where(g => g.RequestedByUserId == me);
        if (query.GrantType is { } t) q = q.Where(g => g.GrantType == t);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    public async Task<Result<RightsGrantResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var g = await Grants.AsNoTracking().Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        return g is null ? AchievementErrors.GrantNotFound : await WithEnglishTitleAsync(RightsGrantResponse.From(g, user), ct);
    }

    private async Task<RightsGrantResponse> WithEnglishTitleAsync(RightsGrantResponse r, CancellationToken ct) =>
        r with { AchievementTitleEn = await AchievementTitles.EnglishAsync(db, r.AchievementId, ct) };

    /// <summary>
    /// Request a grant: the terms (R5.2) and every id the request names — the achievement, the completers' accounts — are
    /// checked first (a random id or another organisation's confidential achievement is the 422 reference.not_found).
    /// </summary>
    public async Task<Result<RightsGrantResponse>> RequestAsync(RightsGrantRequest request, CancellationToken ct)
    {
        if (!user.IsInAnyRole(Roles.InstitutionAdmin, Roles.Researcher)) return AchievementErrors.GrantRoleNotAllowed;
        var terms = request.ToTerms();
        var errors = new FieldErrors().AddRange(RightsGrant.ValidateTerms(terms, options.Value.RightsGrants));
        if (await references.CheckAsync("achievementId", RecordTypes.Achievement, request.AchievementId, ct) is { } missing) errors.Add(missing);
        errors.AddRange(await references.UsersAsync(request.UserReferences(), ct));
        if (errors.ToError() is { } invalid) return invalid;
        var achievement = await achievements.LoadAsync(request.AchievementId, ct);
        if (achievement is null) return AchievementErrors.NotFound;
        var result = RightsGrant.Request(achievement, terms, user, options.Value.RightsGrants, Now);
        if (result.IsFailure) return result.Error!;
        db.Add(result.Value);
        if (result.Value.RequestedByCompleter)
            db.Add(Notification.ToOrganization(achievement.OwnerOrganizationId, Roles.InstitutionAdmin,
                $"完成人申请赋权：{achievement.Title}", $"A completer requested a rights grant: {achievement.TitleEn ?? achievement.Title}",
                $"/rights-grants/{result.Value.Id}", Now, NotificationKinds.RightsGrant));
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return RightsGrantResponse.From(result.Value, user);
    }

    public Task<Result<RightsGrantResponse>> ApproveAsync(Guid id, string? note, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, g => g.Approve(user, Now, note), notifyRequester: true, ct);

    public Task<Result<RightsGrantResponse>> RejectAsync(Guid id, string? reason, int? version, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason) ? Task.FromResult<Result<RightsGrantResponse>>(AchievementErrors.GrantReasonRequired)
            : ChangeAsync(id, version, g => g.Reject(user, Now, reason), notifyRequester: true, ct);

    public Task<Result<RightsGrantResponse>> WithdrawAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, g => g.Withdraw(user, Now), notifyRequester: false, ct);

    public Task<Result<RightsGrantResponse>> RecordOwnershipChangeAsync(Guid id, DateOnly filedOn, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, g => g.RecordOwnershipChangeFiled(filedOn, user), notifyRequester: false, ct);

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

    /// <summary>Load (visible only), check the version the caller read (409 when stale), change, notify, save.</summary>
    private async Task<Result<RightsGrantResponse>> ChangeAsync(Guid id, int? version, Func<RightsGrant, Result> change, bool notifyRequester, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var g = await Grants.Where(Visible()).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return AchievementErrors.GrantNotFound;
        if (Error.StaleVersion(g.Version, version) is { } stale) return stale;
        var result = change(g);
        if (result.IsFailure) return result.Error!;
        if (notifyRequester)
        {
            var titleEn = await AchievementTitles.EnglishAsync(db, g.AchievementId, ct) ?? g.AchievementTitle;
            var (zh, en) = g.Status switch
            {
                RightsGrantStatus.Approved => ($"赋权已批准：{g.AchievementTitle}（证书 {g.CertificateNo}）", $"Rights grant approved: {titleEn} (certificate {g.CertificateNo})"),
                RightsGrantStatus.Rejected => ($"赋权申请未获批准：{g.AchievementTitle}", $"Rights grant not approved: {titleEn}"),
                _ => ($"赋权申请已处理：{g.AchievementTitle}", $"Your rights grant request was decided: {titleEn}"),
            };
            // the requester and every completer the grant names with an account, except the one who decided
            foreach (var uid in g.CompleterShares.Where(s => s.UserId is not null).Select(s => s.UserId!.Value).Append(g.RequestedByUserId).Distinct())
                if (!user.Is(uid))
                    db.Add(Notification.ToUser(uid, zh.Length <= 300 ? zh : zh[..299], en.Length <= 300 ? en : en[..299], $"/rights-grants/{g.Id}", Now, NotificationKinds.RightsGrant));
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await WithEnglishTitleAsync(RightsGrantResponse.From(g, user), ct);
    }
}

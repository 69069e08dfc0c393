using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Organizations.Domain;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;

namespace TechTransfer.Organizations.Features;

/// <summary>
/// Use cases of the organisation registry (机构库), shared by the API and the pages. Who may do what:
/// anyone signed in reads the public fields; contacts are seen by the organisation itself and platform admins;
/// platform admins register organisations and set whose rules apply (jurisdiction, R0.2); an organisation's own
/// transfer-office or enterprise admin edits it. Every request is validated first (<see cref="OrganizationValidation"/>),
/// before the record is loaded.
/// </summary>
public sealed class OrganizationService(TechTransferDbContext db, ICurrentUser user, TimeProvider clock)
{
    private IQueryable<Organization> Organizations => db.Set<Organization>();

    /// <summary>
    /// The list's sort keys (each an indexed column): <c>nameZh</c> (the default), <c>createdAt</c>, <c>updatedAt</c>,
    /// <c>kind</c>, <c>division</c>; <c>desc=true</c> reverses a key.
    /// </summary>
    public static readonly ListSort<Organization> Sorts = new ListSort<Organization>(o => o.Id, "nameZh", false)
        .Key("nameZh", o => o.NameZh)
        .Key("createdAt", o => o.CreatedAt)
        .Key("updatedAt", o => o.UpdatedAt)
        .Key("kind", o => o.Kind)
        .Key("division", o => o.DivisionCode);

    public async Task<Result<PagedResult<OrganizationSummary>>> ListAsync(OrganizationListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<OrganizationSummary>>> ExportAsync(OrganizationListQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Summaries, ct);

    /// <summary>The public fields only: contacts never leave the organisation's own page.</summary>
    private static IQueryable<OrganizationSummary> Summaries(IQueryable<Organization> q) =>
        q.Select(o => new OrganizationSummary(o.Id, o.NameZh, o.NameEn, o.CreditCode, o.Kind, o.EntityNatureCode, o.CountryCode, o.DivisionCode, o.UpdatedAt));

    /// <summary>The registry's organisations matching the list's filters, and the same in the requested order (every field error at once).</summary>
    private Result<(IQueryable<Organization> Filtered, IQueryable<Organization> Sorted)> Filtered(OrganizationListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            var lower = term.ToLowerInvariant();
            var code = term.ToUpperInvariant();
            q = q.Where(o => o.NameZh.Contains(term) || (o.NameEn != null && o.NameEn.ToLower().Contains(lower)) || o.CreditCode == code);
        }
        if (query.Kind is { } kind) q = q.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.EntityNature)) q = q.Where(o => o.EntityNatureCode.StartsWith(query.EntityNature.TrimEnd('0')));
        if (!string.IsNullOrWhiteSpace(query.Division))
        {
            var d = query.Division.Trim();
            var prefix = d.EndsWith("0000") ? d[..2] : d.EndsWith("00") ? d[..4] : d;
            q = q.Where(o => o.DivisionCode != null && o.DivisionCode.StartsWith(prefix));
        }
        var sorted = Sorts.Apply(q, query.Sort, query.Desc);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    public async Task<Result<OrganizationResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var org = await Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return OrganizationErrors.NotFound;
        return OrganizationResponse.From(org, CanSeeContacts(org.Id), CanEdit(org.Id));
    }

    public async Task<Result<OrganizationResponse>> CreateAsync(OrganizationRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.PlatformAdmin)) return Error.Forbidden;
        if (OrganizationValidation.Check(request).ToError() is { } invalid) return invalid;

        var details = request.ToDetails();
        if (await CreditCodeTakenAsync(details.CreditCode, null, ct) is { } dup) return dup;
        var org = Organization.Register(details, clock.GetUtcNow(), request.Jurisdiction);
        db.Add(org);
        if (await SaveAsync(details.CreditCode, ct) is { } conflict) return conflict;
        return OrganizationResponse.From(org, true, true);
    }

    public async Task<Result<OrganizationResponse>> UpdateAsync(Guid id, OrganizationRequest request, CancellationToken ct)
    {
        if (!CanEdit(id)) return Error.Forbidden;
        var errors = OrganizationValidation.Check(request);
        if (request.Version is null) errors.AddFrom(OrganizationErrors.VersionRequired);
        if (errors.ToError() is { } invalid) return invalid;
        var org = await Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return OrganizationErrors.NotFound;
        if (request.Jurisdiction is { } j && j != org.Jurisdiction && !user.IsInRole(Roles.PlatformAdmin))
            return OrganizationErrors.JurisdictionAdminOnly;
        if (Error.StaleVersion(org.Version, request.Version) is { } stale) return stale;

        var details = request.ToDetails();
        if (await CreditCodeTakenAsync(details.CreditCode, id, ct) is { } dup) return dup;
        var now = clock.GetUtcNow();
        org.Update(details, now);
        if (request.Jurisdiction is { } jurisdiction) org.ChangeJurisdiction(jurisdiction, now);
        if (await SaveAsync(details.CreditCode, ct) is { } conflict) return conflict;
        return OrganizationResponse.From(org, true, true);
    }

    /// <summary>Platform administrators register organisations and set their jurisdiction.</summary>
    public bool IsPlatformAdmin => user.IsInRole(Roles.PlatformAdmin);

    public bool CanEdit(Guid organizationId) =>
        user.IsInRole(Roles.PlatformAdmin)
        || (user.BelongsTo(organizationId) && user.IsInAnyRole(Roles.InstitutionAdmin, Roles.Enterprise));

    private bool CanSeeContacts(Guid organizationId) => user.IsInRole(Roles.PlatformAdmin) || user.BelongsTo(organizationId);

    private async Task<Error?> CreditCodeTakenAsync(string? creditCode, Guid? self, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(creditCode)) return null;
        var code = UnifiedSocialCreditCode.Normalize(creditCode);
        var taken = await Organizations.AnyAsync(o => o.CreditCode == code && o.Id != self, ct);
        return taken ? OrganizationErrors.DuplicateCreditCode(code) : null;
    }

    /// <summary>Saves; a concurrent edit is the shared 409 (<see cref="TechTransferDbContext.SaveOrConflictAsync"/>).</summary>
    private async Task<Error?> SaveAsync(string? creditCode, CancellationToken ct)
    {
        try
        {
            return await db.SaveOrConflictAsync(ct);
        }
        catch (DbUpdateException) when (creditCode is not null)
        {
            // the unique index caught a concurrent registration of the same code
            db.ChangeTracker.Clear();
            return OrganizationErrors.DuplicateCreditCode(UnifiedSocialCreditCode.Normalize(creditCode));
        }
    }
}

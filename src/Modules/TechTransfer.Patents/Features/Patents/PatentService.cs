using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Domain.Import;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Patents.Features.Patents;

/// <summary>
/// Use cases of patent records (专利). Who may do what: people of the owning organisation and platform admins read;
/// the owning organisation's transfer office (InstitutionAdmin) registers, edits and imports. Another organisation's
/// patent is simply not found.
/// </summary>
public sealed class PatentService(PatentsDb data, ICurrentUser user, TimeProvider clock, PatentTermRules termRules,
    IOptions<OpenLicensingOptions> options, IReferenceCheck references)
{
    private TechTransferDbContext Db => data.Context;
    private IQueryable<Patent> Patents => Db.Set<Patent>();

    private bool IsPlatformAdmin => user.IsInRole(Roles.PlatformAdmin);
    private bool IsOfficeOf(Guid org) => user.BelongsTo(org) && user.IsInRole(Roles.InstitutionAdmin);
    private bool IsAnyOffice => user.OrganizationId is not null && user.IsInRole(Roles.InstitutionAdmin);

    /// <summary>
    /// The list's sort keys (each an indexed column): <c>applicationNo</c> (the default), <c>filingDate</c>,
    /// <c>expiryDate</c>, <c>feePaidUntil</c>, <c>title</c>; <c>desc=true</c> (or a <c>-</c> before the key) reverses a key.
    /// </summary>
    public static readonly ListSort<Patent> Sorts = new ListSort<Patent>(p => p.Id, "applicationNo", false)
        .Key("applicationNo", p => p.ApplicationNo)
        .Key("filingDate", p => p.FilingDate)
        .Key("expiryDate", p => p.ExpiryDate)
        .Key("feePaidUntil", p => p.AnnualFeePaidUntil)
        .Key("title", p => p.Title);

    public async Task<Result<PagedResult<PatentSummary>>> ListAsync(PatentListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        if (paging.Validate() is { Count: > 0 } pagingErrors) return Error.Validation(pagingErrors);
        return await Filtered(query).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<PatentSummary>>> ExportAsync(PatentListQuery query, CancellationToken ct) =>
        Filtered(query).ExportAsync(Summaries, ct);

    private static IQueryable<PatentSummary> Summaries(IQueryable<Patent> q) =>
        q.Select(p => new PatentSummary(p.Id, p.ApplicationNo, p.PublicationNo, p.Type, p.Title, p.TitleEn, p.PatenteeNames, p.FilingDate,
            p.GrantAnnouncementDate, p.ExpiryDate, p.LegalStatus, p.AnnualFeePaidUntil, p.IsSuspended, p.AchievementId));

    /// <summary>The caller's patents matching the list's filters, and the same in the requested order.</summary>
    private Result<(IQueryable<Patent> Filtered, IQueryable<Patent> Sorted)> Filtered(PatentListQuery query)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;

        if (!IsPlatformAdmin && user.OrganizationId is null) return Error.Forbidden;
        // the list is the organisation's own patent portfolio (every patent for platform administrators)
        var org = user.OrganizationId;
        var q = IsPlatformAdmin ? Patents.AsNoTracking() : Patents.AsNoTracking().Where(p => p.OwnerOrganizationId == org);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            var appNo = Patent.NormalizeApplicationNo(term);
            q = q.Where(p => p.Title.Contains(term) || p.PatenteeNames.Contains(term) || (p.PublicationNo != null && p.PublicationNo.Contains(term))
                             || (appNo.Length > 0 && p.ApplicationNo.Contains(appNo)) || (p.TitleEn != null && p.TitleEn.Contains(term)));
        }
        if (query.Type is { } type) q = q.Where(p => p.Type == type);
        if (query.Status is { } status) q = q.Where(p => p.LegalStatus == status);
        if (query.FeeDueBefore is { } due) q = q.Where(p => p.AnnualFeePaidUntil != null && p.AnnualFeePaidUntil < due);
        if (query.AchievementId is { } a) q = q.Where(p => p.AchievementId == a);

        var key = query.Sort?.Trim();
        var desc = query.Desc;
        if (key is not null && key.StartsWith('-')) { key = key[1..]; desc = true; }
        if (!Sorts.IsKnown(key)) return Error.Validation([PagingErrors.UnknownSort(Sorts.Keys, descendingPrefix: true)]);
        var sorted = Sorts.Apply(q, key, desc);
        if (sorted.IsFailure) return sorted.Error!;
        return (q, sorted.Value);
    }

    public async Task<Result<PatentResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var p = await FindReadableAsync(id, ct);
        if (p is null) return NotFound;
        var response = PatentResponse.From(p, await OpenLicenceInForceAsync(p.Id, ct), options.Value.AnnualFeeGraceMonths);
        return IsPlatformAdmin || user.BelongsTo(p.OwnerOrganizationId) ? response with { CanManage = IsPlatformAdmin || IsOfficeOf(p.OwnerOrganizationId) } : response.PublicRecord();
    }

    /// <summary>Registers a patent: role, then the body (every field error at once), then the achievement it names, then uniqueness.</summary>
    public async Task<Result<PatentResponse>> CreateAsync(PatentRequest request, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !IsOfficeOf(org)) return Error.Forbidden;
        var errors = new FieldErrors().AddRange(Patent.Validate(request.ToDetails()));
        if (errors.Any) return errors.ToError()!;
        if (request.AchievementId is { } achievementId
            && await references.CheckAsync("achievementId", RecordTypes.Achievement, achievementId, ct) is { } notVisible)
            return Error.Validation([notVisible]);
        var appNo = Patent.NormalizeApplicationNo(request.ApplicationNo);
        if (await Patents.AnyAsync(p => p.OwnerOrganizationId == org && p.ApplicationNo == appNo, ct)) return PatentErrors.DuplicateApplicationNo;
        var created = Patent.Register(org, request.ToDetails(), termRules, clock.GetUtcNow());
        if (created.IsFailure) return created.Error!;
        Db.Add(created.Value);
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return PatentResponse.From(created.Value, false, options.Value.AnnualFeeGraceMonths);
    }

    /// <summary>Edits the record's facts; the body names the <c>version</c> it read (stale → 409).</summary>
    public async Task<Result<PatentResponse>> UpdateAsync(Guid id, PatentRequest request, CancellationToken ct)
    {
        if (!IsAnyOffice) return Error.Forbidden;
        var errors = new FieldErrors().AddRange(Patent.Validate(request.ToDetails()));
        if (request.Version is null) errors.Add(PatentErrors.VersionRequired);
        if (errors.Any) return errors.ToError()!;
        var (p, error) = await FindManagedAsync(id, ct);
        if (error is not null) return error;
        if (Error.StaleVersion(p!.Version, request.Version) is { } stale) return stale;
        if (request.AchievementId is { } achievementId && achievementId != p.AchievementId
            && await references.CheckAsync("achievementId", RecordTypes.Achievement, achievementId, ct) is { } notVisible)
            return Error.Validation([notVisible]);
        var r = p.Update(request.ToDetails(), termRules, clock.GetUtcNow());
        if (r.IsFailure) return r.Error!;
        await LapseDeclarationsIfPatentEndedAsync(p, ct);
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return PatentResponse.From(p, await OpenLicenceInForceAsync(p.Id, ct), options.Value.AnnualFeeGraceMonths);
    }

    public Task<Result<PatentResponse>> ChangeLegalStatusAsync(Guid id, LegalStatusRequest r, CancellationToken ct) =>
        MutateAsync(id, r.Version, Patent.CheckLegalStatus(r.Status), async p =>
        {
            var result = p.ChangeLegalStatus(r.Status, clock.GetUtcNow());
            if (result.IsSuccess) await LapseDeclarationsIfPatentEndedAsync(p, ct);
            return result;
        }, ct);

    public Task<Result<PatentResponse>> RecordFeePaidAsync(Guid id, FeePaidRequest r, CancellationToken ct) =>
        MutateAsync(id, r.Version, Patent.CheckFeePaidUntil(r.PaidUntil), p => Task.FromResult(p.RecordAnnualFeePaidUntil(r.PaidUntil, clock.GetUtcNow())), ct);

    public Task<Result<PatentResponse>> AddPledgeAsync(Guid id, PledgeRequest r, CancellationToken ct) =>
        MutateAsync(id, r.Version, Patent.CheckPledge(r.Pledgee, r.RegisteredOn, r.SecuredAmountYuan),
            p => Task.FromResult(ToResult(p.AddPledge(r.Pledgee, r.RegisteredOn, r.SecuredAmountYuan, clock.GetUtcNow()))), ct);

    public Task<Result<PatentResponse>> ReleasePledgeAsync(Guid id, Guid pledgeId, PledgeReleaseRequest r, CancellationToken ct) =>
        MutateAsync(id, r.Version, Patent.CheckPledgeRelease(r.ReleasedOn), p => Task.FromResult(p.ReleasePledge(pledgeId, r.ReleasedOn, clock.GetUtcNow())), ct);

    public Task<Result<PatentResponse>> SuspendAsync(Guid id, SuspensionRequest r, CancellationToken ct) =>
        MutateAsync(id, r.Version, Patent.CheckSuspension(r.Reason), p => Task.FromResult(p.Suspend(r.Reason, clock.GetUtcNow())), ct);

    public Task<Result<PatentResponse>> LiftSuspensionAsync(Guid id, int? version, CancellationToken ct) =>
        MutateAsync(id, version, [], p => { p.LiftSuspension(clock.GetUtcNow()); return Task.FromResult(Result.Success()); }, ct);

    /// <summary>Records an existing licence; R3.10 refuses exclusive/sole while an open licence is in force.</summary>
    public Task<Result<PatentResponse>> RecordLicenceAsync(Guid id, LicenceRequest r, CancellationToken ct) =>
        MutateAsync(id, r.Version, Patent.CheckLicence(r.Licensee, r.Scope, r.StartDate, r.EndDate), async p =>
        {
            var inForce = await OpenLicenceInForceAsync(p.Id, ct);
            return ToResult(p.RecordLicence(r.Licensee, r.Scope, r.StartDate, r.EndDate, inForce, clock.GetUtcNow()));
        }, ct);

    /// <summary>
    /// R3.15–R3.16: prices one annual fee. The body is checked first; a <c>patentId</c> must name a patent the caller may
    /// see (else 422 <c>reference.not_found</c>), and then "active" is read from its declarations.
    /// </summary>
    public async Task<Result<AnnualFeeQuote>> QuoteAnnualFeeAsync(AnnualFeeQuoteRequest r, CancellationToken ct)
    {
        var query = new AnnualFeeQuery(r.FullFeeYuan, r.DueDate, r.PaymentDate, r.OpenLicenceActive ?? false, r.OtherReductions);
        if (AnnualFeeCalculator.Check(query) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (r.PatentId is { } pid)
        {
            if (await references.CheckAsync("patentId", RecordTypes.Patent, pid, ct) is { } notVisible) return Error.Validation([notVisible]);
            var due = r.DueDate;
            var active = r.OpenLicenceActive ?? await Db.Set<OpenLicenseDeclaration>().AnyAsync(d => d.PatentId == pid && d.AnnouncementDate != null
                && d.AnnouncementDate <= due
                && (d.WithdrawalAnnouncementDate == null || d.WithdrawalAnnouncementDate > due)
                && (d.LapsedOn == null || d.LapsedOn > due), ct);
            query = query with { OpenLicenceActiveOnDueDate = active };
        }
        return AnnualFeeCalculator.Quote(query, options.Value);
    }

    /// <summary>Parses and applies an import file for the caller's organisation (transfer office only).</summary>
    public async Task<Result<PatentImportResponse>> ImportAsync(Stream file, string fileName, bool skipInvalid,
        IProgress<PatentImportProgress>? progress, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !IsOfficeOf(org)) return Error.Forbidden;
        return await ImportForAsync(org, file, fileName, skipInvalid, progress, ct);
    }

    /// <summary>Import for a given organisation, for the admin tool (`tt patent import`).</summary>
    public async Task<Result<PatentImportResponse>> ImportForAsync(Guid org, Stream file, string fileName, bool skipInvalid,
        IProgress<PatentImportProgress>? progress, CancellationToken ct)
    {
        var parsed = PatentImportFileReader.Read(file, fileName);
        if (parsed.IsFailure) return parsed.Error!;
        var numbers = parsed.Value.Rows.Where(r => r.Details is not null).Select(r => Patent.NormalizeApplicationNo(r.Details!.ApplicationNo)).ToList();
        var existing = new Dictionary<string, Patent>();
        foreach (var chunk in numbers.Chunk(500))
            foreach (var p in await Patents.Where(p => p.OwnerOrganizationId == org && chunk.Contains(p.ApplicationNo)).ToListAsync(ct))
                existing[p.ApplicationNo] = p;
        var outcome = PatentImporter.Apply(parsed.Value, org, existing, skipInvalid, termRules, clock.GetUtcNow(), p => Db.Add(p), progress);
        if (outcome.IsFailure) return outcome.Error!;
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        var o = outcome.Value;
        return new PatentImportResponse(o.Created, o.Updated, o.Skipped, parsed.Value.Rows.Count, o.Errors);
    }

    /// <summary>
    /// The one path of an action on a patent: the office role, then the body (<paramref name="bodyErrors"/>, all at once,
    /// before the record is loaded), then the record (404 / 403), then the version it read (stale → 409), then the
    /// domain, then one save (a concurrent save → 409).
    /// </summary>
    private async Task<Result<PatentResponse>> MutateAsync(Guid id, int? version, IReadOnlyList<FieldError> bodyErrors,
        Func<Patent, Task<Result>> change, CancellationToken ct)
    {
        if (!IsAnyOffice) return Error.Forbidden;
        if (bodyErrors.Count > 0) return Error.Validation(bodyErrors);
        var (p, error) = await FindManagedAsync(id, ct);
        if (error is not null) return error;
        if (Error.StaleVersion(p!.Version, version) is { } stale) return stale;
        var r = await change(p);
        if (r.IsFailure) return r.Error!;
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return PatentResponse.From(p, await OpenLicenceInForceAsync(p.Id, ct), options.Value.AnnualFeeGraceMonths);
    }

    private static Result ToResult<T>(Result<T> r) => r.IsFailure ? Result.Failure(r.Error!) : Result.Success();

    /// <summary>Spec §3.3: Active → Lapsed when the patent terminates, is invalidated or its term ends; the parties are told.</summary>
    private async Task LapseDeclarationsIfPatentEndedAsync(Patent p, CancellationToken ct)
    {
        var reason = OpenLicenseDeclaration.LapseReasonFor(p.LegalStatus);
        if (reason is null) return;
        var now = clock.GetUtcNow();
        var today = BusinessTime.DateOf(now);
        var inForce = await Db.Set<OpenLicenseDeclaration>()
            .Where(d => d.PatentId == p.Id && (d.Status == OpenLicenseStatus.Active || d.Status == OpenLicenseStatus.WithdrawalSubmitted)).ToListAsync(ct);
        foreach (var d in inForce)
            if (d.Lapse(reason.Value, today).IsSuccess) LapseNotices.DeclarationLapsed(Db, d, now);
    }

    internal Task<bool> OpenLicenceInForceAsync(Guid patentId, CancellationToken ct) =>
        Db.Set<OpenLicenseDeclaration>().AnyAsync(d => d.PatentId == patentId
            && (d.Status == OpenLicenseStatus.Active || d.Status == OpenLicenseStatus.WithdrawalSubmitted), ct);

    /// <summary>The one visibility rule of patents: the owning organisation's people and platform administrators.</summary>
    /// <summary>
    /// The one visibility rule of patents: a granted patent is public (its grant was announced, 专利法第三十九条) and readable
    /// by every signed-in user as its public record (<see cref="PatentResponse.PublicRecord"/>); a patent not yet granted is
    /// seen by its owner organisation only; platform administrators see all. Search documents use the same rule
    /// (<c>PatentSearchSource</c>: public once granted), and so does the reference resolver.
    /// </summary>
    internal static IQueryable<Patent> VisibleTo(IQueryable<Patent> patents, ICurrentUser caller)
    {
        if (caller.IsInRole(Roles.PlatformAdmin)) return patents;
        if (!caller.IsAuthenticated) return patents.Where(_ => false);
        var org = caller.OrganizationId;
        return patents.Where(p => p.GrantAnnouncementDate != null || (org != null && p.OwnerOrganizationId == org));
    }

    private Task<Patent?> FindReadableAsync(Guid id, CancellationToken ct) =>
        VisibleTo(Patents, user).SingleOrDefaultAsync(x => x.Id == id, ct);

    private async Task<(Patent?, Error?)> FindManagedAsync(Guid id, CancellationToken ct)
    {
        var p = await FindReadableAsync(id, ct);
        if (p is null) return (null, NotFound);
        if (!IsOfficeOf(p.OwnerOrganizationId)) return (null, Error.Forbidden);
        return (p, null);
    }

    private static Error NotFound => Error.NotFound("patent", "专利");
}

/// <summary>The data context the module works with (the platform's one unit of work), so services do not name the host's type.</summary>
public sealed class PatentsDb(TechTransferDbContext context)
{
    public TechTransferDbContext Context { get; } = context;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Features.Patents;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;

namespace TechTransfer.Patents.Features.OpenLicenses;

/// <summary>
/// Use cases of patent open licensing (专利开放许可, spec §3). Announced declarations are public; drafts and submissions
/// are seen by the patentee's organisation only. Only the patentee's transfer office declares, submits, records
/// announcements and withdraws; any other organisation (enterprise or institution) takes a licence.
/// </summary>
public sealed class OpenLicenseService(PatentsDb data, ICurrentUser user, TimeProvider clock, IOptions<OpenLicensingOptions> options,
    IReferenceCheck references)
{
    private TechTransferDbContext Db => data.Context;
    private IQueryable<OpenLicenseDeclaration> Declarations => Db.Set<OpenLicenseDeclaration>();
    private DateOnly Today => clock.Today();
    private bool IsPlatformAdmin => user.IsInRole(Roles.PlatformAdmin);
    private bool IsOfficeOf(Guid org) => user.BelongsTo(org) && user.IsInRole(Roles.InstitutionAdmin);
    private bool IsAnyOffice => user.OrganizationId is not null && user.IsInRole(Roles.InstitutionAdmin);

    private static readonly OpenLicenseStatus[] PublicStatuses =
        [OpenLicenseStatus.Active, OpenLicenseStatus.WithdrawalSubmitted, OpenLicenseStatus.Withdrawn, OpenLicenseStatus.Lapsed];

    /// <summary>The open-licence lists' sort keys (default: the latest announcement first).</summary>
    public static readonly ListSort<OpenLicenseDeclaration> Sorts = new ListSort<OpenLicenseDeclaration>(d => d.Id, "announcementDate", true)
        .Key("announcementDate", d => d.AnnouncementDate)
        .Key("patentNo", d => d.PatentNo)
        .Key("patentTitle", d => d.PatentTitle)
        .Key("termEnd", d => d.LicenseTermEnd);

    public async Task<Result<PagedResult<OpenLicenseSummary>>> ListAsync(OpenLicenseListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<OpenLicenseSummary>>> ExportAsync(OpenLicenseListQuery query, CancellationToken ct) =>
        Filtered(query, []).ExportAsync(Summaries, ct);

    private IQueryable<OpenLicenseSummary> Summaries(IQueryable<OpenLicenseDeclaration> q) =>
        q.Select(d => new OpenLicenseSummary(d.Id, d.PatentId, d.PatentNo, d.PatentTitle, d.PatentType, d.PatenteeNames, d.PaymentMode,
            d.FixedFeeYuan, d.InitialPaymentYuan, d.RoyaltyRatePercent, d.RoyaltyBase, d.LicenseTermStart, d.LicenseTermEnd, d.Status,
            d.AnnouncementNo, d.AnnouncementDate, Db.Set<Patent>().Where(p => p.Id == d.PatentId).Select(p => p.TitleEn).FirstOrDefault()));

    /// <summary>
    /// The declarations the caller may see matching the filters, and the same in the requested order (every field error at
    /// once): the public catalogue (announced and ended ones, plus the caller's own), the patentee's own (<c>mine</c>) or the
    /// ones the caller's organisation holds a licence under (<c>licensed</c>).
    /// </summary>
    private Result<(IQueryable<OpenLicenseDeclaration> Filtered, IQueryable<OpenLicenseDeclaration> Sorted)> Filtered(OpenLicenseListQuery query,
        IReadOnlyList<FieldError> pagingErrors)
    {
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = Declarations.AsNoTracking();
        var org = user.OrganizationId;
        if (query.Mine)
        {
            if (org is null) return Error.Forbidden;
            q = q.Where(d => d.PatenteeOrganizationId == org);
        }
        else if (query.Licensed)
        {
            if (org is null) return Error.Forbidden;
            q = q.Where(d => d.Grants.Any(g => g.LicenseeOrganizationId == org));
        }
        else if (!IsPlatformAdmin)
        {
            q = q.Where(d => d.Status == OpenLicenseStatus.Active || d.Status == OpenLicenseStatus.WithdrawalSubmitted
                             || d.Status == OpenLicenseStatus.Withdrawn || d.Status == OpenLicenseStatus.Lapsed
                             || (org != null && d.PatenteeOrganizationId == org));
        }
        if (query.Status is { } s) q = q.Where(d => d.Status == s);
        if (query.PatentType is { } t) q = q.Where(d => d.PatentType == t);
        if (query.PaymentMode is { } m) q = q.Where(d => d.PaymentMode == m);
        if (query.OrganizationId is { } patentee) q = q.Where(d => d.PatenteeOrganizationId == patentee);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(d => d.PatentTitle.Contains(term) || d.PatenteeNames.Contains(term) || d.PatentNo.Contains(term)
                             || (d.OtherTerms != null && d.OtherTerms.Contains(term)));
        }
        q = q.Between(d => d.AnnouncementDate, query.From, query.To, errors);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    public async Task<Result<OpenLicenseResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var d = await FindVisibleAsync(id, ct);
        if (d is null) return NotFound;
        var titleEn = await Db.Set<Patent>().AsNoTracking().Where(p => p.Id == d.PatentId).Select(p => p.TitleEn).FirstOrDefaultAsync(ct);
        return Respond(d) with { PatentTitleEn = string.IsNullOrWhiteSpace(titleEn) ? null : titleEn.Trim() };
    }

    /// <summary>
    /// Drafts a declaration. Only the patentee's transfer office may declare: the role, then the body, then the patent it
    /// names (a patent the caller may not see is 422 <c>reference.not_found</c>, whether it does not exist or is another's).
    /// </summary>
    public async Task<Result<OpenLicenseResponse>> CreateAsync(OpenLicenseRequest request, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !user.IsInRole(Roles.InstitutionAdmin)) return Error.Forbidden;
        var errors = new FieldErrors().AddRange(OpenLicenseDeclaration.ValidateForm(request.ToTerms()));
        if (request.PatentId == Guid.Empty) errors.Add(PatentErrors.Required("patentId"));
        if (errors.Any) return errors.ToError()!;
        if (await references.CheckAsync("patentId", RecordTypes.Patent, request.PatentId, ct) is { } notVisible) return Error.Validation([notVisible]);
        var patent = await Db.Set<Patent>().SingleAsync(p => p.Id == request.PatentId, ct);
        var created = OpenLicenseDeclaration.Draft(patent, org, request.ToTerms(), clock.GetUtcNow());
        if (created.IsFailure) return created.Error!;
        if (await Declarations.AnyAsync(d => d.PatentId == patent.Id && OpenLicenseDeclaration.HoldingStatuses.Contains(d.Status), ct))
            return OpenLicenseErrors.AlreadyDeclared;
        Db.Add(created.Value);
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return Respond(created.Value);
    }

    /// <summary>
    /// The patent picker of the declaration form: the patents of the caller's organisation, each with its eligibility for
    /// open licensing today (<see cref="OpenLicenceEligibility"/>, the rule the submission checks use), eligible ones first.
    /// </summary>
    public async Task<Result<IReadOnlyList<PatentChoice>>> PatentChoicesAsync(CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !user.IsInRole(Roles.InstitutionAdmin)) return Error.Forbidden;
        var patents = await Db.Set<Patent>().AsNoTracking().Where(p => p.OwnerOrganizationId == org)
            .OrderBy(p => p.ApplicationNo).Take(MaxChoices).ToListAsync(ct);
        var ids = patents.Select(p => p.Id).ToList();
        var declared = (await Declarations.AsNoTracking()
            .Where(d => ids.Contains(d.PatentId) && OpenLicenseDeclaration.HoldingStatuses.Contains(d.Status))
            .Select(d => d.PatentId).ToListAsync(ct)).ToHashSet();
        var today = Today;
        var choices = patents.Select(p => PatentChoice.From(p, OpenLicenceEligibility.Of(p, declared.Contains(p.Id), today)))
            .OrderBy(c => c.Eligible ? 0 : 1).ThenBy(c => c.ApplicationNo, StringComparer.Ordinal).ToList();
        return Result<IReadOnlyList<PatentChoice>>.Success(choices);
    }

    /// <summary>How many patents the picker lists (an office with more types the application number in the search box).</summary>
    private const int MaxChoices = 500;

    /// <summary>
    /// Deletes a draft (never submitted): the patentee's office only; the version it read is required (<c>?version=</c>).
    /// The save interceptor audits the deletion.
    /// </summary>
    public async Task<Result> DeleteAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!IsAnyOffice) return OpenLicenseErrors.NotPatentee;
        if (version is null) return Error.Validation([PatentErrors.VersionRequired]);
        var (d, error) = await FindManagedAsync(id, version, ct);
        if (error is not null) return error;
        if (d!.CanDelete(user.OrganizationId!.Value) is { IsFailure: true } refused) return refused.Error!;
        Db.Remove(d);
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return Result.Success();
    }

    /// <summary>Revises a draft; the body names the <c>version</c> it read (stale → 409) and may not move it to another patent.</summary>
    public async Task<Result<OpenLicenseResponse>> ReviseAsync(Guid id, OpenLicenseRequest request, CancellationToken ct)
    {
        if (!IsAnyOffice) return OpenLicenseErrors.NotPatentee;
        var errors = new FieldErrors().AddRange(OpenLicenseDeclaration.ValidateForm(request.ToTerms()));
        if (request.Version is null) errors.Add(PatentErrors.VersionRequired);
        if (errors.Any) return errors.ToError()!;
        var (d, error) = await FindManagedAsync(id, request.Version, ct);
        if (error is not null) return error;
        if (request.PatentId != Guid.Empty && request.PatentId != d!.PatentId) return OpenLicenseErrors.WrongPatent;
        var patent = await Db.Set<Patent>().SingleAsync(p => p.Id == d!.PatentId, ct);
        var r = d!.Revise(patent, user.OrganizationId!.Value, request.ToTerms());
        if (r.IsFailure) return r.Error!;
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return Respond(d);
    }

    /// <summary>Draft → Submitted, after every §3.2 check (R3.1–R3.8); R3.9 warnings come back in the response.</summary>
    public async Task<Result<OpenLicenseResponse>> SubmitAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!IsAnyOffice) return OpenLicenseErrors.NotPatentee;
        var (d, error) = await FindManagedAsync(id, version, ct);
        if (error is not null) return error;
        var patent = await Db.Set<Patent>().SingleAsync(p => p.Id == d!.PatentId, ct);
        var r = d!.Submit(patent, user.OrganizationId!.Value, options.Value, clock.GetUtcNow());
        if (r.IsFailure) return r.Error!;
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return Respond(d, r.Value);
    }

    public Task<Result<OpenLicenseResponse>> AnnounceAsync(Guid id, AnnouncementRequest r, CancellationToken ct) =>
        ManageAsync(id, r.Version, OpenLicenseDeclaration.CheckAnnouncement(r.AnnouncementNo, r.AnnouncementDate),
            d => d.Announce(r.AnnouncementNo, r.AnnouncementDate), ct);

    /// <summary>
    /// Active → WithdrawalSubmitted; a draft or an unannounced submission → Retracted. Another organisation gets 404
    /// (drafts) or 403 (public declarations).
    /// </summary>
    public Task<Result<OpenLicenseResponse>> WithdrawAsync(Guid id, int? version, CancellationToken ct) =>
        ManageAsync(id, version, [], d => d.RequestWithdrawal(user.OrganizationId!.Value, clock.GetUtcNow()), ct);

    public Task<Result<OpenLicenseResponse>> AnnounceWithdrawalAsync(Guid id, AnnouncementRequest r, CancellationToken ct) =>
        ManageAsync(id, r.Version, OpenLicenseDeclaration.CheckAnnouncement(r.AnnouncementNo, r.AnnouncementDate),
            d => d.AnnounceWithdrawal(r.AnnouncementNo, r.AnnouncementDate), ct);

    /// <summary>Records a lapse the office learnt of (patent terminated, invalidated, term ended); the licensees are told.</summary>
    public Task<Result<OpenLicenseResponse>> LapseAsync(Guid id, LapseRequest r, CancellationToken ct) =>
        ManageAsync(id, r.Version, OpenLicenseDeclaration.CheckLapse(r.Reason, r.On), d =>
        {
            var lapsed = d.Lapse(r.Reason, r.On);
            if (lapsed.IsSuccess) LapseNotices.DeclarationLapsed(Db, d, clock.GetUtcNow());
            return lapsed;
        }, ct);

    /// <summary>An organisation takes the licence by recording its written notice (R3.12); the body is checked first.</summary>
    public async Task<Result<GrantDto>> TakeLicenceAsync(Guid id, TakeLicenceRequest r, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !user.IsInAnyRole(Roles.Enterprise, Roles.InstitutionAdmin)) return Error.Forbidden;
        if (OpenLicenseDeclaration.CheckTakeLicence(r.LicenseeName, r.WrittenNoticeRef, r.NoticeDate, Today) is { Count: > 0 } invalid)
            return Error.Validation(invalid);
        var d = await FindVisibleAsync(id, ct);
        if (d is null) return NotFound;
        if (Error.StaleVersion(d.Version, r.Version) is { } stale) return stale;
        var grant = d.TakeLicence(org, r.LicenseeName, r.WrittenNoticeRef, r.NoticeDate, clock.GetUtcNow());
        if (grant.IsFailure) return grant.Error!;
        Db.Add(TechTransfer.Data.Notifications.Notification.ToOrganization(d.PatenteeOrganizationId, Roles.InstitutionAdmin,
            Fit($"{r.LicenseeName} 书面通知取得开放许可：{d.PatentTitle}（{d.PatentNo}）"),
            Fit($"{r.LicenseeName} gave written notice to take the open licence: {d.PatentTitle} ({d.PatentNo})"),
            $"/open-licenses/{d.Id}", clock.GetUtcNow(), TechTransfer.Data.Notifications.NotificationKinds.PatentRights));
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return GrantDto.From(grant.Value, Today);
    }

    /// <summary>Records the payment; when the grant becomes effective it is also recorded as an ordinary licence on the patent.</summary>
    public async Task<Result<GrantDto>> RecordPaymentAsync(Guid id, Guid grantId, PaymentRequest r, CancellationToken ct)
    {
        if (user.OrganizationId is null) return Error.Forbidden;
        if (OpenLicenseDeclaration.CheckPayment(r.AmountYuan, r.PaymentRef, r.PaidOn, Today) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var (d, error) = await FindPartyAsync(id, r.Version, ct);
        if (error is not null) return error;
        var grant = d!.RecordPayment(grantId, user.OrganizationId!.Value, r.AmountYuan, r.PaymentRef, r.PaidOn, options.Value, clock.GetUtcNow());
        if (grant.IsFailure) return grant.Error!;
        var g = grant.Value;
        var patent = await Db.Set<Patent>().SingleAsync(p => p.Id == d.PatentId, ct);
        var licence = patent.RecordLicence(g.LicenseeName, LicenseScope.NonExclusive, g.EffectiveOn!.Value, g.ValidUntil, true, clock.GetUtcNow(), g.Id);
        if (licence.IsFailure) return licence.Error!;
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return GrantDto.From(g, Today);
    }

    public Task<Result<GrantDto>> RecordFilingAsync(Guid id, Guid grantId, FilingRequest r, CancellationToken ct) =>
        PartyAsync(id, grantId, r.Version, OpenLicenseDeclaration.CheckFiling(r.ProofRef, r.FiledOn, Today),
            d => d.RecordFiling(grantId, user.OrganizationId!.Value, r.ProofRef, r.FiledOn, clock.GetUtcNow()), ct);

    public Task<Result<GrantDto>> OpenDisputeAsync(Guid id, Guid grantId, DisputeRequest r, CancellationToken ct) =>
        PartyAsync(id, grantId, r.Version, OpenLicenseDeclaration.CheckDispute(r.Channel, r.Summary), d =>
        {
            var x = d.OpenDispute(grantId, user.OrganizationId!.Value, r.Channel, r.Summary, clock.GetUtcNow());
            return x.IsFailure ? Result.Failure(x.Error!) : Result.Success();
        }, ct);

    public Task<Result<GrantDto>> ResolveDisputeAsync(Guid id, Guid grantId, Guid disputeId, DisputeResolutionRequest r, CancellationToken ct) =>
        PartyAsync(id, grantId, r.Version, OpenLicenseDeclaration.CheckResolution(r.Outcome),
            d => d.ResolveDispute(grantId, disputeId, user.OrganizationId!.Value, r.Outcome, clock.GetUtcNow()), ct);

    public async Task<Result<IReadOnlyList<GrantDto>>> ListGrantsAsync(Guid id, CancellationToken ct)
    {
        var d = await FindVisibleAsync(id, ct);
        if (d is null) return NotFound;
        var resp = Respond(d);
        return Result<IReadOnlyList<GrantDto>>.Success(resp.Grants);
    }

    /// <summary>R3.13: filing tasks of grants the caller's organisation is party to (as patentee or licensee).</summary>
    public async Task<Result<IReadOnlyList<FilingTaskItem>>> ListFilingTasksAsync(bool openOnly, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org) return Error.Forbidden;
        var declarations = await Declarations.AsNoTracking()
            .Where(d => d.PatenteeOrganizationId == org || d.Grants.Any(g => g.LicenseeOrganizationId == org)).ToListAsync(ct);
        var today = Today;
        var items = declarations
            .SelectMany(d => d.Grants.Where(g => g.Filing is not null && (d.PatenteeOrganizationId == org || g.LicenseeOrganizationId == org))
                .Select(g => new FilingTaskItem(d.Id, g.Id, d.PatentNo, d.PatentTitle, g.LicenseeName, d.PatenteeOrganizationId == org,
                    g.EffectiveOn, g.Filing!.DueOn, g.Filing.FiledOn, g.Filing.IsOverdue(today))))
            .Where(t => !openOnly || t.FiledOn is null)
            .OrderBy(t => t.DueOn).ToList();
        return Result<IReadOnlyList<FilingTaskItem>>.Success(items);
    }

    /// <summary>A grant action by a party: the body first, then the record and the version it read, then the domain, then one save.</summary>
    private async Task<Result<GrantDto>> PartyAsync(Guid id, Guid grantId, int? version, IReadOnlyList<FieldError> bodyErrors,
        Func<OpenLicenseDeclaration, Result> change, CancellationToken ct)
    {
        if (user.OrganizationId is null) return Error.Forbidden;
        if (bodyErrors.Count > 0) return Error.Validation(bodyErrors);
        var (d, error) = await FindPartyAsync(id, version, ct);
        if (error is not null) return error;
        var r = change(d!);
        if (r.IsFailure) return r.Error!;
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return GrantDto.From(d!.Grants.Single(g => g.Id == grantId), Today);
    }

    /// <summary>A declaration action by the patentee's office: the role, the body, the record and the version it read, the domain, one save.</summary>
    private async Task<Result<OpenLicenseResponse>> ManageAsync(Guid id, int? version, IReadOnlyList<FieldError> bodyErrors,
        Func<OpenLicenseDeclaration, Result> change, CancellationToken ct)
    {
        if (!IsAnyOffice) return OpenLicenseErrors.NotPatentee;
        if (bodyErrors.Count > 0) return Error.Validation(bodyErrors);
        var (d, error) = await FindManagedAsync(id, version, ct);
        if (error is not null) return error;
        var r = change(d!);
        if (r.IsFailure) return r.Error!;
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return Respond(d!);
    }

    private OpenLicenseResponse Respond(OpenLicenseDeclaration d, IReadOnlyList<OpenLicenseWarning>? warnings = null)
    {
        var canManage = IsOfficeOf(d.PatenteeOrganizationId);
        return OpenLicenseResponse.From(d, canManage || IsPlatformAdmin, user.OrganizationId, Today, warnings ?? (canManage ? d.Warnings(options.Value) : []));
    }

    private Task<OpenLicenseDeclaration?> FindVisibleAsync(Guid id, CancellationToken ct) =>
        VisibleTo(Declarations, user).SingleOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>
    /// The declarations a caller may see, in SQL: announced ones (public), and every one of the caller's own organisation
    /// (the patentee) or, for platform administrators, all. The reference resolver uses the same rule.
    /// </summary>
    internal static IQueryable<OpenLicenseDeclaration> VisibleTo(IQueryable<OpenLicenseDeclaration> declarations, ICurrentUser caller)
    {
        if (caller.IsInRole(Roles.PlatformAdmin)) return declarations;
        var org = caller.OrganizationId;
        return declarations.Where(d => PublicStatuses.Contains(d.Status) || (org != null && d.PatenteeOrganizationId == org));
    }

    /// <summary>
    /// The patentee's transfer office only: 404 when the caller cannot see it, 403 when it can but may not manage, 409 when
    /// the version it read is stale.
    /// </summary>
    private async Task<(OpenLicenseDeclaration?, Error?)> FindManagedAsync(Guid id, int? version, CancellationToken ct)
    {
        var d = await FindVisibleAsync(id, ct);
        if (d is null) return (null, NotFound);
        if (!IsOfficeOf(d.PatenteeOrganizationId)) return (null, OpenLicenseErrors.NotPatentee);
        if (Error.StaleVersion(d.Version, version) is { } stale) return (null, stale);
        return (d, null);
    }

    private async Task<(OpenLicenseDeclaration?, Error?)> FindPartyAsync(Guid id, int? version, CancellationToken ct)
    {
        if (user.OrganizationId is null) return (null, Error.Forbidden);
        var d = await FindVisibleAsync(id, ct);
        if (d is null) return (null, NotFound);
        if (Error.StaleVersion(d.Version, version) is { } stale) return (null, stale);
        return (d, null);
    }

    private static Error NotFound => Error.NotFound("open_license", "开放许可声明");

    private static string Fit(string text) => text.Length <= 300 ? text : text[..299] + "…";
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Features.Patents;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel.Organizations;
using TechTransfer.SharedKernel.Achievements;

namespace TechTransfer.Patents.Features.Custody;

/// <summary>
/// Use cases of technology custody (技术托管). The owner's transfer office creates, renews and terminates; the operator
/// (a transfer institution or office: InstitutionAdmin or TechManager of that organisation) accepts and operates within
/// the mandate. Both parties see the agreement; nobody else does.
/// </summary>
public sealed class CustodyService(PatentsDb data, ICurrentUser user, TimeProvider clock, IOrganizationDirectory organizations,
    IReferenceCheck references, IAchievementFactsLookup achievements)
{
    private TechTransferDbContext Db => data.Context;
    private IQueryable<CustodyAgreement> Agreements => Db.Set<CustodyAgreement>();
    private DateOnly Today => clock.Today();
    private bool IsPlatformAdmin => user.IsInRole(Roles.PlatformAdmin);
    private bool IsOfficeOf(Guid org) => user.BelongsTo(org) && user.IsInRole(Roles.InstitutionAdmin);
    private bool IsOperatorStaffOf(Guid org) => user.BelongsTo(org) && user.IsInAnyRole(Roles.InstitutionAdmin, Roles.TechManager);

    /// <summary>The custody list's sort keys (default: the mandate ending first).</summary>
    public static readonly ListSort<CustodyAgreement> Sorts = new ListSort<CustodyAgreement>(a => a.Id, "termEnd", false)
        .Key("termEnd", a => a.TermEnd)
        .Key("agreementNo", a => a.AgreementNo)
        .Key("subjectTitle", a => a.SubjectTitle)
        .Key("priceFloor", a => a.PriceFloorYuan);

    public async Task<Result<PagedResult<CustodySummary>>> ListAsync(CustodyListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var page = await Filtered(query, paging.Validate()).PageAsync(paging, Summaries, ct);
        return page.IsFailure ? page : page.Value with { Items = await WithEnglishTitlesAsync(page.Value.Items, ct) };
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public async Task<Result<IReadOnlyList<CustodySummary>>> ExportAsync(CustodyListQuery query, CancellationToken ct)
    {
        var rows = await Filtered(query, []).ExportAsync(Summaries, ct);
        return rows.IsFailure ? rows : Result<IReadOnlyList<CustodySummary>>.Success(await WithEnglishTitlesAsync(rows.Value, ct));
    }

    /// <summary>The rows with their status as shown today (a mandate past its end shows as expired): shaped in memory.</summary>
    private IReadOnlyList<CustodySummary> Summaries(IReadOnlyList<CustodyAgreement> rows) =>
        rows.Select(a => new CustodySummary(a.Id, a.AgreementNo, a.OwnerOrganizationId, a.OperatorOrganizationId, a.OperatorName,
            a.SubjectType, a.SubjectId, a.SubjectTitle, a.PriceFloorYuan, a.TermStart, a.TermEnd, a.Status, a.DisplayStatus(Today))).ToList();

    private async Task<IReadOnlyList<CustodySummary>> WithEnglishTitlesAsync(IReadOnlyList<CustodySummary> items, CancellationToken ct)
    {
        var titlesEn = await SubjectTitlesEnAsync(items.Select(i => (i.SubjectType, i.SubjectId)).ToList(), ct);
        return items.Select(i => i with { SubjectTitleEn = titlesEn.GetValueOrDefault(i.SubjectId) }).ToList();
    }

    /// <summary>The agreements the caller is a party to (every one for a platform admin) matching the filters, and the same in the
    /// requested order (every field error at once).</summary>
    private Result<(IQueryable<CustodyAgreement> Filtered, IQueryable<CustodyAgreement> Sorted)> Filtered(CustodyListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = Agreements.AsNoTracking();
        if (!IsPlatformAdmin)
        {
            if (user.OrganizationId is not { } org) return Error.Forbidden;
            q = query.Role?.ToLowerInvariant() switch
            {
                "owner" => q.Where(a => a.OwnerOrganizationId == org),
                "operator" => q.Where(a => a.OperatorOrganizationId == org),
                _ => q.Where(a => a.OwnerOrganizationId == org || a.OperatorOrganizationId == org),
            };
        }
        if (query.OrganizationId is { } party) q = q.Where(a => a.OwnerOrganizationId == party || a.OperatorOrganizationId == party);
        if (query.Status is { } s) q = q.Where(a => a.Status == s);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(a => a.SubjectTitle.Contains(term) || a.AgreementNo.Contains(term) || a.OperatorName.Contains(term));
        }
        q = q.Between(a => a.TermEnd, query.From, query.To, errors);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    public async Task<Result<CustodyAgreementResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var a = await FindVisibleAsync(id, ct);
        return a is null ? NotFound : await RespondAsync(a, ct);
    }

    /// <summary>
    /// The owner's transfer office puts a patent or an achievement into custody. Order: the role; the body, every field
    /// error at once; then every id it names — the subject, the operator and the beneficiaries' organisations — each of
    /// which must exist and be visible to the caller (else 422 <c>reference.not_found</c>); then the operator's eligibility.
    /// </summary>
    public async Task<Result<CustodyAgreementResponse>> CreateAsync(CustodyAgreementRequest r, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !IsOfficeOf(org)) return Error.Forbidden;
        var mandate = new CustodyMandate(r.AllowedDealTypes ?? [], r.PriceFloorYuan, r.TermStart, r.TermEnd);
        var beneficiaries = r.Beneficiaries ?? [];
        var errors = new FieldErrors().AddRange(CustodyAgreement.Check(org, r.AgreementNo, r.SubjectType, r.SubjectId, r.SubjectTitle,
            r.OperatorOrganizationId, r.OperatorName, mandate, beneficiaries));
        if (errors.Any) return errors.ToError()!;

        var subjectType = r.SubjectType == CustodySubjectType.Patent ? RecordTypes.Patent : RecordTypes.Achievement;
        if (await references.CheckAsync("subjectId", subjectType, r.SubjectId, ct) is { } subject) errors.Add(subject);
        if (await references.CheckAsync("operatorOrganizationId", RecordTypes.Organization, r.OperatorOrganizationId, ct) is { } op) errors.Add(op);
        for (var i = 0; i < beneficiaries.Count; i++)
            if (beneficiaries[i]?.OrganizationId is { } b
                && await references.CheckAsync($"beneficiaries[{i}].organizationId", RecordTypes.Organization, b, ct) is { } ben)
                errors.Add(ben);
        if (errors.Any) return errors.ToError()!;

        var title = r.SubjectTitle;
        if (r.SubjectType == CustodySubjectType.Patent)
        {
            // Only the owner puts its patent into custody; a patent the caller sees but does not own (a platform administrator
            // who is also an office) is the same reference error.
            var patent = await Db.Set<Patent>().AsNoTracking().SingleAsync(p => p.Id == r.SubjectId, ct);
            if (patent.OwnerOrganizationId != org) return Error.Validation([ReferenceErrors.NotFound("subjectId")]);
            title = string.IsNullOrWhiteSpace(title) ? patent.Title : title;
        }
        if (!await organizations.IsCustodyOperatorAsync(r.OperatorOrganizationId, ct)) return CustodyErrors.OperatorNotEligible;
        var created = CustodyAgreement.Create(org, r.AgreementNo, r.SubjectType, r.SubjectId, title ?? "", r.OperatorOrganizationId, r.OperatorName,
            mandate, beneficiaries!, clock.GetUtcNow());
        if (created.IsFailure) return created.Error!;
        var no = created.Value.AgreementNo;
        if (await Agreements.AnyAsync(a => a.OwnerOrganizationId == org && a.AgreementNo == no, ct)) return CustodyErrors.DuplicateAgreementNo;
        Db.Add(created.Value);
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await RespondAsync(created.Value, ct);
    }

    public Task<Result<CustodyAgreementResponse>> ActivateAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, [], a => IsOperatorStaffOf(a.OperatorOrganizationId)
            ? a.Activate(user.OrganizationId!.Value, clock.GetUtcNow()) : CustodyErrors.OnlyOperatorAccepts, ct);

    public Task<Result<CustodyAgreementResponse>> RenewAsync(Guid id, RenewalRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, CustodyAgreement.CheckRenewal(r.NewTermEnd), a => IsOfficeOf(a.OwnerOrganizationId)
            ? a.Renew(user.OrganizationId!.Value, r.NewTermEnd, clock.GetUtcNow()) : CustodyErrors.OnlyOwner, ct);

    public Task<Result<CustodyAgreementResponse>> TerminateAsync(Guid id, TerminationRequest r, CancellationToken ct) =>
        ChangeAsync(id, r.Version, CustodyAgreement.CheckTermination(r.Reason), a => IsOfficeOf(a.OwnerOrganizationId) || IsOperatorStaffOf(a.OperatorOrganizationId)
            ? a.Terminate(user.OrganizationId!.Value, r.Reason, clock.GetUtcNow()) : CustodyErrors.NotParty, ct);

    /// <summary>The operator lists or licenses within the mandate; anything outside is refused with the reason.</summary>
    public async Task<Result<CustodyOperationDto>> OperateAsync(Guid id, CustodyOperationBody body, CancellationToken ct)
    {
        if (user.OrganizationId is null) return Error.Forbidden;
        var r = body.ToRequest();
        if (CustodyAgreement.CheckOperation(r) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var a = await FindVisibleAsync(id, ct);
        if (a is null) return NotFound;
        if (!IsOperatorStaffOf(a.OperatorOrganizationId)) return CustodyErrors.NotOperator;
        if (Error.StaleVersion(a.Version, body.Version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var op = a.Operate(user.OrganizationId!.Value, r, now);
        if (op.IsFailure) return op.Error!;
        if (a.SubjectType == CustodySubjectType.Patent && ScopeOf(r.DealType) is { } scope)
        {
            // The licence is recorded on the patent, so R3.3 sees it and R3.10 refuses exclusive/sole while an open licence is in force.
            var patent = await Db.Set<Patent>().SingleOrDefaultAsync(p => p.Id == a.SubjectId, ct);
            if (patent is not null)
            {
                var openInForce = await Db.Set<OpenLicenseDeclaration>().AnyAsync(d => d.PatentId == patent.Id
                    && (d.Status == OpenLicenseStatus.Active || d.Status == OpenLicenseStatus.WithdrawalSubmitted), ct);
                var licence = patent.RecordLicence(r.Counterparty, scope, BusinessTime.DateOf(now), r.DealTermEnd, openInForce, now);
                if (licence.IsFailure) return licence.Error!;
            }
        }
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        var o = op.Value;
        return new CustodyOperationDto(o.Id, o.DealType, o.Counterparty, o.PriceYuan, o.DealTermEnd, o.At);
    }

    /// <summary>收益权: how an amount received is split among the beneficiaries.</summary>
    public async Task<Result<IReadOnlyList<RevenueAllocation>>> SplitRevenueAsync(Guid id, RevenueSplitRequest r, CancellationToken ct)
    {
        if (r.AmountYuan < 0) return CustodyErrors.AmountNegative;
        var errors = new FieldErrors();
        PatentChecks.Amount(errors, r.AmountYuan, "amountYuan");
        if (errors.Any) return errors.ToError()!;
        var a = await FindVisibleAsync(id, ct);
        if (a is null) return NotFound;
        return Result<IReadOnlyList<RevenueAllocation>>.Success(a.SplitRevenue(r.AmountYuan));
    }

    /// <summary>An agreement action: the body first, then the record (404), the version it read (409), the domain, one save.</summary>
    private async Task<Result<CustodyAgreementResponse>> ChangeAsync(Guid id, int? version, IReadOnlyList<FieldError> bodyErrors,
        Func<CustodyAgreement, Result> change, CancellationToken ct)
    {
        if (user.OrganizationId is null) return Error.Forbidden;
        if (bodyErrors.Count > 0) return Error.Validation(bodyErrors);
        var a = await FindVisibleAsync(id, ct);
        if (a is null) return NotFound;
        if (Error.StaleVersion(a.Version, version) is { } stale) return stale;
        var r = change(a);
        if (r.IsFailure) return r.Error!;
        if (await Db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return await RespondAsync(a, ct);
    }

    private static LicenseScope? ScopeOf(CustodyDealType t) => t switch
    {
        CustodyDealType.NonExclusiveLicence => LicenseScope.NonExclusive,
        CustodyDealType.SoleLicence => LicenseScope.Sole,
        CustodyDealType.ExclusiveLicence => LicenseScope.Exclusive,
        _ => null,
    };

    private async Task<CustodyAgreementResponse> RespondAsync(CustodyAgreement a, CancellationToken ct) =>
        CustodyAgreementResponse.From(a, Today, user.OrganizationId) with { SubjectTitleEn = (await SubjectTitlesEnAsync([(a.SubjectType, a.SubjectId)], ct)).GetValueOrDefault(a.SubjectId) };

    /// <summary>The English titles of the agreements' subjects (patents here, achievements through their module's lookup).</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> SubjectTitlesEnAsync(IReadOnlyCollection<(CustodySubjectType Type, Guid Id)> subjects, CancellationToken ct)
    {
        var patentIds = subjects.Where(a => a.Type == CustodySubjectType.Patent).Select(a => a.Id).Distinct().ToList();
        var achievementIds = subjects.Where(a => a.Type == CustodySubjectType.Achievement).Select(a => a.Id).Distinct().ToList();
        var titles = new Dictionary<Guid, string>();
        if (patentIds.Count > 0)
            foreach (var p in await Db.Set<Patent>().AsNoTracking().Where(p => patentIds.Contains(p.Id) && p.TitleEn != null && p.TitleEn != "")
                         .Select(p => new { p.Id, p.TitleEn }).ToListAsync(ct))
                if (!string.IsNullOrWhiteSpace(p.TitleEn)) titles[p.Id] = p.TitleEn.Trim();
        foreach (var (id, en) in await achievements.EnglishTitlesAsync(achievementIds, ct)) titles[id] = en;
        return titles;
    }

    private async Task<CustodyAgreement?> FindVisibleAsync(Guid id, CancellationToken ct)
    {
        var a = await Agreements.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        return IsPlatformAdmin || user.BelongsTo(a.OwnerOrganizationId) || user.BelongsTo(a.OperatorOrganizationId) ? a : null;
    }

    private static Error NotFound => Error.NotFound("custody_agreement", "托管协议");
}

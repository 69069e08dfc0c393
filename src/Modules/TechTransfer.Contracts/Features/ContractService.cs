using TechTransfer.SharedKernel.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Contracts.Features.Certificate;
using TechTransfer.Contracts.Features.Import;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Lists;
using TechTransfer.Platform.Lists;

namespace TechTransfer.Contracts.Features;

/// <summary>
/// Use cases of contract registration (技术合同认定登记), shared by the API and the pages. Who may do what:
/// the seller side (or the domestic buyer of an import) drafts, edits and submits (R2.8); only the Registrar role acts as
/// registrar; who sees a contract is <see cref="ContractVisibility"/> (a draft is private to its parties, registrars see
/// contracts from submission on; anyone else gets 404). Every use case checks the caller's role, then its request body
/// (every field error at once, before the record is loaded), then loads the contract, checks the organisation and the
/// version the caller read, and only then lets the contract decide.
/// </summary>
public sealed class ContractService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, ContractRuleSetCatalog catalog, HolidayCalendar calendar,
    IOptions<ContractsOptions> options, ContractStatisticsStore statistics, RegistrationWriter registrations, IReferenceCheck references,
    IOrganizationFactsLookup registry)
{
    private readonly ContractsOptions _options = options.Value;

    public static readonly string[] DraftingRoles = [Roles.InstitutionAdmin, Roles.Researcher, Roles.Enterprise, Roles.TechManager, Roles.ExchangeOperator];

    /// <summary>At most this many achievements per contract (checked before any of them is looked up).</summary>
    public const int MaxAchievements = 20;

    public bool IsRegistrar => user.IsInRole(Roles.Registrar);
    private DateOnly Today => clock.Today();

    /// <summary>Contracts the caller may see (<see cref="ContractVisibility"/>).</summary>
    public IQueryable<TechnologyContract> Visible() => db.Set<TechnologyContract>().Where(ContractVisibility.For(user));

    /// <summary>
    /// The list's sort keys (each an indexed column): <c>due</c> (the registrar queue: earliest deadline first, contracts
    /// without one last; the API's default), <c>updated</c>, <c>signed</c>, <c>amount</c> (declared technology transaction
    /// amount), <c>project</c> and <c>registered</c>; <c>desc=true</c> reverses a key.
    /// </summary>
    public static readonly ListSort<TechnologyContract> Sorts = new ListSort<TechnologyContract>(c => c.Id, "due", false)
        .Key("due", c => c.DueDate, (q, desc) => desc
            ? q.OrderBy(c => c.DueDate == null).ThenByDescending(c => c.DueDate).ThenByDescending(c => c.SubmittedAt)
            : q.OrderBy(c => c.DueDate == null).ThenBy(c => c.DueDate).ThenBy(c => c.SubmittedAt))
        .Key("updated", c => c.UpdatedAt)
        .Key("signed", c => c.SignedDate)
        .Key("amount", c => c.DeclaredTechTransactionAmount)
        .Key("project", c => c.ProjectName)
        .Key("registered", c => c.RegisteredDate);

    public async Task<Result<PagedResult<ContractSummary>>> ListAsync(ContractListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        if (paging.Validate() is { Count: > 0 } pe) return Error.Validation(pe);
        return await Filtered(query).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<ContractSummary>>> ExportAsync(ContractListQuery query, CancellationToken ct) =>
        Filtered(query).ExportAsync(Summaries, ct);

    private List<ContractSummary> Summaries(IEnumerable<TechnologyContract> rows)
    {
        var today = Today;
        return rows.Select(c => new ContractSummary(c.Id, c.ProjectName, c.Category, c.SubType, c.Status,
            c.Parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
            c.Parties.Where(p => p.Role == PartyRole.Buyer).OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
            c.TotalAmount, c.DeclaredTechTransactionAmount, c.AssessedTechTransactionAmount, c.SignedDate, c.SubmittedAt, c.DueDate,
            c.IsOverdue(today), c.IsLargeContract, c.PossibleDuplicate, c.RegistrationNo, c.UpdatedAt, c.AssignedRegistrarName)).ToList();
    }

    /// <summary>The visible contracts matching the list's filters, and the same in the requested order.</summary>
    private Result<(IQueryable<TechnologyContract> Filtered, IQueryable<TechnologyContract> Sorted)> Filtered(ContractListQuery query)
    {
        var q = Visible().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            var statuses = new List<RegistrationStatus>();
            foreach (var s in query.Status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<RegistrationStatus>(s, true, out var st) || int.TryParse(s, out _))
                    return ContractErrors.StatusUnknown(s);
                statuses.Add(st);
            }
            q = q.Where(c => statuses.Contains(c.Status));
        }
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            if (!Enum.TryParse<ContractCategory>(query.Category, true, out var cat) || int.TryParse(query.Category, out _))
                return ContractErrors.CategoryUnknown(query.Category);
            q = q.Where(c => c.StatCategory == cat);
        }
        if (ContractStatisticsDrillDown.Requested(query))
        {
            var drill = ContractStatisticsDrillDown.Apply(q, query);
            if (drill.IsFailure) return drill.Error!;
            q = drill.Value;
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            q = q.Where(c => c.ProjectName.Contains(term) || c.RegistrationNo == term || c.Parties.Any(p => p.Name.Contains(term)));
        }
        var today = Today;
        if (query.Overdue == true)
            q = q.Where(c => (c.Status == RegistrationStatus.Accepted || c.Status == RegistrationStatus.ExpertReview) && c.DueDate != null && c.DueDate < today);
        if (query.Duplicates == true) q = q.Where(c => c.PossibleDuplicate);
        // due on or before a day and not yet overdue (the workbench's "due this week", in working days)
        if (query.DueBy is { } dueBy)
            q = q.Where(c => (c.Status == RegistrationStatus.Accepted || c.Status == RegistrationStatus.ExpertReview) && c.DueDate != null
                && c.DueDate >= today && c.DueDate <= dueBy);
        if (query.Resubmitted == true) q = q.Where(c => c.Status == RegistrationStatus.Accepted && c.ResubmittedAt != null);
        var sorted = Sorts.Apply(q, query.Sort, query.Desc);
        if (sorted.IsFailure) return sorted.Error!;
        return (q, sorted.Value);
    }

    public async Task<Result<ContractResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await FindAsync(id, ct);
        return c is null ? ContractErrors.NotFound : Response(c);
    }

    /// <summary>R2.5: the development and transfer contracts of the caller's organisation another contract can be part of.</summary>
    public async Task<IReadOnlyList<(Guid Id, string ProjectName)>> MainContractChoicesAsync(Guid? except, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org) return [];
        var list = await Visible().AsNoTracking()
            .Where(c => c.OwnerOrganizationId == org && c.Id != except && (c.Category == ContractCategory.Development || c.Category == ContractCategory.Transfer))
            .OrderByDescending(c => c.SignedDate).Take(200).Select(c => new { c.Id, c.ProjectName }).ToListAsync(ct);
        return list.Select(c => (c.Id, c.ProjectName)).ToList();
    }

    public async Task<TechnologyContract?> FindAsync(Guid id, CancellationToken ct) =>
        await Visible().SingleOrDefaultAsync(c => c.Id == id, ct);

    public ContractResponse Response(TechnologyContract c)
    {
        var org = user.OrganizationId;
        var canEdit = org is { } o && c.Status is RegistrationStatus.Draft or RegistrationStatus.SupplementRequested && c.CheckSubmitter(o).IsSuccess;
        var (zh, en) = ContractErrors.StatusLabel(c.Status);
        return new ContractResponse(c.Id, c.Version, c.ToDetails(), c.Status, zh, en, c.RegisterableAmount, c.ComputeTechTransactionAmount(catalog),
            c.DeclaredTechTransactionAmount, c.AssessedTechTransactionAmount, c.IsLargeContract, c.IsDisputed, c.IsTechnologyImport,
            c.ContentRuleSetId, c.ProcedureRuleSetId, c.SubmittedAt, c.AcceptedAt, c.ClockStartDate, c.SlaDays, c.SlaDayKind, c.DueDate, c.IsOverdue(Today),
            c.SupplementRequest, c.RegistrationNo, c.RegisteredAt, c.RejectionReason, c.RejectionText, c.RevocationReason, c.RevocationText,
            c.CancellationReason, c.ObjectionText, c.ObjectionOutcome, c.PossibleDuplicate, c.DuplicateOfContractId, c.CorrectionPending,
            c.PendingCorrectionAmount, c.Attachments, c.StatusHistory, c.NotificationTasks, c.BenefitUses,
            ContractChecks.Evaluate(c, catalog, Today), TaxBenefits.VatExemption(c, catalog), canEdit, canEdit, IsRegistrar);
    }

    // ---------------- seller side ----------------

    public async Task<Result<ContractResponse>> CreateAsync(ContractRequest request, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !user.IsInAnyRole(DraftingRoles)) return Error.Forbidden;
        var details = await CheckRequestAsync(request, null, new FieldErrors(), ct);
        if (details.IsFailure) return details.Error!;
        var now = clock.GetUtcNow();
        var created = TechnologyContract.Draft(details.Value, org, user.UserId, now, catalog);
        if (created.IsFailure) return created.Error!;
        // R2.8: the creator must be able to submit it (seller side, or the domestic buyer of an import).
        if (created.Value.CheckSubmitter(org) is { IsFailure: true } who) return who.Error!;
        db.Add(created.Value);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return Response(created.Value);
    }

    /// <summary>Replaces the content of a draft (or a contract awaiting supplements); the request carries the version read.</summary>
    public async Task<Result<ContractResponse>> UpdateAsync(Guid id, ContractRequest request, CancellationToken ct)
    {
        if (user.OrganizationId is null || !user.IsInAnyRole(DraftingRoles)) return Error.Forbidden;
        var errors = new FieldErrors();
        if (request.Version is null) errors.Add(ContractErrors.Required("version", "所读取的版本号", "The version you read"));
        var details = await CheckRequestAsync(request, id, errors, ct);
        if (details.IsFailure) return details.Error!;
        var now = clock.GetUtcNow();
        // the origin (manual, prefilled from a deal, imported) stays what it was
        return await SellerActAsync(id, request.Version, c => c.UpdateDetails(details.Value with { Origin = c.Origin, OriginRef = c.OriginRef }, now, catalog), ct);
    }

    /// <summary>
    /// The one check of a create/update body: required fields, the content rules in force on the signing date (R0.2) and
    /// every id it names (party organisations, achievements, the main contract of R2.5), all collected at once.
    /// </summary>
    private async Task<Result<ContractDetails>> CheckRequestAsync(ContractRequest request, Guid? self, FieldErrors errors, CancellationToken ct)
    {
        var details = request.ToDetails(errors);
        if (details is not null) errors.AddRange(ContractValidation.Validate(details, catalog.ContentRules(details.SignedDate)));
        var parties = request.Parties ?? [];
        for (var i = 0; i < parties.Count; i++)
            if (parties[i]?.OrganizationId is { } party && await references.CheckAsync($"parties[{i}].organizationId", RecordTypes.Organization, party, ct) is { } missing)
                errors.Add(missing);
        if (request.AchievementIds is { Count: > 0 and <= MaxAchievements } achievements)
            errors.AddRange(await references.CheckAllAsync("achievementIds", RecordTypes.Achievement, achievements, ct));
        if (request.PartOfContractId is { } main && main != Guid.Empty)
        {
            if (await references.CheckAsync("partOfContractId", RecordTypes.Contract, main, ct) is { } notVisible) errors.Add(notVisible);
            else if (main == self || !await db.Set<TechnologyContract>().AnyAsync(c => c.Id == main
                         && (c.Category == ContractCategory.Development || c.Category == ContractCategory.Transfer), ct))
                errors.Add(ContractErrors.PartOfNotDevelopmentOrTransfer); // R2.5
        }
        if (errors.ToError() is { } invalid) return invalid;
        return details! with { Parties = await LinkRegisteredPartiesAsync(details!.Parties, ct) };
    }

    /// <summary>
    /// A party entered by hand (no organisation id) whose credit code is a registered organisation's is linked to it, so
    /// that organisation sees the contract as a party (the form without script, an API client that only knows the code).
    /// </summary>
    private async Task<IReadOnlyList<PartyInput>> LinkRegisteredPartiesAsync(IReadOnlyList<PartyInput> parties, CancellationToken ct)
    {
        var linked = new List<PartyInput>(parties.Count);
        foreach (var p in parties)
            linked.Add(p.OrganizationId is null && !string.IsNullOrWhiteSpace(p.CreditCode)
                       && await registry.FindByCreditCodeAsync(p.CreditCode, ct) is { } org
                ? p with { OrganizationId = org.Id }
                : p);
        return linked;
    }

    public async Task<Result<ContractResponse>> AddAttachmentAsync(Guid id, AttachmentRequest request, CancellationToken ct)
    {
        if (!user.IsInAnyRole(DraftingRoles)) return Error.Forbidden;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.FileName) || request.FileName.Length > 200) errors.Add(ContractErrors.AttachmentNameInvalid("fileName"));
        if (!Enum.IsDefined(request.Kind)) errors.Add(ContractErrors.AttachmentKindRequired);
        if (errors.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        return await SellerActAsync(id, request.Version, c =>
        {
            c.AddAttachment(new AttachmentInfo(request.Kind, request.FileName.Trim(), request.ContentType ?? "application/octet-stream",
                Math.Max(0, request.SizeBytes), request.Sha256, now), now);
            return Result.Success();
        }, ct);
    }

    /// <summary>Submit a draft (R2.5, R2.7–R2.9), or resubmit after a supplement request (the clock restarts). Flags duplicates (R2.8).</summary>
    public async Task<Result<ContractResponse>> SubmitAsync(Guid id, int? version, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !user.IsInAnyRole(DraftingRoles)) return Error.Forbidden;
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        if (Error.StaleVersion(c.Version, version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var resubmit = c.Status == RegistrationStatus.SupplementRequested;
        var r = resubmit
            ? c.Resubmit(org, user.UserId, now, catalog, calendar)
            : c.Submit(org, user.UserId, now, catalog);
        if (r.IsFailure) return r.Error!;
        // the registrar handling it hears that the supplements are in
        if (resubmit && c.AssignedRegistrarUserId is { } registrar)
            db.Add(Notification.ToUser(registrar, Cut($"当事人已补正并重新提交：{c.ProjectName}"), Cut($"Supplements received and resubmitted: {c.ProjectName}"),
                $"/contracts/{c.Id}", now, NotificationKinds.ContractStatus));
        var fingerprint = c.Fingerprint;
        var duplicate = await db.Set<TechnologyContract>().AsNoTracking()
            .Where(o => o.Id != c.Id && o.Fingerprint == fingerprint && o.Status != RegistrationStatus.Draft && o.Status != RegistrationStatus.Rejected
                        && o.Status != RegistrationStatus.Cancelled && o.Status != RegistrationStatus.Revoked)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (duplicate is { } dup && !c.PossibleDuplicate) c.MarkPossibleDuplicate(dup, now);
        return await SaveAsync(c, ct);
    }

    public Task<Result<ContractResponse>> FileCorrectionAsync(Guid id, CorrectionBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body.NewTotalAmount is null) errors.Add(ContractErrors.Required("newTotalAmount", "变更后的金额", "The new amount"));
        else if (body.NewTotalAmount < 0) errors.Add(ContractErrors.TotalAmountNegative with { Field = "newTotalAmount" });
        return errors.ToError() is { } invalid ? Task.FromResult<Result<ContractResponse>>(invalid)
            : PartyActAsync(id, body.Version, (c, org, now) => c.FileCorrection(org, body.NewTotalAmount!.Value, body.Note ?? "", user.UserId, now), ct);
    }

    public Task<Result<ContractResponse>> FileObjectionAsync(Guid id, ObjectionBody body, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(body.Text) ? Task.FromResult<Result<ContractResponse>>(Error.Validation([ContractErrors.TextRequired("text")]))
            : PartyActAsync(id, body.Version, (c, org, now) => c.FileObjection(org, body.Text, user.UserId, now), ct);

    public Task<Result<ContractResponse>> RecordBenefitAsync(Guid id, BenefitBody body, CancellationToken ct)
    {
        if (body.Kind is not { } kind || !Enum.IsDefined(kind))
            return Task.FromResult<Result<ContractResponse>>(Error.Validation([ContractErrors.Required("kind", "优惠类型", "The benefit kind")]));
        return PartyActAsync(id, body.Version, (c, org, now) =>
            c.CheckSubmitter(org).IsFailure && !IsRegistrar ? Error.Forbidden : c.RecordBenefitUse(kind, user.UserId, now), ct);
    }

    // ---------------- registrar ----------------

    public Task<Result<ContractResponse>> AcceptAsync(Guid id, int? version, CancellationToken ct) =>
        RegistrarActAsync(id, version, (c, now) =>
        {
            var r = c.Accept(_options.RegistryOfficeId, user.UserId, now, catalog, calendar);
            if (r.IsSuccess) NotifyParties(c, $"技术合同登记已受理：{c.ProjectName}（办结期限 {c.DueDate:yyyy-MM-dd}）",
                $"Contract accepted for registration: {c.ProjectName} (due {c.DueDate:yyyy-MM-dd})", now);
            return r;
        }, ct);

    public Task<Result<ContractResponse>> RequestSupplementAsync(Guid id, SupplementRequestBody body, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(body.Items) ? Invalid(ContractErrors.SupplementItemsRequired)
            : RegistrarActAsync(id, body.Version, (c, now) =>
            {
                var r = c.RequestSupplement(body.Items, user.UserId, now);
                if (r.IsSuccess) NotifyParties(c, $"技术合同登记需补正：{c.ProjectName}", $"Supplements requested: {c.ProjectName}", now);
                return r;
            }, ct);

    public Task<Result<ContractResponse>> ExpertReviewAsync(Guid id, ExpertReviewBody body, CancellationToken ct) =>
        body.MarkDisputed && string.IsNullOrWhiteSpace(body.Note) ? Invalid(ContractErrors.TextRequired("note"))
            : RegistrarActAsync(id, body.Version, (c, now) =>
            {
                if (body.MarkDisputed && c.MarkDisputed(body.Note ?? "", user.UserId, now, catalog, calendar) is { IsFailure: true } d) return d;
                var r = c.SendToExpertReview(body.Note, user.UserId, now);
                if (r.IsSuccess) NotifyParties(c, $"技术合同已提交专家评审：{c.ProjectName}", $"Contract sent to expert review: {c.ProjectName}", now);
                return r;
            }, ct);

    /// <summary>
    /// Registers an accepted (or expert-reviewed) contract: check → take serial → register → save. Every refusal is checked
    /// first, without a transaction or a lock, so a refused registration never holds a serial; how the serial, the
    /// statistics and the contract are written together is <see cref="RegistrationWriter"/>'s business.
    /// </summary>
    public async Task<Result<ContractResponse>> RegisterAsync(Guid id, RegisterBody body, CancellationToken ct)
    {
        if (!IsRegistrar) return Error.Forbidden;
        if (body.AssessedTechTransactionAmount < 0) return await Invalid(ContractErrors.AssessedAmountOutOfRange);
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        if (Error.StaleVersion(c.Version, body.Version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var assessed = body.AssessedTechTransactionAmount ?? c.DeclaredTechTransactionAmount;
        var office = _options.OfficeDivisionCode;

        if (c.CanRegister(assessed, catalog) is { IsFailure: true } refused) return refused.Error!;                          // check
        await using var registration = await registrations.TakeSerialAsync(BusinessTime.DateOf(now).Year, office,
            ContractStatisticsFacts.From(c), ContractStatisticsFacts.AsRegistered(c, assessed, now), ct);                       // take serial
        var r = c.Register(assessed, office, registration.Issuer(new RegistrationNumberLayout(_options.RegistrationNumberLayout)), user.UserId, now, catalog); // register
        if (r.IsFailure) return r.Error!; // disposing the registration rolls back: the serial and the delta are not used
        NotifyParties(c, $"技术合同已登记：{c.ProjectName}（{c.RegistrationNo}）", $"Contract registered: {c.ProjectName} ({c.RegistrationNo})", now);
        if (await registration.SaveAsync(c, ct) is { } conflict) return conflict;                                              // save
        return Response(c);
    }

    public Task<Result<ContractResponse>> RejectAsync(Guid id, RejectBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body.Reason is not { } reason || !Enum.IsDefined(reason)) errors.Add(ContractErrors.Required("reason", "不予登记原因", "The rejection reason"));
        else if (reason == RejectionReason.Other && string.IsNullOrWhiteSpace(body.Text)) errors.AddFrom(ContractErrors.RejectionTextRequired);
        return errors.ToError() is { } invalid ? Task.FromResult<Result<ContractResponse>>(invalid)
            : RegistrarActAsync(id, body.Version, (c, now) =>
            {
                var r = c.Reject(body.Reason!.Value, body.Text, user.UserId, now);
                if (r.IsSuccess) NotifyParties(c, $"技术合同不予登记：{c.ProjectName}", $"Contract not registered: {c.ProjectName}", now);
                return r;
            }, ct);
    }

    /// <summary>变更登记 (R2.11): the body is checked first (reason, at least one change, amounts, the parties' organisations).</summary>
    public async Task<Result<ContractResponse>> ChangeAsync(Guid id, ChangeBody body, CancellationToken ct)
    {
        if (!IsRegistrar) return Error.Forbidden;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(body.Reason)) errors.Add(ContractErrors.TextRequired("reason"));
        if (body.TotalAmount is null && body.AssessedTechTransactionAmount is null && body.Parties is null && body.ValidTo is null)
            errors.AddFrom(ContractErrors.NoChanges);
        if (body.TotalAmount < 0) errors.Add(ContractErrors.TotalAmountNegative);
        if (body.AssessedTechTransactionAmount < 0) errors.AddFrom(ContractErrors.AssessedAmountOutOfRange);
        var parties = body.Parties ?? [];
        for (var i = 0; i < parties.Count; i++)
            if (parties[i]?.OrganizationId is { } party && await references.CheckAsync($"parties[{i}].organizationId", RecordTypes.Organization, party, ct) is { } missing)
                errors.Add(missing);
        if (errors.ToError() is { } invalid) return invalid;
        return await RegistrarActAsync(id, body.Version, (c, now) => c.ChangeRegistration(
            new ContractChange(body.Reason!, body.TotalAmount, body.AssessedTechTransactionAmount, body.Parties, body.ValidTo), user.UserId, now, catalog), ct,
            affectsStatistics: true);
    }

    public Task<Result<ContractResponse>> CancelAsync(Guid id, ReasonBody body, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(body.Reason) ? Invalid(ContractErrors.TextRequired("reason"))
            : RegistrarActAsync(id, body.Version, (c, now) =>
            {
                var r = c.Cancel(body.Reason, user.UserId, now);
                if (r.IsSuccess) NotifyParties(c, $"技术合同登记已注销：{c.ProjectName}", $"Contract registration cancelled: {c.ProjectName}", now);
                return r;
            }, ct, affectsStatistics: true);

    public Task<Result<ContractResponse>> RevokeAsync(Guid id, RevokeBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body.Reason is not { } reason || !Enum.IsDefined(reason)) errors.Add(ContractErrors.Required("reason", "撤销原因", "The revocation reason"));
        else if (reason == RevocationReason.Other && string.IsNullOrWhiteSpace(body.Text)) errors.AddFrom(ContractErrors.RevocationTextRequired);
        return errors.ToError() is { } invalid ? Task.FromResult<Result<ContractResponse>>(invalid)
            : RegistrarActAsync(id, body.Version, (c, now) =>
            {
                var r = c.Revoke(body.Reason!.Value, body.Text, user.UserId, now);
                if (r.IsSuccess) NotifyParties(c, $"技术合同登记已撤销：{c.ProjectName}", $"Contract registration revoked: {c.ProjectName}", now);
                return r;
            }, ct, affectsStatistics: true);
    }

    public Task<Result<ContractResponse>> ResolveObjectionAsync(Guid id, ResolveObjectionBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body.Outcome is not { } outcome || !Enum.IsDefined(outcome)) errors.Add(ContractErrors.Required("outcome", "处理结果", "The outcome"));
        if (string.IsNullOrWhiteSpace(body.Resolution)) errors.Add(ContractErrors.TextRequired("resolution"));
        return errors.ToError() is { } invalid ? Task.FromResult<Result<ContractResponse>>(invalid)
            : RegistrarActAsync(id, body.Version, (c, now) =>
            {
                var r = c.ResolveObjection(body.Outcome!.Value, body.Resolution!, user.UserId, now);
                if (r.IsSuccess) NotifyParties(c, $"技术合同异议已处理：{c.ProjectName}", $"Objection resolved: {c.ProjectName}", now);
                return r;
            }, ct);
    }

    public Task<Result<ContractResponse>> ClearDuplicateAsync(Guid id, int? version, CancellationToken ct) =>
        RegistrarActAsync(id, version, (c, now) => { c.ClearDuplicateFlag(user.UserId, now); return Result.Success(); }, ct);

    public async Task<Result<byte[]>> CertificateAsync(Guid id, CancellationToken ct)
    {
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        return CertificatePdf.Render(c, _options.OfficeNameZh);
    }

    // ---------------- import ----------------

    public async Task<Result<ImportResult>> ImportAsync(Stream xlsx, bool skipInvalid, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !user.IsInAnyRole(DraftingRoles)) return Error.Forbidden;
        var rows = ContractExcelImport.Parse(xlsx, catalog, org);
        var errors = rows.SelectMany(r => r.Errors).ToList();
        var invalid = rows.Count(r => !r.IsValid);
        if (rows.Count == 0)
            return ContractImportErrors.Empty;
        if (invalid > 0 && !skipInvalid) return new ImportResult(rows.Count, 0, invalid, false, [], errors);
        var ids = new List<Guid>();
        var now = clock.GetUtcNow();
        foreach (var row in rows.Where(r => r.IsValid))
        {
            var c = TechnologyContract.Draft(row.Details!, org, user.UserId, now, catalog);
            if (c.IsFailure) continue;
            db.Add(c.Value);
            ids.Add(c.Value.Id);
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return new ImportResult(rows.Count, ids.Count, invalid, skipInvalid, ids, errors);
    }

    // ---------------- helpers ----------------

    private static Task<Result<ContractResponse>> Invalid(FieldError error) => Task.FromResult<Result<ContractResponse>>(Error.Validation([error]));

    private static Task<Result<ContractResponse>> Invalid(Error error) => Task.FromResult<Result<ContractResponse>>(new FieldErrors().AddFrom(error).ToError()!);

    private static string Cut(string text) => text.Length <= 300 ? text : text[..299] + "…";

    private void NotifyParties(TechnologyContract c, string zh, string en, DateTimeOffset now)
    {
        (zh, en) = (Cut(zh), Cut(en));
        foreach (var org in c.Parties.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Append(c.OwnerOrganizationId).Distinct())
            db.Add(Notification.ToOrganization(org, null, zh, en, $"/contracts/{c.Id}", now, NotificationKinds.ContractStatus));
    }

    /// <summary>The seller side acts on a draft or a contract awaiting supplements: load (404), seller side (403), version (409), act, save.</summary>
    private async Task<Result<ContractResponse>> SellerActAsync(Guid id, int? version, Func<TechnologyContract, Result> act, CancellationToken ct)
    {
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        if (user.OrganizationId is not { } org) return Error.Forbidden;
        if (c.CheckSubmitter(org) is { IsFailure: true } who) return who.Error!;
        if (Error.StaleVersion(c.Version, version) is { } stale) return stale;
        if (c.Status is not (RegistrationStatus.Draft or RegistrationStatus.SupplementRequested)) return ContractErrors.NotEditable;
        var r = act(c);
        return r.IsFailure ? r.Error! : await SaveAsync(c, ct);
    }

    /// <summary>A party acts: load (404), version (409), act (the contract checks which party may), save with the statistics delta.</summary>
    private async Task<Result<ContractResponse>> PartyActAsync(Guid id, int? version, Func<TechnologyContract, Guid, DateTimeOffset, Result> act, CancellationToken ct)
    {
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        if (user.OrganizationId is not { } org) return Error.Forbidden;
        if (Error.StaleVersion(c.Version, version) is { } stale) return stale;
        var before = ContractStatisticsFacts.From(c);
        var r = act(c, org, clock.GetUtcNow());
        if (r.IsFailure) return r.Error!;
        await statistics.ApplyAsync(before, ContractStatisticsFacts.From(c), ct);
        return await SaveAsync(c, ct);
    }

    /// <summary>
    /// A registrar acts: role (403), load (404), version (409), act, save. A change, cancellation or revocation after the
    /// registration's benefits were used adds a tax/finance task to the contract (R2.11); the parties are notified of it in
    /// the same save.
    /// </summary>
    private async Task<Result<ContractResponse>> RegistrarActAsync(Guid id, int? version, Func<TechnologyContract, DateTimeOffset, Result> act,
        CancellationToken ct, bool affectsStatistics = false)
    {
        if (!IsRegistrar) return Error.Forbidden;
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        if (Error.StaleVersion(c.Version, version) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var before = ContractStatisticsFacts.From(c);
        var tasksBefore = c.NotificationTasks.Count;
        var r = act(c, now);
        if (r.IsFailure) return r.Error!;
        if (affectsStatistics) await statistics.ApplyAsync(before, ContractStatisticsFacts.From(c), ct);
        if (c.NotificationTasks.Count > tasksBefore) // R2.11
            NotifyParties(c, $"合同登记变更，已享受的优惠需通知税务/财务：{c.ProjectName}", $"Registration changed; report used benefits to tax/finance: {c.ProjectName}", now);
        return await SaveAsync(c, ct);
    }

    private async Task<Result<ContractResponse>> SaveAsync(TechnologyContract c, CancellationToken ct) =>
        await statistics.SaveChangesAsync(ct) is { } conflict ? conflict : Response(c);
}

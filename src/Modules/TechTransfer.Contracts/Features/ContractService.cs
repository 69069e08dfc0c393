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

namespace TechTransfer.Contracts.Features;

/// <summary>
/// Use cases of contract registration (技术合同认定登记), shared by the API and the pages. Who may do what:
/// the seller side (or the domestic buyer of an import) drafts, edits and submits (R2.8); only the Registrar role acts as
/// registrar (and sees every contract); everyone else sees only contracts of their own organisation (404 otherwise).
/// </summary>
public sealed class ContractService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, ContractRuleSetCatalog catalog, HolidayCalendar calendar,
    IOptions<ContractsOptions> options, ContractStatisticsStore statistics)
{
    private readonly ContractsOptions _options = options.Value;

    public static readonly string[] DraftingRoles = [Roles.InstitutionAdmin, Roles.Researcher, Roles.Enterprise, Roles.TechManager, Roles.ExchangeOperator];

    public bool IsRegistrar => user.IsInRole(Roles.Registrar);
    private DateTimeOffset Now => clock.GetUtcNow();
    private DateOnly Today => BusinessTime.DateOf(Now);

    /// <summary>Contracts the caller may see: all for registrars and platform admins, else their organisation's (owner or party).</summary>
    public IQueryable<TechnologyContract> Visible()
    {
        var q = db.Set<TechnologyContract>().AsQueryable();
        if (IsRegistrar || user.IsInRole(Roles.PlatformAdmin)) return q;
        var org = user.OrganizationId;
        if (org is null) return q.Where(_ => false);
        return q.Where(c => c.OwnerOrganizationId == org || c.Parties.Any(p => p.OrganizationId == org));
    }

    public async Task<Result<PagedResult<ContractSummary>>> ListAsync(ContractListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        if (paging.Validate() is { Count: > 0 } pe) return Error.Validation(pe);
        var q = Visible().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            var statuses = new List<RegistrationStatus>();
            foreach (var s in query.Status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<RegistrationStatus>(s, true, out var st) || int.TryParse(s, out _))
                    return Error.Validation("status", "contract.status_unknown", $"未知状态：{s}", $"Unknown status: {s}");
                statuses.Add(st);
            }
            q = q.Where(c => statuses.Contains(c.Status));
        }
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            if (!Enum.TryParse<ContractCategory>(query.Category, true, out var cat) || int.TryParse(query.Category, out _))
                return Error.Validation("category", "contract.category_unknown", $"未知类别：{query.Category}", $"Unknown category: {query.Category}");
            q = q.Where(c => c.StatCategory == cat);
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
        q = (query.Sort ?? "due").ToLowerInvariant() switch
        {
            "due" => q.OrderBy(c => c.DueDate == null).ThenBy(c => c.DueDate).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Id),
            "updated" => q.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
            "amount" => q.OrderByDescending(c => c.DeclaredTechTransactionAmount).ThenBy(c => c.Id),
            "signed" => q.OrderByDescending(c => c.SignedDate).ThenBy(c => c.Id),
            _ => null!,
        };
        if (q is null) return Error.Validation("sort", "paging.unknown_sort", "排序字段须为 due、updated、amount 或 signed", "Sort by due, updated, amount or signed.");
        var total = await q.CountAsync(ct);
        var page = await q.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = page.Select(c => new ContractSummary(c.Id, c.ProjectName, c.Category, c.SubType, c.Status,
            c.Parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
            c.Parties.Where(p => p.Role == PartyRole.Buyer).OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
            c.TotalAmount, c.DeclaredTechTransactionAmount, c.AssessedTechTransactionAmount, c.SignedDate, c.SubmittedAt, c.DueDate,
            c.IsOverdue(today), c.IsLargeContract, c.PossibleDuplicate, c.RegistrationNo, c.UpdatedAt, c.AssignedRegistrarName)).ToList();
        return new PagedResult<ContractSummary>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Result<ContractResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await FindAsync(id, ct);
        return c is null ? ContractErrors.NotFound : Response(c);
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
        var details = request.ToDetails();
        if (details.IsFailure) return details.Error!;
        var created = TechnologyContract.Draft(details.Value, org, user.UserId, Now, catalog);
        if (created.IsFailure) return created.Error!;
        // R2.8: the creator must be able to submit it (seller side, or the domestic buyer of an import).
        if (created.Value.CheckSubmitter(org) is { IsFailure: true } who) return who.Error!;
        db.Add(created.Value);
        await db.SaveChangesAsync(ct);
        return Response(created.Value);
    }

    // the body is checked before the status (UpdateDetails validates, then refuses a contract past the draft)
    public Task<Result<ContractResponse>> UpdateAsync(Guid id, ContractRequest request, CancellationToken ct) =>
        SellerActAsync(id, c =>
        {
            var details = request.ToDetails();
            return details.IsFailure ? Result.Failure(details.Error!) : c.UpdateDetails(details.Value, Now, catalog);
        }, ct, allowAfterSubmission: true);

    public async Task<Result<ContractResponse>> AddAttachmentAsync(Guid id, AttachmentRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.FileName) || request.FileName.Length > 200)
            return Error.Validation("fileName", "contract.attachment_name_invalid", "附件文件名须为 1–200 个字符", "The file name must have 1–200 characters.");
        return await SellerActAsync(id, c =>
        {
            c.AddAttachment(new AttachmentInfo(request.Kind, request.FileName.Trim(), request.ContentType ?? "application/octet-stream",
                Math.Max(0, request.SizeBytes), request.Sha256, Now), Now);
            return Result.Success();
        }, ct, allowAfterSubmission: false);
    }

    /// <summary>Submit a draft (R2.7–R2.9), or resubmit after a supplement request (the clock restarts). Flags duplicates (R2.8).</summary>
    public async Task<Result<ContractResponse>> SubmitAsync(Guid id, CancellationToken ct)
    {
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        if (user.OrganizationId is not { } org) return Error.Forbidden;
        var r = c.Status == RegistrationStatus.SupplementRequested
            ? c.Resubmit(org, user.UserId, Now, catalog, calendar)
            : c.Submit(org, user.UserId, Now, catalog);
        if (r.IsFailure) return r.Error!;
        var fingerprint = c.Fingerprint;
        var duplicate = await db.Set<TechnologyContract>().AsNoTracking()
            .Where(o => o.Id != c.Id && o.Fingerprint == fingerprint && o.Status != RegistrationStatus.Draft && o.Status != RegistrationStatus.Rejected
                        && o.Status != RegistrationStatus.Cancelled && o.Status != RegistrationStatus.Revoked)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (duplicate is { } dup && !c.PossibleDuplicate) c.MarkPossibleDuplicate(dup, Now);
        return await SaveAsync(c, ct);
    }

    public Task<Result<ContractResponse>> FileCorrectionAsync(Guid id, CorrectionBody body, CancellationToken ct) =>
        PartyActAsync(id, (c, org) => body.NewTotalAmount is not { } amount
            ? Error.Validation("newTotalAmount", "validation.required", "变更后的金额为必填项", "The new amount is required.")
            : c.FileCorrection(org, amount, body.Note ?? "", user.UserId, Now), ct);

    public Task<Result<ContractResponse>> FileObjectionAsync(Guid id, ObjectionBody body, CancellationToken ct) =>
        PartyActAsync(id, (c, org) => c.FileObjection(org, body.Text ?? "", user.UserId, Now), ct);

    public Task<Result<ContractResponse>> RecordBenefitAsync(Guid id, BenefitBody body, CancellationToken ct) =>
        PartyActAsync(id, (c, org) =>
        {
            if (body.Kind is not { } kind) return Error.Validation("kind", "validation.required", "优惠类型为必填项", "The benefit kind is required.");
            if (c.CheckSubmitter(org).IsFailure && !IsRegistrar) return Error.Forbidden;
            return c.RecordBenefitUse(kind, user.UserId, Now);
        }, ct);

    // ---------------- registrar ----------------

    public Task<Result<ContractResponse>> AcceptAsync(Guid id, CancellationToken ct) =>
        RegistrarActAsync(id, c => c.Accept(_options.RegistryOfficeId, user.UserId, Now, catalog, calendar), ct);

    public Task<Result<ContractResponse>> RequestSupplementAsync(Guid id, SupplementRequestBody body, CancellationToken ct) =>
        RegistrarActAsync(id, c =>
        {
            var r = c.RequestSupplement(body.Items ?? "", user.UserId, Now);
            if (r.IsSuccess) NotifyParties(c, $"技术合同登记需补正：{c.ProjectName}", $"Supplements requested: {c.ProjectName}");
            return r;
        }, ct);

    public Task<Result<ContractResponse>> ExpertReviewAsync(Guid id, ExpertReviewBody body, CancellationToken ct) =>
        RegistrarActAsync(id, c =>
        {
            if (body.MarkDisputed)
            {
                var d = c.MarkDisputed(body.Note ?? "", user.UserId, Now, catalog, calendar);
                if (d.IsFailure) return d;
            }
            return c.SendToExpertReview(body.Note, user.UserId, Now);
        }, ct);

    /// <summary>
    /// Registers an accepted (or expert-reviewed) contract. The refusals are checked first, without a transaction. Then, in
    /// one transaction, the rows every registrar shares are written as late as possible and in one round trip: the
    /// statistics delta (bucket rows in key order) and then the per-year serial (<c>INSERT … ON CONFLICT DO UPDATE …
    /// RETURNING</c>, gap-free: a rollback gives the serial back); the contract with its number, the audit entries and the
    /// notifications follow as one batch, then the commit. The response is built after the commit, outside the locks.
    /// </summary>
    public async Task<Result<ContractResponse>> RegisterAsync(Guid id, RegisterBody body, CancellationToken ct)
    {
        if (!IsRegistrar) return Error.Forbidden;
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        var now = Now;
        var assessed = body.AssessedTechTransactionAmount ?? c.DeclaredTechTransactionAmount;
        if (c.CanRegister(assessed, now, catalog) is { IsFailure: true } refused) return refused.Error!;
        var year = BusinessTime.DateOf(now).Year;
        var layout = new RegistrationNumberLayout(_options.RegistrationNumberLayout);
        var after = ContractStatisticsFacts.AsRegistered(c, assessed, now);
        // SQLite has one writer at a time: registrars of this process queue here and wake as soon as the previous one
        // commits, instead of polling the database lock (other processes still wait through the busy timeout).
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        if (sqlite) await SqliteRegistrations.WaitAsync(ct);
        try
        {
            await using var tx = await statistics.BeginWriteTransactionAsync(ct);
            await statistics.ApplyAsync(ContractStatisticsFacts.From(c), after, ct);
            var serial = await statistics.FlushAndTakeSerialAsync(year, _options.OfficeDivisionCode, ct);
            var r = c.Register(assessed, _options.OfficeDivisionCode, new SerialIssuer(layout, serial), user.UserId, now, catalog);
            if (r.IsFailure) return r.Error!; // the transaction is rolled back: the serial and the delta are not used
            if (!after.SameAs(ContractStatisticsFacts.From(c)))
                throw new InvalidOperationException("The registration's statistics delta differs from the registered contract.");
            NotifyParties(c, $"技术合同已登记：{c.ProjectName}（{c.RegistrationNo}）", $"Contract registered: {c.ProjectName} ({c.RegistrationNo})");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.ConcurrencyConflict;
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            if (sqlite) SqliteRegistrations.Release();
        }
        return Response(c);
    }

    private static readonly SemaphoreSlim SqliteRegistrations = new(1, 1);

    private sealed class SerialIssuer(RegistrationNumberLayout layout, long serial) : IRegistrationNumberIssuer
    {
        private bool _used;

        public string Next(int year, string officeDivisionCode)
        {
            if (_used) throw new InvalidOperationException("One registration takes one serial.");
            _used = true;
            return layout.Format(year, officeDivisionCode, serial);
        }
    }

    public Task<Result<ContractResponse>> RejectAsync(Guid id, RejectBody body, CancellationToken ct) =>
        RegistrarActAsync(id, c =>
        {
            if (body.Reason is not { } reason) return Error.Validation("reason", "validation.required", "不予登记原因为必填项", "The rejection reason is required.");
            var r = c.Reject(reason, body.Text, user.UserId, Now);
            if (r.IsSuccess) NotifyParties(c, $"技术合同不予登记：{c.ProjectName}", $"Contract not registered: {c.ProjectName}");
            return r;
        }, ct);

    public Task<Result<ContractResponse>> ChangeAsync(Guid id, ChangeBody body, CancellationToken ct) =>
        RegistrarActAsync(id, c => c.ChangeRegistration(new ContractChange(body.Reason ?? "", body.TotalAmount, body.AssessedTechTransactionAmount, body.Parties, body.ValidTo),
            user.UserId, Now, catalog), ct, affectsStatistics: true);

    public Task<Result<ContractResponse>> CancelAsync(Guid id, ReasonBody body, CancellationToken ct) =>
        RegistrarActAsync(id, c => c.Cancel(body.Reason ?? "", user.UserId, Now), ct, affectsStatistics: true);

    public Task<Result<ContractResponse>> RevokeAsync(Guid id, RevokeBody body, CancellationToken ct) =>
        RegistrarActAsync(id, c => body.Reason is not { } reason
            ? Error.Validation("reason", "validation.required", "撤销原因为必填项", "The revocation reason is required.")
            : c.Revoke(reason, body.Text, user.UserId, Now), ct, affectsStatistics: true);

    public Task<Result<ContractResponse>> ResolveObjectionAsync(Guid id, ResolveObjectionBody body, CancellationToken ct) =>
        RegistrarActAsync(id, c => body.Outcome is not { } outcome
            ? Error.Validation("outcome", "validation.required", "处理结果为必填项", "The outcome is required.")
            : c.ResolveObjection(outcome, body.Resolution ?? "", user.UserId, Now), ct);

    public Task<Result<ContractResponse>> ClearDuplicateAsync(Guid id, CancellationToken ct) =>
        RegistrarActAsync(id, c => { c.ClearDuplicateFlag(user.UserId, Now); return Result.Success(); }, ct);

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
            return Error.Validation("file", "import.empty", "文件中没有数据行", "The file has no data rows.");
        if (invalid > 0 && !skipInvalid) return new ImportResult(rows.Count, 0, invalid, false, [], errors);
        var ids = new List<Guid>();
        foreach (var row in rows.Where(r => r.IsValid))
        {
            var c = TechnologyContract.Draft(row.Details!, org, user.UserId, Now, catalog);
            if (c.IsFailure) continue;
            db.Add(c.Value);
            ids.Add(c.Value.Id);
        }
        await db.SaveChangesAsync(ct);
        return new ImportResult(rows.Count, ids.Count, invalid, skipInvalid, ids, errors);
    }

    // ---------------- helpers ----------------

    private void NotifyParties(TechnologyContract c, string zh, string en)
    {
        foreach (var org in c.Parties.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Append(c.OwnerOrganizationId).Distinct())
            db.Add(Notification.ToOrganization(org, null, zh, en, $"/contracts/{c.Id}", Now));
    }

    private async Task<Result<ContractResponse>> SellerActAsync(Guid id, Func<TechnologyContract, Result> act, CancellationToken ct, bool allowAfterSubmission = false)
    {
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        if (user.OrganizationId is not { } org) return Error.Forbidden;
        if (c.CheckSubmitter(org) is { IsFailure: true } who) return who.Error!;
        if (!allowAfterSubmission && c.Status is not (RegistrationStatus.Draft or RegistrationStatus.SupplementRequested)) return ContractErrors.NotEditable;
        var r = act(c);
        return r.IsFailure ? r.Error! : await SaveAsync(c, ct);
    }

    private async Task<Result<ContractResponse>> PartyActAsync(Guid id, Func<TechnologyContract, Guid, Result> act, CancellationToken ct)
    {
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        if (user.OrganizationId is not { } org) return Error.Forbidden;
        var before = ContractStatisticsFacts.From(c);
        var r = act(c, org);
        if (r.IsFailure) return r.Error!;
        await statistics.ApplyAsync(before, ContractStatisticsFacts.From(c), ct);
        return await SaveAsync(c, ct);
    }

    private async Task<Result<ContractResponse>> RegistrarActAsync(Guid id, Func<TechnologyContract, Result> act, CancellationToken ct, bool affectsStatistics = false)
    {
        if (!IsRegistrar) return Error.Forbidden;
        var c = await FindAsync(id, ct);
        if (c is null) return ContractErrors.NotFound;
        var before = ContractStatisticsFacts.From(c);
        var r = act(c);
        if (r.IsFailure) return r.Error!;
        if (affectsStatistics) await statistics.ApplyAsync(before, ContractStatisticsFacts.From(c), ct);
        if (c.NotificationTasks.Any(n => !n.Done && n.CreatedAt == Now))
            NotifyParties(c, $"合同登记变更，已享受的优惠需通知税务/财务：{c.ProjectName}", $"Registration changed; report used benefits to tax/finance: {c.ProjectName}");
        return await SaveAsync(c, ct);
    }

    private async Task<Result<ContractResponse>> SaveAsync(TechnologyContract c, CancellationToken ct)
    {
        try
        {
            await statistics.SaveChangesAsync(ct);
            return Response(c);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.ConcurrencyConflict;
        }
    }
}

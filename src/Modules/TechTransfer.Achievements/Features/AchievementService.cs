using TechTransfer.SharedKernel.Fields;
using TechTransfer.Platform.Lists;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Lists;

namespace TechTransfer.Achievements.Features;

/// <summary>
/// Use cases of achievements (科技成果, R5.1), shared by the API and the pages. Every query is scoped by
/// <see cref="Visible"/>: another organisation's draft or confidential achievement is simply not found (404).
/// </summary>
public sealed class AchievementService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<AchievementsOptions> options, AttachmentStore store, IReferenceCheck references)
{
    private AchievementsOptions Options => options.Value;
    private IQueryable<Achievement> Achievements => db.Set<Achievement>();
    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The signed-in user's id (pages link a new disclosure's first completer to it).</summary>
    public Guid? CurrentUserId => user.UserId;

    /// <summary>SQL form of <see cref="Achievement.CanBeSeenBy"/>.</summary>
    public static Expression<Func<Achievement, bool>> Visible(ICurrentUser v)
    {
        var uid = v.UserId ?? Guid.Empty;
        var org = v.OrganizationId ?? Guid.Empty;
        var admin = v.IsPlatformAdmin();
        var signedIn = v.UserId is not null;
        return a => (signedIn && (a.CreatedByUserId == uid || a.NamedViewerUserIds.Contains(uid) || a.CompleterAccounts.Any(c => c.UserId == uid)))
                    || (signedIn && a.OwnerOrganizationId == org && a.Status != AchievementStatus.Draft)
                    || (admin && a.Status != AchievementStatus.Draft)
                    || (a.Status == AchievementStatus.Registered && !a.IsConfidential);
    }

    public async Task<Result<PagedResult<AchievementSummary>>> ListAsync(AchievementListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        if (paging.Validate() is { Count: > 0 } pagingErrors) return Error.Validation(pagingErrors);
        return await Filtered(query).PageAsync(paging, Summaries, ct);
    }

    /// <summary>Every row of the list's filter and order (not one page), for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<AchievementSummary>>> ExportAsync(AchievementListQuery query, CancellationToken ct) =>
        Filtered(query).ExportAsync(Summaries, ct);

    private static IQueryable<AchievementSummary> Summaries(IQueryable<Achievement> q) =>
        q.Select(a => new AchievementSummary(a.Id, a.Title, a.TitleEn, a.TechnicalField, a.IpType, a.Trl, a.FundingSource, a.Status,
            a.ConversionStatus, a.ConversionMode, a.OwnerOrganizationId, a.IsConfidential, a.DisclosedAt, a.UnitRegisteredAt, a.IdleFlaggedAt, a.UpdatedAt));

    /// <summary>The visible achievements matching the list's filters, and the same in the requested order.</summary>
    private Result<(IQueryable<Achievement> Filtered, IQueryable<Achievement> Sorted)> Filtered(AchievementListQuery query)
    {
        var q = Achievements.AsNoTracking().Where(Visible(user));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            var lower = term.ToLowerInvariant();
            var fieldCode = TechnicalFields.Normalize(term);
            q = q.Where(a => a.Title.Contains(term) || (a.TitleEn != null && a.TitleEn.ToLower().Contains(lower)) || a.TechnicalField.Contains(term) || a.TechnicalField == fieldCode);
        }
        if (query.Status is { } status) q = q.Where(a => a.Status == status);
        if (query.ConversionStatus is { } cs) q = q.Where(a => a.ConversionStatus == cs);
        if (query.FundingSource is { } fs) q = q.Where(a => a.FundingSource == fs);
        if (query.IpType is { } ip) q = q.Where(a => a.IpType == ip);
        if (!string.IsNullOrWhiteSpace(query.Field)) { var field = TechnicalFields.Normalize(query.Field); q = q.Where(a => a.TechnicalField == field); }
        if (query.OrganizationId is { } orgId) q = q.Where(a => a.OwnerOrganizationId == orgId);
        if (query.Mine && user.UserId is { } me) q = q.Where(a => a.CreatedByUserId == me || a.CompleterAccounts.Any(c => c.UserId == me));
        if (query.Idle is { } idle) q = idle ? q.Where(a => a.IdleFlaggedAt != null) : q.Where(a => a.IdleFlaggedAt == null);

        IQueryable<Achievement>? sorted = (query.Sort?.ToLowerInvariant(), query.Desc) switch
        {
            (null or "", _) => q.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id),
            ("updatedat", false) => q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id),
            ("updatedat", true) => q.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id),
            ("title", false) => q.OrderBy(a => a.Title).ThenBy(a => a.Id),
            ("title", true) => q.OrderByDescending(a => a.Title).ThenBy(a => a.Id),
            ("registeredat", false) => q.OrderBy(a => a.UnitRegisteredAt).ThenBy(a => a.Id),
            ("registeredat", true) => q.OrderByDescending(a => a.UnitRegisteredAt).ThenBy(a => a.Id),
            ("trl", false) => q.OrderBy(a => a.Trl).ThenBy(a => a.Id),
            ("trl", true) => q.OrderByDescending(a => a.Trl).ThenBy(a => a.Id),
            _ => null,
        };
        if (sorted is null)
            return Error.Validation([PagingErrors.UnknownSort(["updatedAt", "title", "registeredAt", "trl"])]);
        return (q, sorted);
    }

    public async Task<Result<AchievementResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        var a = await Achievements.AsNoTracking().Where(Visible(user)).SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? AchievementErrors.NotFound : AchievementResponse.From(a, user);
    }

    /// <summary>Loads a visible achievement for a change (tracked).</summary>
    internal async Task<Achievement?> LoadAsync(Guid id, CancellationToken ct) =>
        await Achievements.Where(Visible(user)).SingleOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>A researcher starts a disclosure: shape, content and the users it names are checked first (all errors at once).</summary>
    public async Task<Result<AchievementResponse>> CreateAsync(AchievementRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Researcher)) return AchievementErrors.OnlyResearcherMayDisclose;
        if (await CheckRequestAsync(request, ct) is { } invalid) return invalid;
        var result = Achievement.Draft(request.ToInput(), user, Now);
        if (result.IsFailure) return result.Error!;
        db.Add(result.Value);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return AchievementResponse.From(result.Value, user);
    }

    /// <summary>The discloser edits a draft or returned disclosure; the request must name the version it read.</summary>
    public async Task<Result<AchievementResponse>> EditAsync(Guid id, AchievementRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Version is null) errors.AddFrom(AchievementErrors.VersionRequired);
        if (await CheckRequestAsync(request, ct) is { } invalid) errors.AddFrom(invalid);
        if (errors.ToError() is { } refused) return refused;
        return await ChangeAsync(id, request.Version, a => a.Edit(request.ToInput(), user, Now), ct);
    }

    private async Task<Error?> CheckRequestAsync(AchievementRequest request, CancellationToken ct)
    {
        var errors = request.ShapeErrors();
        if (errors.Any) return errors.ToError();
        errors.AddRange(Achievement.ValidateDraft(request.ToInput()));
        errors.AddRange(await references.UsersAsync(request.UserReferences(), ct));
        return errors.ToError();
    }

    public Task<Result<AchievementResponse>> DiscloseAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, a => a.Disclose(user, Now), ct, a => db.Add(Notification.ToOrganization(a.OwnerOrganizationId, Roles.InstitutionAdmin,
            $"新的成果披露待受理：{a.Title}", $"New disclosure to review: {a.TitleEn ?? a.Title}", $"/achievements/{a.Id}", Now, NotificationKinds.AchievementReview)));

    public Task<Result<AchievementResponse>> StartReviewAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, a => a.StartReview(user, Now), ct,
            a => NotifyPeople(a, $"您披露的成果已进入审核：{a.Title}", $"Your disclosure is under review: {a.TitleEn ?? a.Title}"));

    public Task<Result<AchievementResponse>> RegisterAsync(Guid id, string? note, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, a => a.Register(user, Now, note), ct,
            a => NotifyPeople(a, $"您披露的成果已完成本单位登记：{a.Title}", $"Your disclosure was registered: {a.TitleEn ?? a.Title}"));

    public Task<Result<AchievementResponse>> ReturnAsync(Guid id, string? reason, int? version, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason) ? Refused(AchievementErrors.ReasonRequired)
            : ChangeAsync(id, version, a => a.Return(user, Now, reason), ct,
                a => NotifyPeople(a, $"您披露的成果被退回修改：{a.Title}（{reason}）", $"Your disclosure was returned for changes: {a.TitleEn ?? a.Title} ({reason})"));

    public Task<Result<AchievementResponse>> DeclineAsync(Guid id, string? reason, int? version, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason) ? Refused(AchievementErrors.ReasonRequired)
            : ChangeAsync(id, version, a => a.Decline(user, Now, reason), ct,
                a => NotifyPeople(a, $"您披露的成果未予登记：{a.Title}（{reason}）", $"Your disclosure was declined: {a.TitleEn ?? a.Title} ({reason})"));

    public Task<Result<AchievementResponse>> EvaluateAsync(Guid id, EvaluationRequest r, CancellationToken ct)
    {
        var evaluation = new AchievementEvaluation(r.ValueAssessment ?? "", r.Potential, r.EstimatedValueYuan, r.ProofOfConcept, r.Notes);
        return Achievement.CheckEvaluation(evaluation) is { } invalid ? Refused(invalid)
            : ChangeAsync(id, r.Version, a => a.RecordEvaluation(evaluation, user, Now), ct);
    }

    public Task<Result<AchievementResponse>> UpdateConversionAsync(Guid id, ConversionRequest r, CancellationToken ct) =>
        r.Status != ConversionStatus.NotStarted && r.Mode is null ? Refused(AchievementErrors.ConversionModeRequired)
            : ChangeAsync(id, r.Version, a => a.UpdateConversion(r.Status, r.Mode, user, Now, r.CounterpartyIsForeign, r.ExclusiveLicence,
                r.ProjectAuthorityApprovalRef, r.Note), ct);

    public Task<Result<AchievementResponse>> JustifyIdleAsync(Guid id, string? justification, int? version, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(justification) ? Refused(AchievementErrors.JustificationRequired)
            : ChangeAsync(id, version, a => a.RecordIdleJustification(justification, user, Now), ct);

    public async Task<Result<AchievementResponse>> SetConfidentialityAsync(Guid id, ConfidentialityRequest r, CancellationToken ct)
    {
        var viewers = r.NamedViewerUserIds ?? [];
        if (await references.UsersAsync(viewers.Select((v, i) => ($"namedViewerUserIds[{i}]", v)), ct) is { Count: > 0 } unknown)
            return Error.Validation(unknown);
        return await ChangeAsync(id, r.Version, a => a.SetConfidentiality(r.IsConfidential, r.ConfidentialDetails, viewers, user, Now), ct);
    }

    /// <summary>Checks the upload (size, type, content), stores it under the data directory and records it (R5.1).</summary>
    public async Task<Result<AchievementResponse>> AddAttachmentAsync(Guid id, IFormFile? file, bool confidential, CancellationToken ct)
    {
        if (user.UserId is not { } userId) return Error.Forbidden;
        if (file is null) return AchievementErrors.AttachmentEmpty;
        var a = await LoadAsync(id, ct);
        if (a is null) return AchievementErrors.NotFound;
        var head = new byte[16];
        int read;
        await using (var s = file.OpenReadStream()) read = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var check = AttachmentRules.Check(file.FileName, file.Length, head.AsSpan(0, read), Options.Attachments);
        if (check.IsFailure) return check.Error!;
        var attachmentId = Guid.NewGuid();
        var fileName = Path.GetFileName(file.FileName);
        var stored = await store.SaveAsync(a.Id, attachmentId, file.OpenReadStream, ct);
        var attachment = new AchievementAttachment(attachmentId, fileName, check.Value, file.Length, stored.Sha256, stored.RelativePath, confidential, userId, Now);
        var added = a.AddAttachment(attachment, user, Options.Attachments, Now);
        if (added.IsFailure)
        {
            store.Delete(stored.RelativePath);
            return added.Error!;
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            store.Delete(stored.RelativePath);
            return conflict;
        }
        return AchievementResponse.From(a, user);
    }

    public async Task<Result<(AchievementAttachment Attachment, Stream Content)>> OpenAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var a = await Achievements.AsNoTracking().Where(Visible(user)).SingleOrDefaultAsync(x => x.Id == id, ct);
        var att = a?.Attachments.FirstOrDefault(x => x.Id == attachmentId);
        if (a is null || att is null || (att.IsConfidential && !a.CanSeeConfidentialFields(user)))
            return Error.NotFound("attachment", "附件");
        var stream = store.Open(att.StoragePath);
        return stream is null ? Error.NotFound("attachment", "附件") : (att, stream);
    }

    /// <summary>The idle list's sort keys (default: the oldest registration first, i.e. the longest idle).</summary>
    public static readonly ListSort<Achievement> IdleSorts = new ListSort<Achievement>(a => a.Id, "registeredAt", false)
        .Key("registeredAt", a => a.UnitRegisteredAt)
        .Key("flaggedAt", a => a.IdleFlaggedAt)
        .Key("title", a => a.Title);

    /// <summary>The office's idle list (R5.3) with ages, oldest first unless sorted otherwise.</summary>
    public async Task<Result<PagedResult<IdleAchievementDto>>> IdleListAsync(IdleListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await IdleFiltered(query, paging.Validate()).PageAsync(paging, IdleRows, ct);
    }

    /// <summary>Every row of the idle list's filter and order, for the Excel export (<see cref="ListQuery"/>).</summary>
    public Task<Result<IReadOnlyList<IdleAchievementDto>>> IdleExportAsync(IdleListQuery query, CancellationToken ct) =>
        IdleFiltered(query, []).ExportAsync(IdleRows, ct);

    /// <summary>The rows with their age today (the clock) and completers (an owned collection): shaped in memory.</summary>
    private IReadOnlyList<IdleAchievementDto> IdleRows(IReadOnlyList<Achievement> rows)
    {
        var now = Now;
        return rows.Select(a => new IdleAchievementDto(a.Id, a.Title, a.TitleEn, a.UnitRegisteredAt!.Value, a.AgeInDays(now) ?? 0,
            a.IdleFlaggedAt!.Value, a.StateMayImplementOrLicense, a.Completers.Select(c => c.Name).ToList())).ToList();
    }

    /// <summary>The office's own flagged achievements matching the filters, and the same in the requested order.</summary>
    private Result<(IQueryable<Achievement> Filtered, IQueryable<Achievement> Sorted)> IdleFiltered(IdleListQuery query, IReadOnlyList<FieldError> pagingErrors)
    {
        if (!user.IsInRole(Roles.InstitutionAdmin) || user.OrganizationId is not { } org) return AchievementErrors.RoleNotAllowed;
        var errors = new FieldErrors().AddRange(pagingErrors);
        var q = Achievements.AsNoTracking().Where(a => a.OwnerOrganizationId == org && a.IdleFlaggedAt != null);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim();
            var lower = term.ToLowerInvariant();
            q = q.Where(a => a.Title.Contains(term) || (a.TitleEn != null && a.TitleEn.ToLower().Contains(lower)));
        }
        q = q.Between(a => a.IdleFlaggedAt, query.From, query.To, errors);
        var sorted = IdleSorts.Apply(q, query.Sort, query.Desc);
        if (sorted.IsFailure) errors.AddRange(sorted.Error!.FieldErrors);
        if (errors.ToError() is { } invalid) return invalid;
        return (q, sorted.Value!);
    }

    /// <summary>Load (visible only: 404 otherwise), check the version the caller read (409 when stale), change, save.</summary>
    /// <summary>站内通知 to the disclosing researcher and the completers with an account, in the change's transaction.</summary>
    private void NotifyPeople(Achievement a, string zh, string en)
    {
        foreach (var uid in a.CompleterUserIds.Append(a.CreatedByUserId).Distinct())
            db.Add(Notification.ToUser(uid, Cut(zh), Cut(en), $"/achievements/{a.Id}", Now, NotificationKinds.AchievementDecision));
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..299] + "…";

    private async Task<Result<AchievementResponse>> ChangeAsync(Guid id, int? version, Func<Achievement, Result> change, CancellationToken ct,
        Action<Achievement>? notify = null)
    {
        if (!user.IsAuthenticated) return Error.Forbidden;
        var a = await LoadAsync(id, ct);
        if (a is null) return AchievementErrors.NotFound;
        if (Error.StaleVersion(a.Version, version) is { } stale) return stale;
        var result = change(a);
        if (result.IsFailure) return result.Error!;
        notify?.Invoke(a);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return AchievementResponse.From(a, user);
    }

    private static Task<Result<AchievementResponse>> Refused(Error error) => Task.FromResult<Result<AchievementResponse>>(error);
}

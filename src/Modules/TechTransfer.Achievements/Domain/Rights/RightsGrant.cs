using System.Globalization;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Domain;

/// <summary>赋权方式 (R5.2)</summary>
public enum GrantType
{
    /// <summary>赋予所有权（份额）</summary>
    Ownership,
    /// <summary>赋予长期使用权（期限）</summary>
    LongTermUseRight,
    /// <summary>使用、转让、投资等权利</summary>
    UseTransferInvestRights,
}

/// <summary>赋权申请状态: 已提交 → 已批准（颁发证书）| 不予批准 | 已撤回</summary>
public enum RightsGrantStatus { Submitted, Approved, Rejected, Withdrawn }

/// <summary>知识产权维持费承担方</summary>
public enum FeeBearer { Unit, Completers, Shared }

/// <summary>[CFG] Rights-grant configuration (R5.2), checked at start by <c>AchievementsOptionsValidator</c>.</summary>
public sealed class RightsGrantOptions
{
    /// <summary>Minimum term of a long-term use right in years, 1 to 99 (Shandong pilot: 10; not confirmed nationally).</summary>
    public int MinimumLongTermUseYears { get; set; } = 10;
}

/// <summary>A completer's share of the granted right.</summary>
public sealed class GrantShare
{
    private GrantShare() { CompleterName = ""; }

    public GrantShare(string completerName, Guid? userId, decimal sharePercent)
    {
        Id = Guid.NewGuid();
        CompleterName = completerName.Trim();
        UserId = userId;
        SharePercent = sharePercent;
    }

    public Guid Id { get; private set; }
    public string CompleterName { get; private set; }
    public Guid? UserId { get; private set; }
    /// <summary>Ownership: percent of the whole right. Other grant types: percent among the completers.</summary>
    public decimal SharePercent { get; private set; }
}

public sealed record GrantShareInput(string CompleterName, Guid? UserId, decimal SharePercent);

/// <summary>The terms of a grant as proposed.</summary>
public sealed record RightsGrantTerms(
    GrantType GrantType,
    decimal UnitSharePercent,
    IReadOnlyList<GrantShareInput> CompleterShares,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    decimal UnitIncomePercent,
    decimal CompleterIncomePercent,
    string IncomeSplitAgreement,
    string DecisionMechanism,
    string CostSharing,
    FeeBearer IpMaintenanceFeeBearer);

/// <summary>
/// 赋权 (spec R5.2): the unit grants completers an ownership share or a long-term use right in a registered
/// achievement, together with the income-split agreement, decision and cost-bearing terms. The transfer office
/// decides; an approved grant carries a certificate. A completer may request a grant of an idle achievement (R5.3).
/// </summary>
public sealed class RightsGrant : IAudited
{
    private readonly List<GrantShare> _shares = [];

    private RightsGrant()
    {
        IncomeSplitAgreement = "";
        DecisionMechanism = "";
        CostSharing = "";
        AchievementTitle = "";
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AchievementId { get; private set; }
    public string AchievementTitle { get; private set; }
    public GrantType GrantType { get; private set; }
    /// <summary>Unit's remaining ownership share (Ownership only; 0 otherwise).</summary>
    public decimal UnitSharePercent { get; private set; }
    public IReadOnlyList<GrantShare> CompleterShares => _shares;
    /// <summary>First day of a long-term use right (inclusive).</summary>
    public DateOnly? TermStartsOn { get; private set; }
    /// <summary>Last day of a long-term use right (inclusive): a 10-year term from 2026-03-02 ends on 2036-03-01.</summary>
    public DateOnly? TermEndsOn { get; private set; }
    /// <summary>收益分配约定 (required with the grant).</summary>
    public decimal UnitIncomePercent { get; private set; }
    public decimal CompleterIncomePercent { get; private set; }
    public string IncomeSplitAgreement { get; private set; }
    /// <summary>决策机制</summary>
    public string DecisionMechanism { get; private set; }
    /// <summary>费用分担</summary>
    public string CostSharing { get; private set; }
    public FeeBearer IpMaintenanceFeeBearer { get; private set; }

    public RightsGrantStatus Status { get; private set; }
    public Guid RequestedByUserId { get; private set; }
    /// <summary>Requested by a completer of an idle achievement (R5.3).</summary>
    public bool RequestedByCompleter { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? CertificateNo { get; private set; }
    /// <summary>权属变更登记日期</summary>
    public DateOnly? OwnershipChangeFiledOn { get; private set; }
    public int Version { get; private set; }

    Guid? IAudited.AuditOrganizationId => OrganizationId;

    /// <summary>
    /// Proposes a grant of a registered achievement. The owning office may always propose; a researcher who is a
    /// completer only when the achievement is flagged EligibleForCompleterLedConversion (R5.3). Terms per R5.2.
    /// </summary>
    public static Result<RightsGrant> Request(Achievement achievement, RightsGrantTerms terms, ICurrentUser caller, RightsGrantOptions options, DateTimeOffset now)
    {
        if (caller.UserId is not { } userId) return Error.Forbidden;
        var isOffice = caller.IsOfficeOf(achievement.OwnerOrganizationId);
        var isCompleter = caller.IsInRole(Roles.Researcher) && achievement.IsCompleter(userId);
        if (!isOffice)
        {
            if (!achievement.CanBeSeenBy(caller)) return AchievementErrors.NotFound;
            if (!caller.IsInRole(Roles.Researcher)) return AchievementErrors.GrantRoleNotAllowed;
            if (!isCompleter) return AchievementErrors.NotACompleter;
        }
        var errors = ValidateTerms(terms, options);
        if (errors.Count > 0) return Error.Validation(errors);
        if (achievement.Status != AchievementStatus.Registered) return AchievementErrors.GrantAchievementNotRegistered;
        if (!isOffice && !achievement.EligibleForCompleterLedConversion) return AchievementErrors.CompleterRequestRequiresIdle;

        var grant = new RightsGrant
        {
            Id = Guid.NewGuid(),
            OrganizationId = achievement.OwnerOrganizationId,
            AchievementId = achievement.Id,
            AchievementTitle = achievement.Title,
            GrantType = terms.GrantType,
            UnitSharePercent = terms.GrantType == GrantType.Ownership ? terms.UnitSharePercent : 0,
            TermStartsOn = terms.GrantType == GrantType.LongTermUseRight ? terms.TermStart : null,
            TermEndsOn = terms.GrantType == GrantType.LongTermUseRight ? terms.TermEnd : null,
            UnitIncomePercent = terms.UnitIncomePercent,
            CompleterIncomePercent = terms.CompleterIncomePercent,
            IncomeSplitAgreement = terms.IncomeSplitAgreement.Trim(),
            DecisionMechanism = terms.DecisionMechanism.Trim(),
            CostSharing = terms.CostSharing.Trim(),
            IpMaintenanceFeeBearer = terms.IpMaintenanceFeeBearer,
            Status = RightsGrantStatus.Submitted,
            RequestedByUserId = userId,
            RequestedByCompleter = !isOffice,
            RequestedAt = now,
        };
        grant._shares.AddRange(terms.CompleterShares.Select(s => new GrantShare(s.CompleterName, s.UserId, s.SharePercent)));
        return grant;
    }

    /// <summary>
    /// The earliest last day of a term of <paramref name="years"/> years that starts on <paramref name="start"/>, both days
    /// inclusive: the day before the start, <paramref name="years"/> years later (2026-03-02 + 10 years → 2036-03-01). The
    /// start day is the term's first day, so the term covers every day up to the day before the anniversary; a term from
    /// 29 February has its anniversary on 1 March and must reach 28 February (2028-02-29 + 10 years → 2038-02-28).
    /// </summary>
    public static DateOnly MinimumEnd(DateOnly start, int years) => start.AddDays(-1).AddYears(years);

    /// <summary>R5.2: shares sum to 100, income split agreed with the grant, minimum term on the dates, decision and cost terms.</summary>
    public static List<FieldError> ValidateTerms(RightsGrantTerms t, RightsGrantOptions options)
    {
        var errors = new List<FieldError>();
        if (t.CompleterShares.Any(s => s is null))
        {
            errors.Add(AchievementErrors.NullItem("completerShares"));
            return errors;
        }
        if (t.CompleterShares.Count == 0) errors.Add(AchievementErrors.GrantCompletersRequired);
        if (t.CompleterShares.Any(s => s.SharePercent is < 0 or > 100) || t.UnitSharePercent is < 0 or > 100)
            errors.Add(AchievementErrors.GrantShareOutOfRange);
        var completerSum = t.CompleterShares.Sum(s => s.SharePercent);
        if (t.GrantType == GrantType.Ownership)
        {
            if (t.UnitSharePercent + completerSum != 100m) errors.Add(AchievementErrors.GrantSharesMustSum100(t.UnitSharePercent + completerSum));
        }
        else if (t.CompleterShares.Count > 0 && completerSum != 100m)
        {
            errors.Add(AchievementErrors.GrantBeneficiarySharesMustSum100(completerSum));
        }
        if (t.GrantType == GrantType.LongTermUseRight)
        {
            if (t.TermStart is null) errors.Add(AchievementErrors.GrantTermDatesRequired("termStart"));
            if (t.TermEnd is not { } end) errors.Add(AchievementErrors.GrantTermDatesRequired("termEnd"));
            else if (t.TermStart is { } from)
            {
                var minimum = MinimumEnd(from, options.MinimumLongTermUseYears);
                if (end < from) errors.Add(AchievementErrors.GrantTermEndBeforeStart);
                else if (end < minimum) errors.Add(AchievementErrors.GrantTermBelowMinimum(options.MinimumLongTermUseYears, minimum));
            }
        }
        if (string.IsNullOrWhiteSpace(t.IncomeSplitAgreement)) errors.Add(AchievementErrors.GrantIncomeSplitRequired);
        else if (t.UnitIncomePercent is < 0 or > 100 || t.CompleterIncomePercent is < 0 or > 100 || t.UnitIncomePercent + t.CompleterIncomePercent != 100m)
            errors.Add(AchievementErrors.GrantIncomeSplitMustSum100(t.UnitIncomePercent + t.CompleterIncomePercent));
        if (string.IsNullOrWhiteSpace(t.DecisionMechanism)) errors.Add(AchievementErrors.GrantDecisionMechanismRequired);
        if (string.IsNullOrWhiteSpace(t.CostSharing)) errors.Add(AchievementErrors.GrantCostSharingRequired);
        return errors;
    }

    /// <summary>Submitted → Approved by the owning office; issues the certificate number (the year is the business year).</summary>
    public Result Approve(ICurrentUser caller, DateTimeOffset now, string? note = null)
    {
        if (Authorize(caller) is { } denied) return denied;
        if (Status != RightsGrantStatus.Submitted) return AchievementErrors.GrantInvalidTransition(Status, "approved");
        Status = RightsGrantStatus.Approved;
        DecidedByUserId = caller.UserId;
        DecidedAt = now;
        DecisionReason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CertificateNo = $"FQ-{BusinessTime.DateOf(now).Year}-{Id.ToString("N")[..8].ToUpperInvariant()}";
        Version++;
        return Result.Success();
    }

    /// <summary>Submitted → Rejected by the owning office, with a reason.</summary>
    public Result Reject(ICurrentUser caller, DateTimeOffset now, string reason)
    {
        if (Authorize(caller) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(reason)) return AchievementErrors.GrantReasonRequired;
        if (Status != RightsGrantStatus.Submitted) return AchievementErrors.GrantInvalidTransition(Status, "rejected");
        Status = RightsGrantStatus.Rejected;
        DecidedByUserId = caller.UserId;
        DecidedAt = now;
        DecisionReason = reason.Trim();
        Version++;
        return Result.Success();
    }

    /// <summary>The requester withdraws a request that is not yet decided.</summary>
    public Result Withdraw(ICurrentUser caller, DateTimeOffset now)
    {
        if (caller.OrganizationId != OrganizationId) return AchievementErrors.GrantNotFound;
        if (!caller.Is(RequestedByUserId)) return AchievementErrors.GrantRoleNotAllowed;
        if (Status != RightsGrantStatus.Submitted) return AchievementErrors.GrantInvalidTransition(Status, "withdrawn");
        Status = RightsGrantStatus.Withdrawn;
        DecidedAt = now;
        Version++;
        return Result.Success();
    }

    /// <summary>Records the date the ownership change was filed with the IP office (approved ownership grants).</summary>
    public Result RecordOwnershipChangeFiled(DateOnly filedOn, ICurrentUser caller)
    {
        if (Authorize(caller) is { } denied) return denied;
        if (Status != RightsGrantStatus.Approved || GrantType != GrantType.Ownership)
            return AchievementErrors.GrantInvalidTransition(Status, "filed as an ownership change");
        OwnershipChangeFiledOn = filedOn;
        Version++;
        return Result.Success();
    }

    /// <summary>Visible to the owning organisation, platform administrators, the requester and the completers named in it.</summary>
    public bool CanBeSeenBy(ICurrentUser viewer) =>
        viewer.OrganizationId == OrganizationId || viewer.IsPlatformAdmin()
        || (viewer.UserId is { } uid && (uid == RequestedByUserId || _shares.Any(s => s.UserId == uid)));

    private Error? Authorize(ICurrentUser caller)
    {
        if (caller.OrganizationId != OrganizationId) return AchievementErrors.GrantNotFound;
        if (!caller.IsInRole(Roles.InstitutionAdmin)) return AchievementErrors.GrantRoleNotAllowed;
        return null;
    }

    /// <summary>The certificate of an approved grant (赋权证书), as bilingual lines.</summary>
    public Result<RightsGrantCertificate> Certificate()
    {
        if (Status != RightsGrantStatus.Approved || CertificateNo is null || DecidedAt is null)
            return AchievementErrors.GrantInvalidTransition(Status, "certified");
        static string P(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var (typeZh, typeEn) = GrantType switch
        {
            GrantType.Ownership => ("所有权", "Ownership"),
            GrantType.LongTermUseRight => ("长期使用权", "Long-term use right"),
            _ => ("使用、转让、投资权", "Use, transfer and investment rights"),
        };
        var lines = new List<(string Zh, string En)>
        {
            ($"证书编号：{CertificateNo}", $"Certificate no.: {CertificateNo}"),
            ($"成果名称：{AchievementTitle}", $"Achievement: {AchievementTitle}"),
            ($"赋权方式：{typeZh}", $"Grant type: {typeEn}"),
        };
        if (GrantType == GrantType.Ownership)
            lines.Add(($"单位保留份额：{P(UnitSharePercent)}%", $"Unit retains: {P(UnitSharePercent)} %"));
        foreach (var s in _shares)
            lines.Add(($"完成人 {s.CompleterName}：{P(s.SharePercent)}%", $"Completer {s.CompleterName}: {P(s.SharePercent)} %"));
        if (TermStartsOn is { } from && TermEndsOn is { } to)
            lines.Add(($"使用期限：{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}（含首尾两日）", $"Term: {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (both days included)"));
        lines.Add(($"收益分配：单位 {P(UnitIncomePercent)}%，完成人 {P(CompleterIncomePercent)}%", $"Income split: unit {P(UnitIncomePercent)} %, completers {P(CompleterIncomePercent)} %"));
        lines.Add(($"批准日期：{BusinessTime.DateOf(DecidedAt.Value):yyyy-MM-dd}", $"Approved on: {BusinessTime.DateOf(DecidedAt.Value):yyyy-MM-dd}"));
        return new RightsGrantCertificate(CertificateNo, lines);
    }
}

/// <summary>赋权证书</summary>
public sealed record RightsGrantCertificate(string Number, IReadOnlyList<(string Zh, string En)> Lines);

using Microsoft.EntityFrameworkCore;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Contracts.Features.Income;

public sealed record IncomeCertificationBody(DateOnly? PeriodFrom, DateOnly? PeriodTo, decimal? AmountReceived, IReadOnlyList<NonTechnicalItem>? NonTechnicalItems, string? Note);

public sealed record IncomeCertificationResponse(
    Guid Id, Guid ContractId, string RegistrationNo, string ProjectName, ContractCategory Category, DateOnly PeriodFrom, DateOnly PeriodTo,
    decimal AmountReceived, IReadOnlyList<NonTechnicalItem> NonTechnicalItems, decimal DeductedNonTechnical, decimal CertifiedTechnologyIncome,
    IReadOnlyList<Guid> AchievementIds, string? Note, Guid? CertifiedByUserId, DateTimeOffset CertifiedAt)
{
    public static IncomeCertificationResponse From(TechnologyIncomeCertification c) => new(c.Id, c.ContractId, c.RegistrationNo, c.ProjectName, c.Category,
        c.PeriodFrom, c.PeriodTo, c.AmountReceived, c.NonTechnicalItems, c.DeductedNonTechnical, c.CertifiedTechnologyIncome, c.AchievementIds, c.Note,
        c.CertifiedByUserId, c.CertifiedAt);
}

/// <summary>
/// 技术性收入核定: the registrar certifies the technology income received under a registered contract (see
/// <see cref="TechnologyIncomeCertification"/>); parties of the contract and registrars read the certifications. The
/// registrant's office is notified so it can plan the income distribution of the referenced achievements.
/// </summary>
public sealed class IncomeCertificationService(TechTransferDbContext db, ICurrentUser user, TimeProvider clock, ContractRuleSetCatalog catalog, ContractService contracts)
    : ICertifiedIncomeSource
{
    public async Task<Result<IncomeCertificationResponse>> CertifyAsync(Guid contractId, IncomeCertificationBody body, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Registrar)) return Error.Forbidden;
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (body.PeriodFrom is null) errors.Add(ContractErrors.Required("periodFrom", "核定期间起始日", "The start of the period"));
        if (body.PeriodTo is null) errors.Add(ContractErrors.Required("periodTo", "核定期间终止日", "The end of the period"));
        if (body.AmountReceived is null) errors.Add(ContractErrors.Required("amountReceived", "实际收到的款项", "The amount received"));
        var input = errors.Any ? null
            : new IncomeCertificationInput(body.PeriodFrom!.Value, body.PeriodTo!.Value, body.AmountReceived!.Value, body.NonTechnicalItems ?? [], body.Note);
        if (input is not null) errors.AddRange(TechnologyIncomeCertification.CheckInput(input, BusinessTime.DateOf(now)));
        if (errors.ToError() is { } invalid) return invalid; // the body is checked before the contract is looked at
        var contract = await contracts.FindAsync(contractId, ct);
        if (contract is null) return ContractErrors.NotFound;
        var earlier = await db.Set<TechnologyIncomeCertification>().Where(x => x.ContractId == contractId).ToListAsync(ct);
        var certified = TechnologyIncomeCertification.Certify(contract, input!,
            earlier, catalog.ContentRules(contract.SignedDate).MaxCarrierEquipmentSets, user.UserId, now, BusinessTime.DateOf(now));
        if (certified.IsFailure) return certified.Error!;
        var c = certified.Value;
        db.Add(c);
        db.Add(Notification.ToOrganization(contract.OwnerOrganizationId, null,
            $"技术性收入已核定：{contract.ProjectName} {c.PeriodFrom:yyyy-MM-dd}–{c.PeriodTo:yyyy-MM-dd}，{c.CertifiedTechnologyIncome:N2} 元，可据此制定收益分配方案",
            $"Technology income certified: {contract.ProjectName} {c.PeriodFrom:yyyy-MM-dd}–{c.PeriodTo:yyyy-MM-dd}, ¥{c.CertifiedTechnologyIncome:N2}; the income distribution can be planned on it",
            $"/contracts/{contract.Id}", now));
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return IncomeCertificationResponse.From(c);
    }

    public async Task<Result<IReadOnlyList<IncomeCertificationResponse>>> ListAsync(Guid contractId, CancellationToken ct)
    {
        var contract = await contracts.FindAsync(contractId, ct);
        if (contract is null) return ContractErrors.NotFound;
        var list = await db.Set<TechnologyIncomeCertification>().AsNoTracking().Where(x => x.ContractId == contractId).ToListAsync(ct);
        return list.OrderBy(x => x.PeriodFrom).Select(IncomeCertificationResponse.From).ToList();
    }

    // ---- ICertifiedIncomeSource: read by the Achievements module (it checks its own caller) ----

    async Task<CertifiedIncome?> ICertifiedIncomeSource.FindAsync(Guid certificationId, CancellationToken ct)
    {
        var c = await db.Set<TechnologyIncomeCertification>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == certificationId, ct);
        if (c is null) return null;
        var shared = await ToSharedAsync([c], ct);
        return shared[0];
    }

    async Task<IReadOnlyList<CertifiedIncome>> ICertifiedIncomeSource.ForAchievementAsync(Guid achievementId, Guid registrantOrganizationId, CancellationToken ct)
    {
        var list = await db.Set<TechnologyIncomeCertification>().AsNoTracking()
            .Where(x => x.ContractOwnerOrganizationId == registrantOrganizationId).OrderBy(x => x.PeriodFrom).ToListAsync(ct);
        return await ToSharedAsync(list.Where(x => x.AchievementIds.Contains(achievementId)).ToList(), ct);
    }

    private async Task<IReadOnlyList<CertifiedIncome>> ToSharedAsync(IReadOnlyList<TechnologyIncomeCertification> list, CancellationToken ct)
    {
        var ids = list.Select(x => x.ContractId).Distinct().ToList();
        var state = await db.Set<TechnologyContract>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CorrectionPending, c.Status, c.RegistrationNo }).ToListAsync(ct);
        return list.Select(x =>
        {
            var s = state.Single(c => c.Id == x.ContractId);
            var registered = s.RegistrationNo is not null && s.Status is RegistrationStatus.Registered or RegistrationStatus.ChangeRegistered
                or RegistrationStatus.ObjectionFiled or RegistrationStatus.ObjectionResolved;
            (string Zh, string En)? reason = s.CorrectionPending ? (ContractErrors.CorrectionPending.Zh, ContractErrors.CorrectionPending.En)
                : !registered ? (ContractErrors.NotRegistered.Zh, ContractErrors.NotRegistered.En) : null;
            return new CertifiedIncome(x.Id, x.ContractId, x.ContractOwnerOrganizationId, x.RegistrationNo, x.ProjectName,
                Enum.Parse<DraftContractCategory>(x.Category.ToString()), x.PeriodFrom, x.PeriodTo, x.CertifiedTechnologyIncome, x.AchievementIds,
                reason is not null, reason?.Zh, reason?.En);
        }).ToList();
    }
}

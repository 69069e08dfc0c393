using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Domain;

/// <summary>What the registrar certifies: the period, the amount actually received and the non-technical items in it.</summary>
public sealed record IncomeCertificationInput(DateOnly PeriodFrom, DateOnly PeriodTo, decimal AmountReceived, IReadOnlyList<NonTechnicalItem> NonTechnicalItems, string? Note);

/// <summary>
/// 技术性收入核定: after performance, the registrar certifies the technology income actually received under a registered
/// contract for a period. Certified technology income = amount received − non-technical items that are not reasonable-
/// quantity carriers (the R2.1/R2.2 formula applied to money received). It is what feeds the income distribution (收益分配)
/// of the achievements the contract references. Refused while an amount correction is pending (R2.3), for a contract that
/// is not (or no longer) registered, for a period in the future or before signing, and for a period that overlaps one
/// already certified (income is certified once).
/// </summary>
public sealed class TechnologyIncomeCertification : IAudited
{
    private List<NonTechnicalItem> _nonTechnicalItems = [];
    private List<Guid> _achievementIds = [];

    private TechnologyIncomeCertification() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    /// <summary>The registrant (seller side) organisation of the contract.</summary>
    public Guid ContractOwnerOrganizationId { get; private set; }
    public string RegistrationNo { get; private set; } = "";
    public string ProjectName { get; private set; } = "";
    public ContractCategory Category { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    /// <summary>实际收到的款项 in the period.</summary>
    public decimal AmountReceived { get; private set; }
    public IReadOnlyList<NonTechnicalItem> NonTechnicalItems => _nonTechnicalItems;
    /// <summary>Non-technical items deducted (carriers of reasonable quantity are not deducted, R2.2).</summary>
    public decimal DeductedNonTechnical { get; private set; }
    /// <summary>核定的技术性收入</summary>
    public decimal CertifiedTechnologyIncome { get; private set; }
    /// <summary>The achievements the contract references: their income distribution may draw on this income.</summary>
    public IReadOnlyList<Guid> AchievementIds => _achievementIds;
    public string? Note { get; private set; }
    public Guid? CertifiedByUserId { get; private set; }
    public DateTimeOffset CertifiedAt { get; private set; }

    Guid? IAudited.AuditOrganizationId => ContractOwnerOrganizationId;

    public bool Overlaps(DateOnly from, DateOnly to) => from <= PeriodTo && PeriodFrom <= to;

    public static Result<TechnologyIncomeCertification> Certify(TechnologyContract contract, IncomeCertificationInput input,
        IReadOnlyList<TechnologyIncomeCertification> earlier, int maxCarrierEquipmentSets, Guid? registrarUserId, DateTimeOffset now, DateOnly today)
    {
        // the body first, so a contract that cannot be certified yet still gets its input checked
        var errors = new List<FieldError>();
        if (input.PeriodFrom > input.PeriodTo) errors.Add(ContractErrors.IncomePeriodInvalid);
        if (input.PeriodFrom < contract.SignedDate) errors.Add(ContractErrors.IncomePeriodBeforeSigning(contract.SignedDate));
        if (input.PeriodTo > today) errors.Add(ContractErrors.IncomePeriodInFuture);
        if (input.AmountReceived <= 0) errors.Add(ContractErrors.IncomeAmountReceivedInvalid);
        for (var i = 0; i < input.NonTechnicalItems.Count; i++)
            if (input.NonTechnicalItems[i].Amount < 0) errors.Add(ContractErrors.IncomeDeductionNegative(i));
        if (errors.Count > 0) return ContractErrors.Invalid(errors);
        if (!contract.IsEffectivelyRegistered) return ContractErrors.NotRegistered;
        if (contract.CorrectionPending) return ContractErrors.CorrectionPending;
        var amount = TechTransactionAmountCalculator.Compute(input.AmountReceived, input.NonTechnicalItems, maxCarrierEquipmentSets);
        if (amount.TechTransactionAmount < 0) return ContractErrors.Invalid([ContractErrors.IncomeDeductionsExceedReceived]);
        if (earlier.FirstOrDefault(e => e.Overlaps(input.PeriodFrom, input.PeriodTo)) is { } clash)
            return ContractErrors.IncomePeriodOverlaps(clash.PeriodFrom, clash.PeriodTo);
        return new TechnologyIncomeCertification
        {
            Id = Guid.NewGuid(),
            ContractId = contract.Id,
            ContractOwnerOrganizationId = contract.OwnerOrganizationId,
            RegistrationNo = contract.RegistrationNo!,
            ProjectName = contract.ProjectName,
            Category = contract.StatisticalCategory,
            PeriodFrom = input.PeriodFrom,
            PeriodTo = input.PeriodTo,
            AmountReceived = Yuan.Round(input.AmountReceived),
            _nonTechnicalItems = input.NonTechnicalItems.ToList(),
            DeductedNonTechnical = Yuan.Round(amount.DeductedNonTechnical),
            CertifiedTechnologyIncome = Yuan.Round(amount.TechTransactionAmount),
            _achievementIds = contract.AchievementIds.ToList(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CertifiedByUserId = registrarUserId,
            CertifiedAt = now,
        };
    }
}

namespace TechTransfer.Contracts.Domain;

/// <summary>
/// A versioned set of regime-dependent values (R0.2), chosen by the contract's date. Every value here is [CFG]:
/// defaults come from <see cref="ContractRuleSetCatalog.Defaults"/> and can be replaced from configuration.
/// </summary>
public sealed record ContractRuleSet
{
    public required string RuleSetId { get; init; }
    public Jurisdiction Jurisdiction { get; init; } = Jurisdiction.National;
    public required DateOnly EffectiveFrom { get; init; }
    /// <summary>Inclusive last day, or null when open-ended.</summary>
    public DateOnly? EffectiveTo { get; init; }
    /// <summary>Where the values come from (spec rule and source).</summary>
    public required string SourceRef { get; init; }

    /// <summary>R2.10: how SLA days are counted.</summary>
    public SlaDayKind SlaDayKind { get; init; } = SlaDayKind.WorkingDays;
    /// <summary>R2.10: days from acceptance for a standard contract.</summary>
    public int StandardSlaDays { get; init; } = 15;
    /// <summary>R2.10: days from acceptance for a large or disputed contract.</summary>
    public int LargeOrDisputedSlaDays { get; init; } = 30;
    /// <summary>R2.4: 重大合同 threshold on the technology transaction amount (yuan).</summary>
    public decimal LargeContractThreshold { get; init; } = 5_000_000m;
    /// <summary>R2.4 [INF]: large/disputed contracts must pass expert review before registration.</summary>
    public bool ExpertReviewRequiredForLarge { get; init; } = true;
    /// <summary>R2.12: whether the VAT exemption is in force under this regime; null = unconfirmed.</summary>
    public bool? VatExemptionInForce { get; init; }
    /// <summary>R2.12: whether licensing counts as transfer for the VAT exemption.</summary>
    public bool LicensingCountsAsTransfer { get; init; }
    /// <summary>§1: legacy categories (licensing is a sub-type of transfer) accepted on input.</summary>
    public bool LegacyCategories { get; init; }
    /// <summary>§2.1: expected new investment/output required for transfer contracts (legacy form).</summary>
    public bool ExpectedInvestmentRequiredForTransfer { get; init; }
    /// <summary>R2.9: submission only while the contract is in force.</summary>
    public bool SubmissionWindowEnforced { get; init; } = true;
    /// <summary>R2.2: equipment sets a contract may mark as carriers before a warning.</summary>
    public int MaxCarrierEquipmentSets { get; init; } = 2;

    public bool Covers(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);
}

/// <summary>The configured rule sets, chosen by date and jurisdiction (R0.2).</summary>
public sealed class ContractRuleSetCatalog
{
    public const string National2000 = "National-2000";
    public const string National2026 = "National-2026";
    public const string Shanghai2026Practice = "Shanghai-2026-practice";

    private readonly IReadOnlyList<ContractRuleSet> _sets;

    public ContractRuleSetCatalog(IEnumerable<ContractRuleSet> sets)
    {
        _sets = sets.OrderByDescending(s => s.EffectiveFrom).ToList();
        if (_sets.Count == 0) throw new ArgumentException("At least one rule set is required.", nameof(sets));
    }

    public IReadOnlyList<ContractRuleSet> All => _sets;

    /// <summary>The default catalogue: the 2000/2001 national regime and the 2026 regime (values of the 2024 draft).</summary>
    public static ContractRuleSetCatalog Defaults { get; } = new(DefaultSets());

    public static IReadOnlyList<ContractRuleSet> DefaultSets() =>
    [
        new ContractRuleSet
        {
            RuleSetId = National2000,
            EffectiveFrom = new DateOnly(2000, 2, 16),
            EffectiveTo = new DateOnly(2025, 12, 31),
            SourceRef = "科技部《技术合同认定登记管理办法》(2000) + 《技术合同认定规则》(2001); spec R2.10 legacy: 30 calendar days; §1 LegacyCategoryMapping",
            SlaDayKind = SlaDayKind.CalendarDays,
            StandardSlaDays = 30,
            LargeOrDisputedSlaDays = 30,
            LargeContractThreshold = 5_000_000m,
            VatExemptionInForce = true,
            LicensingCountsAsTransfer = true,
            LegacyCategories = true,
            ExpectedInvestmentRequiredForTransfer = true,
        },
        new ContractRuleSet
        {
            RuleSetId = National2026,
            EffectiveFrom = new DateOnly(2026, 1, 1),
            SourceRef = "MIIT 2026 技术合同认定登记办法 (final text not reviewed; values of the 2024 draft, spec R2.4, R2.10, R2.12 [CFG])",
            SlaDayKind = SlaDayKind.WorkingDays,
            StandardSlaDays = 15,
            LargeOrDisputedSlaDays = 30,
            LargeContractThreshold = 5_000_000m,
            VatExemptionInForce = null,
            LicensingCountsAsTransfer = false,
            LegacyCategories = false,
            ExpectedInvestmentRequiredForTransfer = false,
        },
    ];

    /// <summary>The rule set in force on <paramref name="date"/>; a Shanghai set wins over a national one when asked for Shanghai.</summary>
    public ContractRuleSet For(DateOnly date, Jurisdiction jurisdiction = Jurisdiction.National)
    {
        var match = _sets.FirstOrDefault(s => s.Jurisdiction == jurisdiction && s.Covers(date))
                    ?? _sets.FirstOrDefault(s => s.Jurisdiction == Jurisdiction.National && s.Covers(date));
        // Dates before the oldest regime use the oldest one (historical records).
        return match ?? _sets[^1];
    }

    public ContractRuleSet? ById(string id) => _sets.FirstOrDefault(s => s.RuleSetId == id);
}

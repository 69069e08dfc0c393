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

/// <summary>
/// The configured rule sets (R0.2), chosen by date and jurisdiction. A contract is judged by two of them: its <b>content</b>
/// (categories, required fields, carriers, submission window, tax flags …) by the rule set in force on its signing date, and
/// its <b>procedure</b> (SLA days and how they are counted, the large-contract threshold and whether large contracts need
/// expert review, R2.4/R2.10) by the rule set in force on the day the registry accepts it. Both are the registry office's
/// jurisdiction's own set when it has one (e.g. Shanghai's), else the national one.
/// </summary>
public sealed class ContractRuleSetCatalog
{
    public const string National2000 = "National-2000";
    public const string National2026 = "National-2026";
    public const string Shanghai2026Practice = "Shanghai-2026-practice";

    private readonly IReadOnlyList<ContractRuleSet> _sets;

    /// <param name="sets">The rule sets; they must pass <see cref="Check"/>.</param>
    /// <param name="registryJurisdiction">The jurisdiction of the registry office the contracts are registered at.</param>
    public ContractRuleSetCatalog(IEnumerable<ContractRuleSet> sets, Jurisdiction registryJurisdiction = Jurisdiction.National)
    {
        _sets = sets.OrderByDescending(s => s.EffectiveFrom).ToList();
        var problems = Check(_sets);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(sets));
        RegistryJurisdiction = registryJurisdiction;
    }

    /// <summary>The registry office's jurisdiction: its own rule sets win over the national ones.</summary>
    public Jurisdiction RegistryJurisdiction { get; }

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

    /// <summary>The same rule sets for contracts registered at an office of <paramref name="jurisdiction"/>.</summary>
    public ContractRuleSetCatalog ForJurisdiction(Jurisdiction jurisdiction) => new(_sets, jurisdiction);

    /// <summary>R0.2: the content rules of a contract — the registry jurisdiction's set in force on the signing date.</summary>
    public ContractRuleSet ContentRules(DateOnly signedDate) => For(signedDate, RegistryJurisdiction);

    /// <summary>
    /// R0.2, R2.10: the procedure rules (SLA days and kind, large-contract threshold, expert review) — the registry
    /// jurisdiction's set in force on the acceptance date (before acceptance: on the day asked, as a provisional answer).
    /// </summary>
    public ContractRuleSet ProcedureRules(DateOnly acceptanceDate) => For(acceptanceDate, RegistryJurisdiction);

    /// <summary>The rule set in force on <paramref name="date"/>; a set of <paramref name="jurisdiction"/> wins over the national one.</summary>
    public ContractRuleSet For(DateOnly date, Jurisdiction jurisdiction = Jurisdiction.National)
    {
        var match = _sets.FirstOrDefault(s => s.Jurisdiction == jurisdiction && s.Covers(date))
                    ?? _sets.FirstOrDefault(s => s.Jurisdiction == Jurisdiction.National && s.Covers(date));
        // Dates before the oldest regime use the oldest one (historical records).
        return match ?? _sets[^1];
    }

    public ContractRuleSet? ById(string id) => _sets.FirstOrDefault(s => s.RuleSetId == id);

    /// <summary>
    /// What is wrong with a list of rule sets, in English (configuration errors stop the start): ids unique and present,
    /// a source named, periods not reversed and not overlapping within one jurisdiction, SLA days and carrier sets positive,
    /// a threshold not negative, and at least one national set.
    /// </summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<ContractRuleSet> sets)
    {
        var problems = new List<string>();
        if (sets.Count == 0) problems.Add("At least one rule set is required.");
        if (sets.Count > 0 && sets.All(s => s.Jurisdiction != Jurisdiction.National)) problems.Add("At least one national rule set is required.");
        foreach (var dup in sets.GroupBy(s => s.RuleSetId).Where(g => g.Count() > 1)) problems.Add($"Rule set id '{dup.Key}' is used twice.");
        foreach (var s in sets)
        {
            var name = string.IsNullOrWhiteSpace(s.RuleSetId) ? "(no id)" : s.RuleSetId;
            if (string.IsNullOrWhiteSpace(s.RuleSetId)) problems.Add("A rule set has no RuleSetId.");
            if (string.IsNullOrWhiteSpace(s.SourceRef)) problems.Add($"Rule set {name} names no SourceRef.");
            if (!Enum.IsDefined(s.Jurisdiction)) problems.Add($"Rule set {name} has an unknown jurisdiction.");
            if (s.EffectiveTo is { } to && to < s.EffectiveFrom) problems.Add($"Rule set {name} ends before it starts.");
            if (s.StandardSlaDays <= 0 || s.LargeOrDisputedSlaDays <= 0) problems.Add($"Rule set {name} needs positive SLA days.");
            if (!Enum.IsDefined(s.SlaDayKind)) problems.Add($"Rule set {name} has an unknown SLA day kind.");
            if (s.LargeContractThreshold < 0) problems.Add($"Rule set {name} has a negative large-contract threshold.");
            if (s.MaxCarrierEquipmentSets < 0) problems.Add($"Rule set {name} has a negative carrier equipment limit.");
        }
        foreach (var group in sets.GroupBy(s => s.Jurisdiction))
        {
            var ordered = group.OrderBy(s => s.EffectiveFrom).ToList();
            for (var i = 1; i < ordered.Count; i++)
                if (ordered[i - 1].EffectiveTo is not { } end || end >= ordered[i].EffectiveFrom)
                    problems.Add($"Rule sets {ordered[i - 1].RuleSetId} and {ordered[i].RuleSetId} overlap.");
        }
        return problems;
    }
}

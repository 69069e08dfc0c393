namespace TechTransfer.Contracts.Domain;

public enum VatRegimeStatus
{
    InForce = 1,
    NotInForce = 2,
    /// <summary>The rule set does not say whether the exemption still applies (R2.12 after 2026-01-01).</summary>
    Unconfirmed = 3,
}

/// <summary>R2.12 result: a flag for information, not tax advice.</summary>
public sealed record VatExemptionAssessment(bool IsCandidate, VatRegimeStatus Regime, string RuleSetId, string Zh, string En)
{
    public const string DisclaimerZh = "仅供参考，不构成税务意见；以主管税务机关认定为准。";
    public const string DisclaimerEn = "For information only, not tax advice; the tax authority decides.";
}

/// <summary>R2.13 result (information, not advice).</summary>
/// <param name="Income">技术转让所得 = revenue − amortisation − related taxes and fees − allocated period expenses (floored at 0).</param>
/// <param name="ExemptPortion">免征部分: min(income, threshold).</param>
/// <param name="HalfRatePortion">减半征收部分: max(0, income − threshold).</param>
/// <param name="EstimatedTax">Estimate: half-rate portion × standard rate ÷ 2.</param>
/// <param name="EstimatedTaxSaved">Estimate against taxing all income at the standard rate.</param>
public sealed record CitReliefResult(decimal Income, decimal ExemptPortion, decimal HalfRatePortion, decimal EstimatedTax, decimal EstimatedTaxSaved);

/// <summary>Tax-benefit eligibility flags and calculators (spec §2.4). Informational only.</summary>
public static class TaxBenefits
{
    /// <summary>R2.13 [LAW 实施条例 Art.90]: the first 5,000,000 yuan of transfer income per tax year is exempt.</summary>
    public const decimal CitExemptionThreshold = 5_000_000m;
    /// <summary>Standard CIT rate [CFG].</summary>
    public const decimal StandardCitRate = 0.25m;

    /// <summary>
    /// R2.12: VatExemptCandidate = registered AND (Development or Transfer, or Consulting/Service linked to them; Licensing only if the
    /// rule set counts licensing as transfer). The rule set (by signing date) says whether the exemption is in force.
    /// </summary>
    public static VatExemptionAssessment VatExemption(TechnologyContract c, ContractRuleSetCatalog catalog)
    {
        var rules = catalog.For(c.SignedDate);
        var regime = rules.VatExemptionInForce switch { true => VatRegimeStatus.InForce, false => VatRegimeStatus.NotInForce, null => VatRegimeStatus.Unconfirmed };
        if (!c.IsEffectivelyRegistered)
            return new(false, regime, rules.RuleSetId, "合同未登记，不能作为免税候选", "The contract is not registered, so it is not a candidate.");
        var category = c.StatisticalCategory;
        var eligible = category switch
        {
            ContractCategory.Development or ContractCategory.Transfer => true,
            ContractCategory.Licensing => rules.LicensingCountsAsTransfer,
            ContractCategory.Consulting or ContractCategory.Service => c.LinkedToDevelopmentOrTransfer,
            _ => false,
        };
        if (!eligible)
            return new(false, regime, rules.RuleSetId,
                category == ContractCategory.Licensing ? "该规则集下技术许可不视同技术转让" : "该类别不属于免征增值税的技术转让、开发及相关咨询、服务",
                category == ContractCategory.Licensing ? "Under this rule set licensing does not count as transfer." : "This category is not a transfer/development or a linked consulting/service.");
        if (regime == VatRegimeStatus.NotInForce)
            return new(false, regime, rules.RuleSetId, "该规则集下免征增值税政策未生效", "The VAT exemption is not in force under this rule set.");
        return new(true, regime, rules.RuleSetId,
            regime == VatRegimeStatus.Unconfirmed ? "符合条件，但该时期免税政策是否继续有效尚未确认" : "可能符合免征增值税条件（财税〔2016〕36号 附件3）",
            regime == VatRegimeStatus.Unconfirmed ? "Eligible by category, but whether the exemption still applies in this period is unconfirmed." : "Possibly eligible for the VAT exemption (Caishui [2016] 36, annex 3).");
    }

    /// <summary>R2.13 CIT relief on technology transfer income for one tax year (resident enterprise).</summary>
    public static CitReliefResult CitRelief(decimal transferRevenue, decimal intangibleAmortisation, decimal relatedTaxesAndFees,
        decimal allocatedPeriodExpenses, decimal threshold = CitExemptionThreshold, decimal standardRate = StandardCitRate)
    {
        var income = Math.Max(0, transferRevenue - intangibleAmortisation - relatedTaxesAndFees - allocatedPeriodExpenses);
        var exempt = Math.Min(income, threshold);
        var half = Math.Max(0, income - threshold);
        var tax = Math.Round(half * standardRate / 2, 2);
        var saved = Math.Round(income * standardRate, 2) - tax;
        return new CitReliefResult(income, exempt, half, tax, saved);
    }
}

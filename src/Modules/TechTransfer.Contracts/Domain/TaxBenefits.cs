using TechTransfer.SharedKernel;

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

/// <summary>Why a contract of the enterprise adds to its technology transfer income for a tax year, or why not (R2.13).</summary>
public enum CitContractTreatment
{
    /// <summary>A technology transfer: its registered technology amount, less separable services, is transfer income.</summary>
    Counted = 1,
    /// <summary>Development, consulting, service or training: not a transfer of technology (separable services are excluded).</summary>
    NotATransfer = 2,
    /// <summary>A licence shorter than the minimum term (总局公告2015年第82号: five years).</summary>
    LicenceTooShort = 3,
}

/// <summary>One registered contract of the enterprise in the tax year and what it adds to the transfer revenue.</summary>
/// <param name="RegisteredAmount">The registered technology transaction amount (non-technical items already excluded, R2.1; the technical part of a mixed contract, R2.6).</param>
/// <param name="SeparableServices">Separable consulting, service or training fees inside the contract (excluded).</param>
/// <param name="EnterpriseShare">The enterprise's part of what counts, split equally among the sellers at the fen (largest remainder).</param>
public sealed record CitContractLine(Guid ContractId, string? RegistrationNo, string ProjectName, ContractCategory Category, DateOnly RegisteredDate,
    decimal RegisteredAmount, decimal SeparableServices, decimal EnterpriseShare, CitContractTreatment Treatment);

/// <summary>R2.13 for one enterprise and tax year: its contracts, the transfer revenue they add up to and the relief.</summary>
public sealed record CitYearAssessment(Guid OrganizationId, int TaxYear, IReadOnlyList<CitContractLine> Contracts, decimal TransferRevenue,
    decimal IntangibleAmortisation, decimal RelatedTaxesAndFees, decimal AllocatedPeriodExpenses, CitReliefResult Relief)
{
    public const string DisclaimerZh = VatExemptionAssessment.DisclaimerZh;
    public const string DisclaimerEn = VatExemptionAssessment.DisclaimerEn;
}

/// <summary>Tax-benefit eligibility flags and calculators (spec §2.4). Informational only.</summary>
public static class TaxBenefits
{
    /// <summary>R2.13 [LAW 实施条例 Art.90]: the first 5,000,000 yuan of transfer income per tax year is exempt (default of the [CFG] value).</summary>
    public const decimal CitExemptionThreshold = 5_000_000m;
    /// <summary>Standard CIT rate (default of the [CFG] value).</summary>
    public const decimal StandardCitRate = 0.25m;
    /// <summary>Minimum licence term, in years, for a licence to count as a transfer (default of the [CFG] value).</summary>
    public const int CitMinimumLicenceYears = 5;

    /// <summary>
    /// R2.12: VatExemptCandidate = registered AND (Development or Transfer, or Consulting/Service linked to them; Licensing only if the
    /// rule set counts licensing as transfer). The rule set (by signing date) says whether the exemption is in force.
    /// </summary>
    public static VatExemptionAssessment VatExemption(TechnologyContract c, ContractRuleSetCatalog catalog)
    {
        var rules = catalog.ContentRules(c.SignedDate);
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

    /// <summary>
    /// R2.13 per enterprise and tax year: adds the year's technology transfer income over the enterprise's contracts —
    /// registered (and not cancelled or revoked), the enterprise a seller, registered in the tax year (business date in
    /// Asia/Shanghai). A contract counts with its registered technology transaction amount (non-technical items excluded,
    /// R2.1; the technical part of a mixed contract, R2.6) less its separable consulting/service/training fees;
    /// development, consulting, service and training contracts are not transfers and add nothing, nor does a licence
    /// shorter than <paramref name="minimumLicenceYears"/>. With several sellers the enterprise gets an equal share, split
    /// at the fen by the largest remainder (<see cref="Yuan.Allocate"/>). Then the deductions, a loss clamped to 0, the
    /// exempt part and the half-rate part (<see cref="CitRelief"/>).
    /// </summary>
    public static CitYearAssessment CitForEnterprise(Guid enterpriseId, int taxYear, IEnumerable<TechnologyContract> contracts,
        decimal intangibleAmortisation, decimal relatedTaxesAndFees, decimal allocatedPeriodExpenses,
        decimal threshold = CitExemptionThreshold, decimal standardRate = StandardCitRate, int minimumLicenceYears = CitMinimumLicenceYears)
    {
        var lines = new List<CitContractLine>();
        foreach (var c in contracts.Where(c => c.IsEffectivelyRegistered && c.RegisteredDate is { } d && d.Year == taxYear)
                     .OrderBy(c => c.RegisteredDate).ThenBy(c => c.RegistrationNo, StringComparer.Ordinal))
        {
            var sellers = c.Parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).ToList();
            if (!sellers.Any(p => p.OrganizationId == enterpriseId)) continue;
            var registered = c.AssessedTechTransactionAmount ?? c.DeclaredTechTransactionAmount;
            var separable = Math.Min(registered, c.SeparableServicesAmount ?? 0);
            var treatment = c.StatisticalCategory switch
            {
                ContractCategory.Transfer => CitContractTreatment.Counted,
                ContractCategory.Licensing => c.Licence is { } l && BusinessTime.IsAtLeastYearsAfter(l.TermFrom, minimumLicenceYears, l.TermTo.AddDays(1))
                    ? CitContractTreatment.Counted : CitContractTreatment.LicenceTooShort,
                _ => CitContractTreatment.NotATransfer,
            };
            var share = 0m;
            if (treatment == CitContractTreatment.Counted && registered - separable > 0)
            {
                var parts = Yuan.Allocate(registered - separable, sellers.Select(_ => 1m).ToList());
                share = sellers.Select((p, i) => p.OrganizationId == enterpriseId ? parts[i] : 0m).Sum();
            }
            lines.Add(new CitContractLine(c.Id, c.RegistrationNo, c.ProjectName, c.StatisticalCategory, c.RegisteredDate!.Value, registered, separable, share, treatment));
        }
        var revenue = lines.Sum(l => l.EnterpriseShare);
        return new CitYearAssessment(enterpriseId, taxYear, lines, revenue, intangibleAmortisation, relatedTaxesAndFees, allocatedPeriodExpenses,
            CitRelief(revenue, intangibleAmortisation, relatedTaxesAndFees, allocatedPeriodExpenses, threshold, standardRate));
    }

    /// <summary>R2.13 CIT relief on technology transfer income for one tax year (resident enterprise); a loss is clamped to 0.</summary>
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

namespace TechTransfer.Contracts.Domain;

/// <summary>A warning that does not block: the registrar sees it beside the contract.</summary>
public sealed record ContractWarning(string Code, string Rule, string Zh, string En);

/// <summary>技术交易额 computed from the contract (R2.1–R2.2), with the warnings the registrar should look at.</summary>
public sealed record TechTransactionAmountResult(decimal RegisterableAmount, decimal DeductedNonTechnical, decimal TechTransactionAmount,
    bool IsWithinRange, IReadOnlyList<ContractWarning> Warnings);

/// <summary>技术交易额 (R2.1–R2.2).</summary>
public static class TechTransactionAmountCalculator
{
    public const string TooManyCarrierSetsCode = "contract.carrier_equipment_sets_exceeded";

    /// <summary>
    /// R2.1: technology transaction amount = registerable amount − Σ non-technical items that are not reasonable-quantity carriers.
    /// R2.2: carriers are not deducted; more than <paramref name="maxCarrierEquipmentSets"/> sets of equipment/test rigs marked as
    /// carrier gives a warning.
    /// </summary>
    public static TechTransactionAmountResult Compute(decimal registerableAmount, IEnumerable<NonTechnicalItem> items, int maxCarrierEquipmentSets = 2)
    {
        var list = items.ToList();
        var deducted = list.Where(i => !i.IsReasonableQuantityCarrier).Sum(i => i.Amount);
        var tech = registerableAmount - deducted;
        var warnings = new List<ContractWarning>();
        var carrierSets = list.Where(i => i.IsReasonableQuantityCarrier && i.Kind is NonTechnicalItemKind.Equipment or NonTechnicalItemKind.Instrument)
            .Sum(i => i.Quantity);
        if (carrierSets > maxCarrierEquipmentSets)
        {
            warnings.Add(new ContractWarning(TooManyCarrierSetsCode, "R2.2",
                $"有 {carrierSets} 套成套设备/试验装置被列为技术载体，超过 {maxCarrierEquipmentSets} 套的合理数量，请核实是否应扣除",
                $"{carrierSets} sets of equipment are marked as technology carriers, above the reasonable {maxCarrierEquipmentSets}; check whether they should be deducted."));
        }
        return new TechTransactionAmountResult(registerableAmount, deducted, tech, tech >= 0 && tech <= registerableAmount, warnings);
    }
}

namespace TechTransfer.SharedKernel.Contracts;

/// <summary>A registered technology contract as other modules may read it (the exchange's market valuation, 确价).</summary>
public sealed record RegisteredContractFacts(Guid ContractId, string RegistrationNo, DateOnly RegisteredOn, string Category, string? TechnicalField,
    IReadOnlyList<string> IpcCodes, decimal AmountYuan);

/// <summary>
/// Implemented by the Contracts module: effectively registered contracts of one category (Development, Transfer,
/// Licensing, Consulting, Service) registered between two business dates, both included — comparables for a valuation.
/// </summary>
public interface IRegisteredContractLookup
{
    Task<IReadOnlyList<RegisteredContractFacts>> RegisteredAsync(string category, DateOnly from, DateOnly to, CancellationToken ct);
}

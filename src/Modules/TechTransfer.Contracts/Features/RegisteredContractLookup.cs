using Microsoft.EntityFrameworkCore;
using TechTransfer.Contracts.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel.Contracts;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features;

/// <summary>
/// Registered contracts for other modules' valuations: effectively registered (not cancelled or revoked), of one
/// category, registered within the dates (business calendar). Amount = the contract's total; contracts carry no IPC codes.
/// </summary>
internal sealed class RegisteredContractLookup(TechTransferDbContext db) : IRegisteredContractLookup
{
    private static readonly RegistrationStatus[] Effective =
        [RegistrationStatus.Registered, RegistrationStatus.ChangeRegistered, RegistrationStatus.ObjectionFiled, RegistrationStatus.ObjectionResolved];

    public async Task<IReadOnlyList<RegisteredContractFacts>> RegisteredAsync(string category, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!Enum.TryParse<ContractCategory>(category, true, out var c) || !Enum.IsDefined(c)) return [];
        var rows = await db.Set<TechnologyContract>().AsNoTracking()
            .Where(x => x.Category == c && Effective.Contains(x.Status) && x.RegistrationNo != null)
            .Select(x => new { x.Id, x.RegistrationNo, x.RegisteredAt, x.TechnicalField, x.TotalAmount })
            .ToListAsync(ct);
        return rows
            .Where(r => r.RegisteredAt is { } at && BusinessTime.DateOf(at) >= from && BusinessTime.DateOf(at) <= to)
            .Select(r => new RegisteredContractFacts(r.Id, r.RegistrationNo!, BusinessTime.DateOf(r.RegisteredAt!.Value), c.ToString(), r.TechnicalField, [], r.TotalAmount))
            .ToList();
    }
}

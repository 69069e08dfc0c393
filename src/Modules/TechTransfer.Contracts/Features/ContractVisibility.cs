using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Contracts.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Contracts.Features;

/// <summary>
/// Who sees a contract, said once (lists, detail, attachments, certificate, references from other requests): its parties
/// (the owner and every party organisation) always; registrars and platform administrators from submission on — a
/// seller's draft is private to its parties until it is submitted; analysts the registered contracts the statistics count
/// (the register behind each statistic, read-only). Anyone else does not learn that it exists (404).
/// </summary>
public static class ContractVisibility
{
    private static readonly Expression<Func<TechnologyContract, bool>> Registered = Statistics.ContractStatisticsDrillDown.Counted;

    public static bool SeesSubmittedContracts(ICurrentUser caller) => caller.IsInRole(Roles.Registrar) || caller.IsInRole(Roles.PlatformAdmin);

    public static Expression<Func<TechnologyContract, bool>> For(ICurrentUser caller)
    {
        // one expression per kind of caller, so the SQL carries only the test that applies
        var registry = SeesSubmittedContracts(caller);
        if (!registry && caller.IsInRole(Roles.Analyst))
        {
            // an analyst reads the register behind the statistics: the registered contracts the statistics count
            if (caller.OrganizationId is not { } own) return Registered;
            return c => c.OwnerOrganizationId == own || c.Parties.Any(p => p.OrganizationId == own)
                || (c.RegistrationNo != null && c.RegisteredDate != null && (c.Status == RegistrationStatus.Registered
                    || c.Status == RegistrationStatus.ChangeRegistered || c.Status == RegistrationStatus.ObjectionFiled
                    || c.Status == RegistrationStatus.ObjectionResolved));
        }
        if (caller.OrganizationId is not { } org)
            return registry ? c => c.Status != RegistrationStatus.Draft : c => false;
        return registry
            ? c => c.Status != RegistrationStatus.Draft || c.OwnerOrganizationId == org || c.Parties.Any(p => p.OrganizationId == org)
            : c => c.OwnerOrganizationId == org || c.Parties.Any(p => p.OrganizationId == org);
    }
}

/// <summary>Contracts named by id in a request (R2.5: the main contract a training, consulting or service contract is part of).</summary>
internal sealed class ContractReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.Contract;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var found = await db.Set<TechnologyContract>().AsNoTracking().Where(ContractVisibility.For(caller))
            .Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Organizations.Features;

/// <summary>The registry's organisations offered to other modules' pickers (names and kinds only: no contacts).</summary>
public sealed class OrganizationDirectory(TechTransferDbContext db) : IOrganizationDirectory
{
    /// <summary>Kinds that operate custody, in the order the picker lists them (the query below names the same kinds).</summary>
    public static readonly OrganizationKind[] CustodyOperatorKinds =
    [
        OrganizationKind.TransferInstitution, OrganizationKind.Exchange, OrganizationKind.ServiceFirm,
        OrganizationKind.University, OrganizationKind.ResearchInstitute, OrganizationKind.Hospital,
    ];

    public async Task<IReadOnlyList<OrganizationChoice>> CustodyOperatorsAsync(Guid? exceptOrganizationId, CancellationToken ct)
    {
        var rows = await db.Set<Organization>().AsNoTracking()
            .Where(o => (o.Kind == OrganizationKind.TransferInstitution || o.Kind == OrganizationKind.Exchange || o.Kind == OrganizationKind.ServiceFirm
                         || o.Kind == OrganizationKind.University || o.Kind == OrganizationKind.ResearchInstitute || o.Kind == OrganizationKind.Hospital)
                        && o.Id != exceptOrganizationId)
            .Select(o => new { o.Id, o.NameZh, o.NameEn, o.Kind })
            .ToListAsync(ct);
        return rows
            .OrderBy(o => Array.IndexOf(CustodyOperatorKinds, o.Kind)).ThenBy(o => o.NameZh, StringComparer.Ordinal)
            .Select(o => { var (zh, en) = OrganizationKindText.Label(o.Kind); return new OrganizationChoice(o.Id, o.NameZh, o.NameEn, zh, en); })
            .ToList();
    }

    public Task<bool> IsCustodyOperatorAsync(Guid organizationId, CancellationToken ct) =>
        db.Set<Organization>().AsNoTracking().AnyAsync(o => o.Id == organizationId
            && (o.Kind == OrganizationKind.TransferInstitution || o.Kind == OrganizationKind.Exchange || o.Kind == OrganizationKind.ServiceFirm
                || o.Kind == OrganizationKind.University || o.Kind == OrganizationKind.ResearchInstitute || o.Kind == OrganizationKind.Hospital), ct);

    public async Task<IReadOnlyList<OrganizationChoice>> ContractPartiesAsync(Guid? exceptOrganizationId, int limit, CancellationToken ct)
    {
        var rows = await db.Set<Organization>().AsNoTracking()
            .Where(o => o.Id != exceptOrganizationId)
            .OrderBy(o => o.NameZh).Take(limit)
            .Select(o => new { o.Id, o.NameZh, o.NameEn, o.Kind })
            .ToListAsync(ct);
        return rows.Select(o => { var (zh, en) = OrganizationKindText.Label(o.Kind); return new OrganizationChoice(o.Id, o.NameZh, o.NameEn, zh, en); })
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Patents.Features.Custody;

/// <summary>The operators of custody agreements in force over a patent or an achievement (the holder's proxies, R6.4).</summary>
public sealed class CustodyProxyLookup(TechTransferDbContext db) : IConsignorProxyLookup
{
    public async Task<ConsignorProxies> ProxiesOfAsync(string recordType, IReadOnlyCollection<Guid> ids, DateOnly today, CancellationToken ct)
    {
        CustodySubjectType? type = recordType switch
        {
            RecordTypes.Patent => CustodySubjectType.Patent,
            RecordTypes.Achievement => CustodySubjectType.Achievement,
            _ => null,
        };
        if (type is null || ids.Count == 0) return ConsignorProxies.None;
        var operators = await db.Set<CustodyAgreement>()
            .Where(a => a.SubjectType == type && ids.Contains(a.SubjectId) && a.Status == CustodyStatus.Active
                        && a.TermStart <= today && today <= a.TermEnd)
            .Select(a => a.OperatorOrganizationId).Distinct().ToListAsync(ct);
        return new ConsignorProxies(operators.ToHashSet(), new HashSet<Guid>());
    }
}

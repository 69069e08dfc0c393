using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Search.Domain;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Features;

/// <summary>The technology managers assigned to an achievement (the holder's proxies, R6.4).</summary>
public sealed class ManagerProxyLookup(TechTransferDbContext db) : IConsignorProxyLookup
{
    public async Task<ConsignorProxies> ProxiesOfAsync(string recordType, IReadOnlyCollection<Guid> ids, DateOnly today, CancellationToken ct)
    {
        if (recordType != RecordTypes.Achievement || ids.Count == 0) return ConsignorProxies.None;
        var managers = await db.Set<ManagerAssignment>()
            .Where(a => a.SubjectType == SearchDocumentTypes.Achievement && ids.Contains(a.SubjectId))
            .Select(a => a.ManagerUserId).Distinct().ToListAsync(ct);
        return new ConsignorProxies(new HashSet<Guid>(), managers.ToHashSet());
    }
}

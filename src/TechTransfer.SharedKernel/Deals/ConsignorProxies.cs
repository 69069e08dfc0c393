namespace TechTransfer.SharedKernel.Deals;

/// <summary>
/// Who acts for the holder of an offered record (an achievement or patents), as the owning module records it: custody
/// operators with a custody agreement in force over it (Patents) and technology managers assigned to it (Search). The
/// Exchange reads it to keep a consignor's proxies out of its own auction (spec R6.4, 拍卖法 30). Several modules
/// implement it; callers take the union.
/// </summary>
public interface IConsignorProxyLookup
{
    /// <param name="recordType">A <see cref="References.RecordTypes"/> name (achievement, patent).</param>
    Task<ConsignorProxies> ProxiesOfAsync(string recordType, IReadOnlyCollection<Guid> ids, DateOnly today, CancellationToken ct);
}

/// <summary>Organisations (e.g. custody operators) and users (e.g. assigned technology managers) acting for the holder.</summary>
public sealed record ConsignorProxies(IReadOnlySet<Guid> OrganizationIds, IReadOnlySet<Guid> UserIds)
{
    public static ConsignorProxies None { get; } = new(new HashSet<Guid>(), new HashSet<Guid>());
}

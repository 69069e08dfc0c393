namespace TechTransfer.SharedKernel.Organizations;

/// <summary>An organisation offered in a picker: its id, names and kind label.</summary>
public sealed record OrganizationChoice(Guid Id, string NameZh, string? NameEn, string KindZh, string KindEn)
{
    public string Name(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameZh;
    public string Kind(bool english) => english ? KindEn : KindZh;
}

/// <summary>Implemented by the Organizations module: registered organisations other modules may offer for a choice.</summary>
public interface IOrganizationDirectory
{
    /// <summary>
    /// Organisations that may be named operator (经营权人) of a custody agreement — technology transfer institutions,
    /// exchanges and service firms, and the transfer offices of universities, research institutes and hospitals — other
    /// than <paramref name="exceptOrganizationId"/> (the owner), sorted by Chinese name.
    /// </summary>
    Task<IReadOnlyList<OrganizationChoice>> CustodyOperatorsAsync(Guid? exceptOrganizationId, CancellationToken ct);

    /// <summary>
    /// Whether <paramref name="organizationId"/> is a registered organisation of a kind that may operate custody (the
    /// kinds <see cref="CustodyOperatorsAsync"/> offers). The server checks this; the picker alone proves nothing.
    /// </summary>
    Task<bool> IsCustodyOperatorAsync(Guid organizationId, CancellationToken ct);

    /// <summary>
    /// Registered organisations a contract may name as a party (the registry, 机构库), by name, without
    /// <paramref name="exceptOrganizationId"/> (the caller's own); at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<OrganizationChoice>> ContractPartiesAsync(Guid? exceptOrganizationId, int limit, CancellationToken ct);
}

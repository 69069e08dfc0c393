namespace TechTransfer.SharedKernel.Patents;

/// <summary>
/// What another module may know of a patent to decide whether it can be offered (listing eligibility, R6.x): the owner,
/// whether its rights are in force today, active pledges (with the pledgees' names) and whether an open-licence
/// declaration is in force (no exclusive or sole licence then, 专利法第五十条). <c>InForce</c>: granted and in force today;
/// <c>Ended</c>: lapsed, expired, invalidated or abandoned (never offered). Read through <see cref="IPatentFactsLookup"/>, implemented by the Patents module; the
/// reader never sees the Patents module's types.
/// </summary>
public sealed record PatentFacts(
    Guid PatentId,
    Guid OwnerOrganizationId,
    string ApplicationNo,
    string Title,
    string? IpcCodes,
    Guid? AchievementId,
    DateOnly ExpiryDate,
    bool InForce,
    bool Ended,
    IReadOnlyList<string> ActivePledgees,
    bool OpenLicenceInForce,
    DateOnly? FilingDate = null,
    string? TitleEn = null);

/// <summary>
/// A custody mandate (技术托管 经营权) as another module needs it: who operates, the allowed deals (<c>Listing</c>,
/// <c>NonExclusiveLicence</c>, <c>SoleLicence</c>, <c>ExclusiveLicence</c>; assignment is never delegable), price floor, term.
/// </summary>
public sealed record CustodyMandateFacts(
    Guid AgreementId,
    Guid OwnerOrganizationId,
    Guid OperatorOrganizationId,
    IReadOnlyList<string> AllowedDealTypes,
    decimal PriceFloorYuan,
    DateOnly TermStart,
    DateOnly TermEnd,
    bool Active);

/// <summary>Implemented by the Patents module: patent and custody facts for other modules (the Exchange's listing rules).</summary>
public interface IPatentFactsLookup
{
    /// <summary>The facts of the patents named (unknown ids are absent from the answer).</summary>
    Task<IReadOnlyDictionary<Guid, PatentFacts>> PatentsAsync(IReadOnlyCollection<Guid> patentIds, CancellationToken ct);

    /// <summary>Patents the organisation owns, newest first (at most <paramref name="take"/>): for pickers and demo data.</summary>
    Task<IReadOnlyList<PatentFacts>> OwnedByAsync(Guid organizationId, int take, CancellationToken ct);

    /// <summary>The custody agreements (any state) in which <paramref name="operatorOrganizationId"/> operates the subject (a patent or an achievement id).</summary>
    Task<IReadOnlyList<CustodyMandateFacts>> MandatesAsync(Guid subjectId, Guid operatorOrganizationId, CancellationToken ct);
}

namespace TechTransfer.SharedKernel.Deals;

/// <summary>
/// A module that records deals (an open-licence grant, a challenge award, later an exchange deal) implements this to supply
/// the Contracts module with a technology-contract draft for one of its records (issue 5: contracts "prefilled from an
/// exchange deal or an open-licence grant"). The Contracts module owns the contract; the source only proposes its content.
/// </summary>
public interface IContractDraftSource
{
    /// <summary>The stable source type named in the prefill request, e.g. "openLicenseGrant", "challengeAward", "exchangeDeal".</summary>
    string SourceType { get; }

    /// <summary>
    /// The proposal for <paramref name="sourceId"/>, or null when the record does not exist or
    /// <paramref name="callerOrganizationId"/> is not one of its parties (the caller must not learn that it exists).
    /// A record that exists but cannot become a contract yet (a grant not yet effective) answers with an error.
    /// </summary>
    Task<Result<ContractDraftProposal>?> ProposeAsync(Guid sourceId, Guid callerOrganizationId, CancellationToken ct);
}

/// <summary>The five contract classes of spec §1, as a source proposes them.</summary>
public enum DraftContractCategory { Development, Transfer, Licensing, Consulting, Service }

/// <summary>Sub-types a source may propose (spec §1).</summary>
public enum DraftContractSubType { None, Commissioned, Cooperative, PatentAssignment, PatentLicense, TechnicalSecretLicense, GeneralService, TechnicalSecretTransfer }

/// <summary>Payment modes of spec §1 (民法典 846); <see cref="Equity"/> = 作价投资 (technology contributed for shares).</summary>
public enum DraftPaymentMode { LumpSumOnce, LumpSumInstallments, Royalty, EntryFeePlusRoyalty, Equity }

/// <summary>One payment of an instalment (milestone) schedule: due date, amount in yuan, the milestone it follows.</summary>
public sealed record DraftInstallment(DateOnly DueDate, decimal Amount, string? Milestone = null);

/// <summary>Royalty bases of spec §1.</summary>
public enum DraftRoyaltyBase { ProductPrice, IncrementalOutputValue, Profit, SalesRevenue, Other }

/// <summary>Licence scope (许可方式).</summary>
public enum DraftLicenceScope { Exclusive, Sole, NonExclusive }

/// <summary>A patent the contract is about (民法典 845), with the achievement it belongs to if known.</summary>
public sealed record DraftPatentReference(
    string Title, string? Holder, DateOnly? FilingDate, string? ApplicationNo, string? PatentNo, DateOnly? ValidUntil, Guid? AchievementId = null);

/// <summary>Licence scope, territory and term.</summary>
public sealed record DraftLicence(DraftLicenceScope Scope, string Territory, DateOnly TermFrom, DateOnly TermTo);

/// <summary>
/// What a source knows about the deal. Parties are platform organisations (the Contracts module looks up their registry
/// data: credit code, entity nature, division). Amounts in yuan. The seller side owns the draft (R2.8).
/// </summary>
public sealed record ContractDraftProposal(
    string SourceType,
    Guid SourceId,
    string ProjectName,
    DraftContractCategory Category,
    DraftContractSubType SubType,
    Guid SellerOrganizationId,
    Guid BuyerOrganizationId,
    DateOnly? SignedDate,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    decimal TotalAmount,
    DraftPaymentMode PaymentMode,
    decimal? RoyaltyRate = null,
    DraftRoyaltyBase? RoyaltyBase = null,
    decimal? EntryFee = null,
    IReadOnlyList<DraftPatentReference>? Patents = null,
    DraftLicence? Licence = null,
    string? TechnicalField = null,
    IReadOnlyList<Guid>? AchievementIds = null,
    IReadOnlyList<DraftInstallment>? Installments = null);

/// <summary>Registry data of a platform organisation that other modules may read (机构库).</summary>
public sealed record OrganizationFacts(Guid Id, string NameZh, string? CreditCode, string EntityNatureCode, string CountryCode, string? DivisionCode,
    Organizations.Jurisdiction Jurisdiction = Organizations.Jurisdiction.National, string? NameEn = null)
{
    /// <summary>事业法人 (entity nature 020–024): public institutions, whose reward payouts sit outside the performance-pay cap (R4.6).</summary>
    public bool IsPublicInstitution => EntityNatureCode.StartsWith("02", StringComparison.Ordinal);
}

/// <summary>Implemented by the Organizations module: the registry data of an organisation, by id or by its credit code.</summary>
public interface IOrganizationFactsLookup
{
    Task<OrganizationFacts?> FindAsync(Guid organizationId, CancellationToken ct);

    /// <summary>The registered organisation with this 统一社会信用代码 (trimmed, upper case), if any — public registry data,
    /// so a party typed by hand is linked to it (the contract form without script, a deal's buyer).</summary>
    Task<OrganizationFacts?> FindByCreditCodeAsync(string creditCode, CancellationToken ct);
}

/// <summary>
/// The contract the Contracts module drafted for a source record, told back to the source so the record shows its contract
/// (a challenge award's 合同关联). <see cref="SupersededContractIds"/> are earlier drafts of the same record that were
/// rejected, cancelled or revoked: a link to one of them may be replaced; any other existing link may not.
/// </summary>
public sealed record ContractDraftLink(
    Guid SourceId, Guid ContractId, Guid SellerOrganizationId, Guid? UserId, DateTimeOffset LinkedAt, IReadOnlyList<Guid> SupersededContractIds);

/// <summary>
/// A draft source whose record keeps a link to the contract drafted from it. The Contracts module calls
/// <see cref="LinkContractAsync"/> before it saves the new draft, on the same unit of work, so the draft and the link are
/// saved together or not at all; a failure refuses the prefill.
/// </summary>
public interface ILinkedContractDraftSource : IContractDraftSource
{
    Task<Result> LinkContractAsync(ContractDraftLink link, CancellationToken ct);
}

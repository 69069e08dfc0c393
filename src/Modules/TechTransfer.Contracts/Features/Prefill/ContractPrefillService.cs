using Microsoft.EntityFrameworkCore;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Contracts.Features.Prefill;

/// <summary>Prefill body: which record of which module the draft comes from.</summary>
public sealed record PrefillRequest(string? SourceType, Guid? SourceId);

/// <summary>
/// Creates a contract draft from a deal recorded in another module (an open-licence grant, a challenge award; later an
/// exchange deal), through the <see cref="IContractDraftSource"/> that module registers. The draft belongs to the seller
/// side (R2.8): only a party of the source may ask (others get 404), and only the seller side receives a draft (403 for the
/// buyer). One contract per source: a second prefill while the first is alive is refused. A source that keeps a link to its
/// contract (<see cref="ILinkedContractDraftSource"/>: a challenge award) gets the new draft's id in the same save. The
/// draft is then edited and submitted like any other (its content passes the same §2.1 validation).
/// </summary>
public sealed class ContractPrefillService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, ContractRuleSetCatalog catalog,
    IEnumerable<IContractDraftSource> sources, IOrganizationFactsLookup organizations, ContractService contracts)
{
    public IReadOnlyList<string> SourceTypes => sources.Select(s => s.SourceType).Order(StringComparer.Ordinal).ToList();

    public static string OriginRefOf(string sourceType, Guid sourceId) => $"{sourceType}:{sourceId:N}";

    public async Task<Result<ContractResponse>> PrefillAsync(PrefillRequest request, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org || !user.IsInAnyRole(ContractService.DraftingRoles)) return Error.Forbidden;
        var source = sources.FirstOrDefault(s => string.Equals(s.SourceType, request.SourceType?.Trim(), StringComparison.OrdinalIgnoreCase));
        var errors = new FieldErrors();
        if (source is null) errors.Add(ContractErrors.PrefillSourceUnknown(SourceTypes));
        var sourceId = request.SourceId ?? Guid.Empty;
        if (sourceId == Guid.Empty) errors.Add(ContractErrors.PrefillSourceIdRequired);
        if (errors.ToError() is { } invalid) return invalid;
        // the source decides whether the record exists and the caller is one of its parties (else 404, below)

        var proposed = await source!.ProposeAsync(sourceId, org, ct);
        if (proposed is not { } proposal) return ContractErrors.PrefillSourceNotFound;
        if (proposal.IsFailure) return proposal.Error!;
        var p = proposal.Value;
        if (p.SellerOrganizationId != org) return ContractErrors.PrefillOnlySellerSide;

        var originRef = OriginRefOf(source.SourceType, sourceId);
        var earlier = await db.Set<TechnologyContract>().AsNoTracking().Where(c => c.OriginRef == originRef)
            .Select(c => new { c.Id, c.Status }).ToListAsync(ct);
        if (earlier.FirstOrDefault(c => c.Status is not (RegistrationStatus.Rejected or RegistrationStatus.Cancelled or RegistrationStatus.Revoked)) is { } e)
            return ContractErrors.PrefillAlreadyExists(e.Id);

        var seller = await organizations.FindAsync(p.SellerOrganizationId, ct);
        var buyer = await organizations.FindAsync(p.BuyerOrganizationId, ct);
        if (seller is null || buyer is null) return ContractErrors.PrefillPartyMissing;

        var now = clock.GetUtcNow();
        var details = ToDetails(p, source.SourceType, originRef, seller, buyer, BusinessTime.DateOf(now));
        var created = TechnologyContract.Draft(details, org, user.UserId, now, catalog);
        if (created.IsFailure) return created.Error!;
        if (created.Value.CheckSubmitter(org) is { IsFailure: true } who) return who.Error!;
        // a source that keeps the link (a challenge award) records it on the same unit of work: one save, both or neither
        if (source is ILinkedContractDraftSource linked
            && await linked.LinkContractAsync(new ContractDraftLink(sourceId, created.Value.Id, org, user.UserId, now,
                earlier.Select(c => c.Id).ToList()), ct) is { IsFailure: true } refused)
            return refused.Error!;
        db.Add(created.Value);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict; // e.g. the award was linked meanwhile
        return contracts.Response(created.Value);
    }

    internal static ContractDetails ToDetails(ContractDraftProposal p, string sourceType, string originRef, OrganizationFacts seller, OrganizationFacts buyer, DateOnly today)
    {
        var category = Enum.Parse<ContractCategory>(p.Category.ToString());
        var subType = Enum.Parse<ContractSubType>(p.SubType.ToString());
        var mode = Enum.Parse<PaymentMode>(p.PaymentMode.ToString());
        var royalty = mode is PaymentMode.Royalty or PaymentMode.EntryFeePlusRoyalty;
        var signed = p.SignedDate ?? today;
        // the source's instalment (milestone) schedule when it has one, else one instalment of the whole amount to edit
        var installments = mode != PaymentMode.LumpSumInstallments ? null
            : p.Installments is { Count: > 0 } schedule ? schedule.Select(i => new Installment(i.DueDate, Yuan.Round(i.Amount), string.IsNullOrWhiteSpace(i.Milestone) ? null : i.Milestone.Trim())).ToList()
            : new List<Installment> { new(p.ValidFrom, Yuan.Round(p.TotalAmount)) };
        var licensed = category == ContractCategory.Licensing;
        return new ContractDetails
        {
            ProjectName = p.ProjectName.Length > 300 ? p.ProjectName[..300] : p.ProjectName,
            Category = category,
            SubType = subType,
            Form = ContractForm.Written,
            SignedDate = signed,
            ValidFrom = p.ValidFrom,
            ValidTo = p.ValidTo,
            Parties =
            [
                Party(PartyRole.Seller, seller),
                Party(PartyRole.Buyer, buyer),
            ],
            TotalAmount = Yuan.Round(p.TotalAmount),
            Payment = new PaymentTerms(mode,
                RoyaltyBase: royalty && p.RoyaltyBase is { } b ? Enum.Parse<RoyaltyBase>(b.ToString()) : null,
                RoyaltyRate: royalty ? p.RoyaltyRate : null,
                RoyaltyRateSchedule: royalty ? RoyaltyRateSchedule.Fixed : null,
                EntryFee: mode == PaymentMode.EntryFeePlusRoyalty ? p.EntryFee : null,
                Installments: installments),
            IpRefs = (p.Patents ?? []).Select(x => new IpReference(IpKind.Patent, licensed ? IpDisposition.Licensed : IpDisposition.Referenced,
                x.Title, x.Holder, x.FilingDate, x.ApplicationNo, x.PatentNo, x.ValidUntil)).ToList(),
            Licence = p.Licence is { } l ? new LicenceTerms(Enum.Parse<LicenseScope>(l.Scope.ToString()), l.Territory, l.TermFrom, l.TermTo) : null,
            TechnicalField = p.TechnicalField is { Length: > 60 } f ? f[..60] : p.TechnicalField,
            Origin = sourceType switch
            {
                "openLicenseGrant" => ContractOrigin.OpenLicenceGrant,
                "challengeAward" => ContractOrigin.ChallengeAward,
                _ => ContractOrigin.ExchangeDeal,
            },
            OriginRef = originRef,
            AchievementIds = p.AchievementIds ?? [],
        };
    }

    private static PartyInput Party(PartyRole role, OrganizationFacts o) =>
        new(role, o.NameZh, o.CreditCode, o.EntityNatureCode, o.CountryCode, o.CountryCode == PartyCountries.China ? o.DivisionCode : null, o.Id);
}

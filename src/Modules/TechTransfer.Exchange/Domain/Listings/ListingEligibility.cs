using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Achievements;
using TechTransfer.SharedKernel.Patents;

namespace TechTransfer.Exchange.Domain.Listings;

/// <summary>
/// Who may offer what (R6.7, 专利法, 民法典): only the rights holder, or a custody operator within its mandate (allowed
/// deal types, price floor, term); a lapsed, expired, invalidated or abandoned patent is never offered; a pledged patent
/// needs the pledgee's consent; a patent under an open-licence declaration in force is not offered exclusively or
/// solely. Facts come from the owning modules through shared-kernel lookups.
/// </summary>
public static class ListingEligibility
{
    /// <summary>What the listing records once the offer is allowed.</summary>
    public sealed record Outcome(
        Guid HolderOrganizationId,
        Guid? CustodyAgreementId,
        Guid? AchievementId,
        IReadOnlyList<ListedPatent> Patents,
        string? TechnicalField,
        IReadOnlyList<string> IpcCodes,
        IReadOnlyList<string> CompleterNames,
        string? SubjectTitleEn = null);

    /// <summary>The custody deal type (Patents' <c>CustodyDealType</c> name) a listing's deal needs; null when no mandate can allow it.</summary>
    public static string? CustodyDealFor(ListingDealType deal) => deal switch
    {
        ListingDealType.ExclusiveLicence => "ExclusiveLicence",
        ListingDealType.SoleLicence => "SoleLicence",
        ListingDealType.OrdinaryLicence => "NonExclusiveLicence",
        _ => null, // transfer and equity change ownership: never delegated to an operator
    };

    public static Result<Outcome> Check(
        Guid callerOrganizationId,
        ListingTerms t,
        AchievementFacts? achievement,
        IReadOnlyDictionary<Guid, PatentFacts> patents,
        IReadOnlyDictionary<Guid, IReadOnlyList<CustodyMandateFacts>> mandates,
        DateOnly today)
    {
        var errors = new FieldErrors();
        var listed = new List<PatentFacts>();
        if (t.SubjectType == ListingSubjectType.Achievement)
        {
            if (achievement is null) return Error.Validation([ListingErrors.AchievementNotFound]);
        }
        else
        {
            for (var i = 0; i < t.PatentIds.Count; i++)
            {
                if (patents.TryGetValue(t.PatentIds[i], out var p)) listed.Add(p);
                else errors.Add(ListingErrors.PatentNotFound($"patentIds[{i}]"));
            }
            if (errors.ToError() is { } unknown) return unknown;
            if (listed.Select(p => p.OwnerOrganizationId).Distinct().Count() > 1) return Error.Validation([ListingErrors.MixedHolders]);
        }

        var holder = achievement?.OwnerOrganizationId ?? listed[0].OwnerOrganizationId;
        Guid? custodyId = null;
        if (holder != callerOrganizationId)
        {
            // Not the holder: a custody operator of every listed patent, within its mandate.
            if (t.SubjectType == ListingSubjectType.Achievement)
                return mandates.Values.Any(m => m.Count > 0) ? Error.Validation([ListingErrors.AchievementCustodyNotSupported]) : ListingErrors.NotRightsHolder;
            var found = listed.Select(p => mandates.GetValueOrDefault(p.PatentId) ?? []).ToList();
            if (found.Any(m => m.Count == 0)) return ListingErrors.NotRightsHolder;
            var dealNeeded = CustodyDealFor(t.DealType);
            foreach (var candidates in found)
            {
                var mandate = candidates.Where(m => m.Active && m.TermStart <= today && today <= m.TermEnd).OrderByDescending(m => m.TermEnd).FirstOrDefault();
                if (mandate is null) { errors.Add(ListingErrors.CustodyNotInForce); continue; }
                custodyId ??= mandate.AgreementId;
                if (dealNeeded is null || !mandate.AllowedDealTypes.Contains(dealNeeded) || !mandate.AllowedDealTypes.Contains("Listing"))
                    errors.Add(ListingErrors.CustodyDealNotAllowed(t.DealType.ToString()));
                if (t.PriceYuan < mandate.PriceFloorYuan) errors.Add(ListingErrors.CustodyPriceBelowFloor(mandate.PriceFloorYuan));
            }
        }

        for (var i = 0; i < listed.Count; i++)
        {
            var p = listed[i];
            if (p.Ended) errors.Add(ListingErrors.PatentEnded($"patentIds[{i}]", p.ApplicationNo));
            if (p.ActivePledgees.Count > 0 && string.IsNullOrWhiteSpace(t.PledgeeConsentRef))
                errors.Add(ListingErrors.PledgeeConsentRequired(p.ApplicationNo, string.Join("、", p.ActivePledgees)));
            if (p.OpenLicenceInForce && t.DealType is ListingDealType.ExclusiveLicence or ListingDealType.SoleLicence)
                errors.Add(ListingErrors.OpenLicenceNotExclusive(p.ApplicationNo));
        }

        var completers = t.CompleterNames.Count > 0 ? t.CompleterNames.Select(n => n.Trim()).ToList() : achievement?.CompleterNames.ToList() ?? [];
        errors.AddRange(Listing.CheckNotice(t.PricingMethod, completers));
        if (errors.ToError() is { } refused) return refused;

        var ipc = achievement?.IpcCodes.ToList()
                  ?? listed.SelectMany(p => (p.IpcCodes ?? "").Split([',', ';', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        return new Outcome(holder, custodyId, achievement?.AchievementId ?? listed.Select(p => p.AchievementId).FirstOrDefault(a => a is not null),
            listed.Select(p => new ListedPatent(p.PatentId, p.ApplicationNo, p.Title)).ToList(),
            achievement?.TechnicalField, ipc.Take(20).ToList(), completers,
            achievement is not null ? achievement.TitleEn : listed.Count == 1 ? listed[0].TitleEn : null);
    }
}

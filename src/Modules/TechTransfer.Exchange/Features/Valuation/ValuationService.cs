using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.Exchange.Domain.Valuation;
using TechTransfer.Exchange.Features.Listings;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Contracts;
using TechTransfer.SharedKernel.Patents;

namespace TechTransfer.Exchange.Features.Valuation;

/// <summary>
/// The valuation workspace of a listing (确价), shared by the API and the page: run and keep each approach (cost, market
/// with its comparables snapshot, income with every DCF year), read the history, choose the value with its rationale.
/// Who: the listing side's staff (holder or custody operator: institution admins, enterprises, technology managers) and
/// the exchange operator; another role 403, another organisation 404. Order: role → body (422, every field at once) →
/// the listing as the caller may see it (404) → version (409) → rule → one save. Also the R6.3 floor other use cases ask.
/// </summary>
public sealed class ValuationService(TechTransferDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ExchangeListingOptions> options,
    IPatentFactsLookup patents, IRegisteredContractLookup contracts)
{
    private static readonly string[] ValuerRoles = [Roles.InstitutionAdmin, Roles.Enterprise, Roles.TechManager, Roles.ExchangeOperator];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public bool MayValue => user.IsAuthenticated && user.IsInAnyRole(ValuerRoles);
    public ValuationRules Rules => options.Value.ToValuationRules();

    /// <summary>R6.3: a valuation is required for a state-funded seller, or for every seller as configured.</summary>
    public static bool IsRequired(Listing listing, ExchangeListingOptions o) => listing.StateFunded || o.ValuationRequiredForAllSellers;

    /// <summary>
    /// R6.3 (拍卖法第二十八条) for other use cases: where a valuation is required and a value has been chosen, a price
    /// (reserve, starting price without reserve, listing or negotiated price) below it is refused, 422 on <paramref name="field"/>.
    /// With <paramref name="requireChosen"/> (the operator's approval, editing a published listing, opening a lot,
    /// confirming a deal) a required valuation
    /// that has not been chosen is refused too (422 <c>valuation.not_chosen</c>), as is an edit of a published listing; a
    /// draft's edit only checks the floor. A
    /// <paramref name="price"/> of null checks only that a value was chosen (an auction listing's price is its lot's).
    /// </summary>
    internal static async Task<Result> CheckFloorAsync(TechTransferDbContext db, ExchangeListingOptions o, Guid listingId, bool? stateFunded,
        decimal? price, string field, CancellationToken ct, bool requireChosen = false)
    {
        var funded = stateFunded ?? await db.Set<Listing>().Where(l => l.Id == listingId).Select(l => (bool?)l.StateFunded).FirstOrDefaultAsync(ct);
        if (funded is null || !(funded.Value || o.ValuationRequiredForAllSellers)) return Result.Success();
        var chosen = await db.Set<ListingValuation>().AsNoTracking().Where(v => v.ListingId == listingId).Select(v => v.ChosenValueYuan)
            .FirstOrDefaultAsync(ct);
        if (chosen is null) return requireChosen ? ValuationErrors.NotChosen : Result.Success();
        return price is { } p ? ValuationCalculator.CheckReserve(p, chosen, field) : Result.Success();
    }

    public async Task<Result<ValuationResponse>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!MayValue) return ValuationErrors.RoleNotAllowed;
        var listing = await ListingAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        var workspace = await db.Set<ListingValuation>().AsNoTracking().FirstOrDefaultAsync(v => v.ListingId == id, ct);
        return Response(listing, workspace);
    }

    /// <summary>The market approach as it stands today (not kept): the comparables and, with enough of them, median and IQR.</summary>
    public async Task<Result<MarketValuationResponse>> MarketAsync(Guid id, CancellationToken ct)
    {
        if (!MayValue) return ValuationErrors.RoleNotAllowed;
        var listing = await ListingAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        var (criteria, from, today, found) = await ComparablesAsync(listing, ct);
        var market = ValuationCalculator.Market(found, Rules);
        var m = market.IsSuccess ? market.Value : null;
        return new MarketValuationResponse(listing.Id, criteria.Category, listing.TechnicalField, listing.IpcCodes, from, today, Rules.MinComparables,
            found.Count, m is not null, m?.MedianYuan, m?.LowerQuartileYuan, m?.UpperQuartileYuan, m?.InterquartileRangeYuan,
            ValuationCalculator.MarketFormula, m is null ? [] : m.Comparables);
    }

    public async Task<Result<ValuationRunResponse>> RunCostAsync(Guid id, CostValuationRequest r, CancellationToken ct)
    {
        if (!MayValue) return ValuationErrors.RoleNotAllowed;
        var inputs = new CostInputs(r.ReplacementCostYuan, r.PhysicalObsolescencePercent, r.FunctionalObsolescencePercent, r.EconomicObsolescencePercent);
        if (ValuationCalculator.Check(inputs) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var detail = CostDetail(inputs);
        return await RecordAsync(id, r.Version, ValuationApproach.Cost, null, inputs, detail, ValuationCalculator.CostFormula, detail.ValueYuan, ct);
    }

    public async Task<Result<ValuationRunResponse>> RunMarketAsync(Guid id, MarketValuationRunRequest? r, CancellationToken ct)
    {
        if (!MayValue) return ValuationErrors.RoleNotAllowed;
        var listing = await ListingAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        var (criteria, from, today, found) = await ComparablesAsync(listing, ct);
        var market = ValuationCalculator.Market(found, Rules);
        if (market.IsFailure) return market.Error!;
        var m = market.Value;
        var detail = new MarketRunDetail(criteria.Category, criteria.TechnicalField, criteria.IpcCodes, from, today, Rules.MinComparables, m.Comparables,
            m.MedianYuan, m.LowerQuartileYuan, m.UpperQuartileYuan, m.InterquartileRangeYuan);
        var inputs = new { criteria.Category, criteria.TechnicalField, criteria.IpcCodes, From = from, To = today, Rules.MinComparables };
        return await RecordAsync(id, r?.Version, ValuationApproach.Market, null, inputs, detail, ValuationCalculator.MarketFormula, m.MedianYuan, ct);
    }

    public async Task<Result<ValuationRunResponse>> RunIncomeAsync(Guid id, IncomeValuationRequest r, CancellationToken ct)
    {
        if (!MayValue) return ValuationErrors.RoleNotAllowed;
        var today = clock.Today();
        var inputs = new IncomeInputs(r.Method, r.AnnualRevenueYuan, r.DiscountRatePercent, r.TaxRatePercent, r.ProfitMarginPercent,
            r.ProfitSharePercent, r.RoyaltyRatePercent, today, r.PatentTermEndsOn);
        var errors = new FieldErrors();
        if (!Enum.IsDefined(r.Method)) errors.Add(ValuationErrors.IncomeMethodInvalid);
        else errors.AddRange(ValuationCalculator.Check(inputs));
        if (errors.ToError() is { } invalid) return invalid;
        var listing = await ListingAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        if (listing.Patents.Count > 0)
        {
            // a patent listing's economic life is bounded by the listed patents' term (the set lasts until its last expiry)
            var facts = await patents.PatentsAsync(listing.Patents.Select(p => p.PatentId).ToList(), ct);
            if (facts.Count > 0) inputs = inputs with { PatentTermEndsOn = facts.Values.Max(f => f.ExpiryDate) };
            if (inputs.PatentTermEndsOn is { } end && end <= today) return Error.Validation([ValuationErrors.PatentTermEnded]);
        }
        var detail = IncomeDetail(inputs);
        return await RecordAsync(id, r.Version, ValuationApproach.Income, r.Method, inputs, detail, Formula(r.Method), detail.ValueYuan, ct);
    }

    public async Task<Result<ValuationResponse>> ChooseAsync(Guid id, ValuationChoiceRequest r, CancellationToken ct)
    {
        if (!MayValue) return ValuationErrors.RoleNotAllowed;
        if (ListingValuation.CheckChoice(r.ValueYuan, r.Basis, r.Rationale) is { Count: > 0 } invalid) return Error.Validation(invalid);
        var listing = await ListingAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        var workspace = await db.Set<ListingValuation>().FirstOrDefaultAsync(v => v.ListingId == id, ct);
        if (workspace is null) return ValuationErrors.ApproachNotPerformed;
        if (Error.StaleVersion(workspace.Version, r.Version) is { } stale) return stale;
        var chosen = workspace.Choose(r.ValueYuan, r.Basis, r.Rationale, user, clock.GetUtcNow());
        if (chosen.IsFailure) return chosen.Error!;
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        return Response(listing, workspace);
    }

    private async Task<Result<ValuationRunResponse>> RecordAsync<TInputs, TDetail>(Guid id, int? version, ValuationApproach approach, IncomeMethod? method,
        TInputs inputs, TDetail detail, string formula, decimal value, CancellationToken ct, bool retry = true)
    {
        var listing = await ListingAsync(id, ct);
        if (listing is null) return ListingErrors.NotFound;
        var now = clock.GetUtcNow();
        var workspace = await db.Set<ListingValuation>().FirstOrDefaultAsync(v => v.ListingId == id, ct);
        if (Error.StaleVersion(workspace?.Version ?? 0, version) is { } stale) return stale;
        var isNew = workspace is null;
        if (workspace is null)
        {
            workspace = new ListingValuation(listing.Id, listing.HolderOrganizationId, now);
            db.Add(workspace);
        }
        var run = workspace.Record(approach, method, Serialize(inputs), Serialize(detail), formula, value, user, now);
        if (run.IsFailure) return run.Error!;
        try
        {
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        }
        catch (DbUpdateException) when (isNew && retry)
        {
            // two first runs raced: the other one created the workspace (its key is the listing). Append to it once,
            // as a later run would — a request that named the version it read (0) gets the stale 409 there.
            db.ChangeTracker.Clear();
            return await RecordAsync(id, version, approach, method, inputs, detail, formula, value, ct, retry: false);
        }
        return Run(run.Value);
    }

    private async Task<(ComparableCriteria Criteria, DateOnly From, DateOnly Today, IReadOnlyList<ComparableContract> Found)> ComparablesAsync(
        Listing listing, CancellationToken ct)
    {
        var rules = Rules;
        var today = clock.Today();
        var from = today.AddYears(-rules.ComparableYears).AddDays(1);
        var category = ValuationCalculator.ContractCategoryOf(listing.DealType);
        var candidates = (await contracts.RegisteredAsync(category, from, today, ct))
            .Select(c => new ComparableContract(c.ContractId, c.RegistrationNo, c.RegisteredOn, c.Category, c.TechnicalField, c.IpcCodes, c.AmountYuan));
        var criteria = new ComparableCriteria(category, listing.TechnicalField, listing.IpcCodes);
        return (criteria, from, today, ValuationCalculator.Comparables(candidates, criteria, rules, today));
    }

    /// <summary>The listing if the caller may value it: visible to the caller and on its listing side, or the exchange operator's; else null (404).</summary>
    private async Task<Listing?> ListingAsync(Guid id, CancellationToken ct)
    {
        var listing = await ListingService.VisibleTo(db.Set<Listing>().AsNoTracking(), user).FirstOrDefaultAsync(l => l.Id == id, ct);
        return listing is not null && (listing.IsListingSide(user) || user.IsInRole(Roles.ExchangeOperator)) ? listing : null;
    }

    private ValuationResponse Response(Listing listing, ListingValuation? w)
    {
        var required = IsRequired(listing, options.Value);
        var floor = w?.RequiredValueYuan(required);
        return new ValuationResponse(listing.Id, listing.Title, listing.PriceYuan, listing.PricingMethod.ToString(), listing.Patents.Count > 0, required,
            w?.ChosenValueYuan,
            w?.ChosenBasis, w?.Rationale, w?.ChosenByUserId, w?.ChosenByName, w?.ChosenAt, floor,
            floor is { } f && listing.PricingMethod != PricingMethod.Auction && listing.PriceYuan < f,
            w is null ? [] : w.Runs.OrderByDescending(x => x.At).ThenByDescending(x => x.Id).Select(Run).ToList(), w?.Version ?? 0)
            { ListingTitleEn = listing.TitleEn };
    }

    /// <summary>The cost approach with the value after each obsolescence in turn.</summary>
    internal static CostRunDetail CostDetail(CostInputs c)
    {
        var afterPhysical = c.ReplacementCostYuan * (1 - c.PhysicalObsolescencePercent / 100m);
        var afterFunctional = afterPhysical * (1 - c.FunctionalObsolescencePercent / 100m);
        return new CostRunDetail(c, Yuan.Round(afterPhysical), Yuan.Round(afterFunctional), ValuationCalculator.Cost(c));
    }

    /// <summary>The income approach's run: the DCF of <paramref name="inputs"/>, every year kept.</summary>
    internal static IncomeRunDetail IncomeDetail(IncomeInputs inputs)
    {
        var (value, years, life) = ValuationCalculator.Income(inputs);
        return new IncomeRunDetail(inputs, life, years, value);
    }

    internal static string Formula(IncomeMethod method) =>
        method == IncomeMethod.ProfitSplit ? ValuationCalculator.ProfitSplitFormula : ValuationCalculator.RoyaltyReliefFormula;

    internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    internal static ValuationRunResponse Run(ValuationRun x) => new(x.Id, x.Approach, x.Method, x.Formula, x.ResultYuan, x.ByUserId, x.ByName, x.At,
        x.Approach == ValuationApproach.Cost ? JsonSerializer.Deserialize<CostRunDetail>(x.Figures, Json) : null,
        x.Approach == ValuationApproach.Market ? JsonSerializer.Deserialize<MarketRunDetail>(x.Figures, Json) : null,
        x.Approach == ValuationApproach.Income ? JsonSerializer.Deserialize<IncomeRunDetail>(x.Figures, Json) : null);
}

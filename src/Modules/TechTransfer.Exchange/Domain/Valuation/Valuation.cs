using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Domain.Valuation;

public enum ValuationApproach { Cost, Market, Income }

/// <summary>How the income approach draws the technology's cash flow from the forecast revenue.</summary>
public enum IncomeMethod { ProfitSplit, RoyaltyRelief }

/// <summary>[CFG] valuation rules: the fewest comparables the market approach needs to be shown, and how far back they go.</summary>
public sealed record ValuationRules(int MinComparables, int ComparableYears)
{
    public static readonly ValuationRules Default = new(5, 3);
}

/// <summary>Cost approach (成本法): replacement cost less physical, functional and economic obsolescence.</summary>
public sealed record CostInputs(decimal ReplacementCostYuan, decimal PhysicalObsolescencePercent, decimal FunctionalObsolescencePercent,
    decimal EconomicObsolescencePercent);

/// <summary>A registered technology contract offered as a comparable (read from the Contracts module through the shared kernel).</summary>
public sealed record ComparableContract(Guid ContractId, string ContractNo, DateOnly RegisteredOn, string Category, string? TechnicalField,
    IReadOnlyList<string> IpcCodes, decimal AmountYuan);

/// <summary>What the subject is compared on: category, technical field, IPC codes (compared by subclass, e.g. H01M).</summary>
public sealed record ComparableCriteria(string Category, string? TechnicalField, IReadOnlyList<string> IpcCodes);

/// <summary>Income approach (收益法): yearly revenue forecast discounted, by profit split or royalty relief.</summary>
public sealed record IncomeInputs(
    IncomeMethod Method,
    IReadOnlyList<decimal> AnnualRevenueYuan,
    decimal DiscountRatePercent,
    decimal TaxRatePercent,
    decimal? ProfitMarginPercent,
    decimal? ProfitSharePercent,
    decimal? RoyaltyRatePercent,
    DateOnly ValuationDate,
    DateOnly? PatentTermEndsOn);

/// <summary>One year of the income approach, shown so that every figure can be followed.</summary>
public sealed record IncomeYear(int Year, decimal RevenueYuan, decimal LifeFraction, decimal CashFlowYuan, decimal DiscountFactor, decimal PresentValueYuan);

/// <summary>The market approach's figures: the comparables used, their median and interquartile range.</summary>
public sealed record MarketFigures(IReadOnlyList<ComparableContract> Comparables, decimal MedianYuan, decimal LowerQuartileYuan, decimal UpperQuartileYuan)
{
    public decimal InterquartileRangeYuan => UpperQuartileYuan - LowerQuartileYuan;
}

/// <summary>
/// The three valuation approaches as plain rules (确价). Each returns its result with the formula it applied, so a
/// workspace can keep inputs, formula and result together; arithmetic is decimal, money rounded to the fen.
/// </summary>
public static class ValuationCalculator
{
    public const int MaxForecastYears = 30;
    public const string CostFormula = "V = C × (1 − p) × (1 − f) × (1 − e)";
    public const string MarketFormula = "V = median(P); IQR = Q3 − Q1";
    public const string ProfitSplitFormula = "V = Σ R_t × m × s × (1 − T) × w_t ÷ (1 + r)^t";
    public const string RoyaltyReliefFormula = "V = Σ R_t × k × (1 − T) × w_t ÷ (1 + r)^t";

    public static IReadOnlyList<FieldError> Check(CostInputs c)
    {
        var errors = new FieldErrors();
        if (!IsMoney(c.ReplacementCostYuan)) errors.Add(ValuationErrors.NotPositive("replacementCostYuan"));
        Percent(errors, c.PhysicalObsolescencePercent, "physicalObsolescencePercent");
        Percent(errors, c.FunctionalObsolescencePercent, "functionalObsolescencePercent");
        Percent(errors, c.EconomicObsolescencePercent, "economicObsolescencePercent");
        return errors.All;
    }

    public static decimal Cost(CostInputs c) => Yuan.Round(c.ReplacementCostYuan
        * (1 - c.PhysicalObsolescencePercent / 100m) * (1 - c.FunctionalObsolescencePercent / 100m) * (1 - c.EconomicObsolescencePercent / 100m));

    /// <summary>
    /// Comparables: registered within the last <see cref="ValuationRules.ComparableYears"/> years up to
    /// <paramref name="today"/>, the same contract category, and the same technical field or a shared IPC subclass.
    /// </summary>
    public static IReadOnlyList<ComparableContract> Comparables(IEnumerable<ComparableContract> candidates, ComparableCriteria subject,
        ValuationRules rules, DateOnly today)
    {
        var from = today.AddYears(-rules.ComparableYears);
        var subclasses = subject.IpcCodes.Select(Subclass).Where(s => s.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return candidates
            .Where(c => c.RegisteredOn > from && c.RegisteredOn <= today && c.AmountYuan > 0)
            .Where(c => string.Equals(c.Category, subject.Category, StringComparison.OrdinalIgnoreCase))
            .Where(c => (subject.TechnicalField is { Length: > 0 } f && string.Equals(c.TechnicalField, f, StringComparison.Ordinal))
                        || c.IpcCodes.Any(i => subclasses.Contains(Subclass(i))))
            .OrderBy(c => c.AmountYuan).ThenBy(c => c.ContractId)
            .ToList();
    }

    /// <summary>Median and quartiles (linear interpolation between order statistics), only with enough comparables.</summary>
    public static Result<MarketFigures> Market(IReadOnlyList<ComparableContract> comparables, ValuationRules rules)
    {
        if (comparables.Count < rules.MinComparables || comparables.Count == 0) return ValuationErrors.NotEnoughComparables;
        var sorted = comparables.Select(c => c.AmountYuan).Order().ToList();
        return new MarketFigures(comparables, Yuan.Round(Quantile(sorted, 0.5m)), Yuan.Round(Quantile(sorted, 0.25m)), Yuan.Round(Quantile(sorted, 0.75m)));
    }

    /// <summary>The q-quantile of sorted values: position (n − 1) × q, interpolated between its neighbours.</summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal q)
    {
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        var pos = (sorted.Count - 1) * q;
        var lower = (int)decimal.Floor(pos);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (pos - lower);
    }

    public static IReadOnlyList<FieldError> Check(IncomeInputs i)
    {
        var errors = new FieldErrors();
        if (i.AnnualRevenueYuan.Count is 0 or > MaxForecastYears || i.AnnualRevenueYuan.Any(r => r < 0 || r != decimal.Round(r, 2)))
            errors.Add(ValuationErrors.ForecastRequired);
        if (i.DiscountRatePercent <= 0 || i.DiscountRatePercent > 100) errors.Add(ValuationErrors.DiscountRateInvalid);
        Percent(errors, i.TaxRatePercent, "taxRatePercent");
        switch (i.Method)
        {
            case IncomeMethod.ProfitSplit:
                if (i.ProfitMarginPercent is null || i.ProfitSharePercent is null) errors.Add(ValuationErrors.ProfitSplitInputsRequired);
                else
                {
                    Percent(errors, i.ProfitMarginPercent.Value, "profitMarginPercent");
                    Percent(errors, i.ProfitSharePercent.Value, "profitSharePercent");
                }
                break;
            case IncomeMethod.RoyaltyRelief:
                if (i.RoyaltyRatePercent is null) errors.Add(ValuationErrors.RoyaltyRateRequired);
                else Percent(errors, i.RoyaltyRatePercent.Value, "royaltyRatePercent");
                break;
        }
        if (i.PatentTermEndsOn is { } end && end <= i.ValuationDate) errors.Add(ValuationErrors.PatentTermEnded);
        return errors.All;
    }

    /// <summary>
    /// Discounted cash flow, end-of-year convention. The economic life is bounded by the remaining patent term: year t
    /// counts with weight w_t = clamp(L − (t − 1), 0, 1), L = remaining term in years (days ÷ 365); years after it count nothing.
    /// </summary>
    public static (decimal ValueYuan, IReadOnlyList<IncomeYear> Years, decimal LifeYears) Income(IncomeInputs i)
    {
        var life = i.PatentTermEndsOn is { } end ? (end.DayNumber - i.ValuationDate.DayNumber) / 365m : (decimal)i.AnnualRevenueYuan.Count;
        var share = i.Method == IncomeMethod.ProfitSplit
            ? i.ProfitMarginPercent!.Value / 100m * (i.ProfitSharePercent!.Value / 100m)
            : i.RoyaltyRatePercent!.Value / 100m;
        var afterTax = 1 - i.TaxRatePercent / 100m;
        var rate = 1 + i.DiscountRatePercent / 100m;
        var factor = 1m;
        var years = new List<IncomeYear>();
        for (var t = 1; t <= i.AnnualRevenueYuan.Count; t++)
        {
            factor /= rate;
            var weight = Math.Clamp(life - (t - 1), 0m, 1m);
            var cash = Yuan.Round(i.AnnualRevenueYuan[t - 1] * share * afterTax * weight);
            years.Add(new IncomeYear(t, i.AnnualRevenueYuan[t - 1], weight, cash, decimal.Round(factor, 6), Yuan.Round(cash * factor)));
        }
        return (years.Sum(y => y.PresentValueYuan), years, Math.Min(life, i.AnnualRevenueYuan.Count));
    }

    /// <summary>
    /// R6.3 (拍卖法第二十八条): where a valuation is required (state assets), the reserve — or the price of a listing —
    /// may not be below the chosen valuation. Without a required valuation any positive price stands.
    /// </summary>
    public static Result CheckReserve(decimal reserveYuan, decimal? requiredValuationYuan, string field = "priceYuan") =>
        requiredValuationYuan is { } v && reserveYuan < v ? ValuationErrors.ReserveBelowValuation(v, field) : Result.Success();

    /// <summary>The technology-contract category a listing's deal becomes: transfer and equity → Transfer, licences → Licensing.</summary>
    public static string ContractCategoryOf(Listings.ListingDealType deal) =>
        deal is Listings.ListingDealType.Transfer or Listings.ListingDealType.Equity ? "Transfer" : "Licensing";

    /// <summary>The IPC subclass of a code (the first four characters without spaces: "H01M 10/0562" → "H01M").</summary>
    public static string Subclass(string ipc)
    {
        var s = ipc.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return s.Length >= 4 ? s[..4] : "";
    }

    private static bool IsMoney(decimal v) => v > 0 && v == decimal.Round(v, 2) && v <= 100_000_000_000m;

    private static void Percent(FieldErrors errors, decimal v, string field)
    {
        if (v < 0 || v > 100) errors.Add(ValuationErrors.PercentOutOfRange(field));
    }
}

/// <summary>
/// One approach performed (评估记录): its inputs and intermediate figures (as text the Features layer writes, e.g. JSON of
/// the request and of every DCF year or the comparables snapshot), formula, result, who and when. Kept, never overwritten.
/// </summary>
public sealed class ValuationRun
{
    public const int InputsMax = 4000, FormulaMax = 200, NameMax = 100;

    private ValuationRun() { }

    internal ValuationRun(ValuationApproach approach, IncomeMethod? method, string inputs, string figures, string formula, decimal resultYuan,
        ICurrentUser by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Approach = approach;
        Method = method;
        Inputs = inputs;
        Figures = figures;
        Formula = formula;
        ResultYuan = resultYuan;
        ByUserId = by.UserId;
        ByName = Cut(by.UserName, NameMax);
        At = now;
    }

    public Guid Id { get; private set; }
    public ValuationApproach Approach { get; private set; }
    public IncomeMethod? Method { get; private set; }
    public string Inputs { get; private set; } = "";
    /// <summary>Every intermediate figure: the DCF years, or the comparables snapshot with its quartiles.</summary>
    public string Figures { get; private set; } = "";
    public string Formula { get; private set; } = "";
    public decimal ResultYuan { get; private set; }
    public Guid? ByUserId { get; private set; }
    public string? ByName { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal static string? Cut(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}

/// <summary>
/// A listing's valuation workspace (确价): the approaches performed (kept, never overwritten) and the chosen value with
/// its rationale, who chose it and when. Where the seller's assets require a valuation (R6.3: a state-funded seller, or
/// every seller as configured) the chosen value is the floor of the reserve, an auction's starting price without reserve,
/// and a listing's or negotiated price (<see cref="ValuationCalculator.CheckReserve"/>).
/// </summary>
public sealed class ListingValuation : IAudited
{
    public const int RationaleMax = 2000, MaxRuns = 200;
    private readonly List<ValuationRun> _runs = [];

    private ListingValuation() { }

    public ListingValuation(Guid listingId, Guid holderOrganizationId, DateTimeOffset now)
    {
        ListingId = listingId;
        HolderOrganizationId = holderOrganizationId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid ListingId { get; private set; }
    /// <summary>The rights holder of the listing (the audit trail's organisation).</summary>
    public Guid HolderOrganizationId { get; private set; }
    public IReadOnlyList<ValuationRun> Runs => _runs;
    public decimal? ChosenValueYuan { get; private set; }
    public ValuationApproach? ChosenBasis { get; private set; }
    public string? Rationale { get; private set; }
    public Guid? ChosenByUserId { get; private set; }
    public string? ChosenByName { get; private set; }
    public DateTimeOffset? ChosenAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    Guid? IAudited.AuditOrganizationId => HolderOrganizationId;

    /// <summary>The value a reserve or price may not fall below: the chosen value, if a valuation is required.</summary>
    public decimal? RequiredValueYuan(bool valuationRequired) => valuationRequired ? ChosenValueYuan : null;

    public Result<ValuationRun> Record(ValuationApproach approach, IncomeMethod? method, string inputs, string figures, string formula, decimal result,
        ICurrentUser by, DateTimeOffset now)
    {
        if (_runs.Count >= MaxRuns) return ValuationErrors.TooManyRuns(MaxRuns);
        var run = new ValuationRun(approach, method, inputs, figures, formula, result, by, now);
        _runs.Add(run);
        Touch(now);
        return run;
    }

    /// <summary>The body of a choice, every problem at once (before anything is loaded).</summary>
    public static IReadOnlyList<FieldError> CheckChoice(decimal valueYuan, ValuationApproach basis, string? rationale)
    {
        var errors = new FieldErrors();
        if (valueYuan <= 0 || valueYuan != decimal.Round(valueYuan, 2) || valueYuan > 100_000_000_000m) errors.Add(ValuationErrors.NotPositive("valueYuan"));
        if (!Enum.IsDefined(basis)) errors.Add(ValuationErrors.BasisInvalid);
        if (string.IsNullOrWhiteSpace(rationale)) errors.Add(ValuationErrors.RationaleRequired);
        else if (rationale.Trim().Length > RationaleMax) errors.Add(ValuationErrors.RationaleTooLong(RationaleMax));
        return errors.All;
    }

    /// <summary>Keeps the chosen value, on an approach that was performed, with its rationale (and who, when).</summary>
    public Result Choose(decimal valueYuan, ValuationApproach basis, string? rationale, ICurrentUser by, DateTimeOffset now)
    {
        if (CheckChoice(valueYuan, basis, rationale) is { Count: > 0 } invalid) return Error.Validation(invalid);
        if (_runs.All(e => e.Approach != basis)) return ValuationErrors.ApproachNotPerformed;
        ChosenValueYuan = valueYuan;
        ChosenBasis = basis;
        Rationale = rationale!.Trim();
        ChosenByUserId = by.UserId;
        ChosenByName = ValuationRun.Cut(by.UserName, ValuationRun.NameMax);
        ChosenAt = now;
        Touch(now);
        return Result.Success();
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

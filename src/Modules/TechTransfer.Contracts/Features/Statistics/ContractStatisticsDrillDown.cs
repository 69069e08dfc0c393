using System.Globalization;
using System.Linq.Expressions;
using TechTransfer.Contracts.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features.Statistics;

/// <summary>
/// The statistics drill-down: the registered contracts one statistics row counts. A row is a grouping (<c>groupBy</c>) and a
/// key in it, within a range of registration days; the filter is written on the contract's denormalised classification
/// columns (the same ones <see cref="ContractStatisticsStore.RebuildAsync"/> groups by), so the list behind a row has
/// exactly the row's count.
/// </summary>
public static class ContractStatisticsDrillDown
{
    /// <summary>The contracts statistics count: registered, changed, or under/after an objection, and not cancelled or revoked.</summary>
    public static readonly Expression<Func<TechnologyContract, bool>> Counted = c =>
        c.RegistrationNo != null && c.RegisteredDate != null &&
        (c.Status == RegistrationStatus.Registered || c.Status == RegistrationStatus.ChangeRegistered
         || c.Status == RegistrationStatus.ObjectionFiled || c.Status == RegistrationStatus.ObjectionResolved);

    /// <summary>True when the query asks for the drill-down (any of its four parameters).</summary>
    public static bool Requested(ContractListQuery q) =>
        !string.IsNullOrWhiteSpace(q.GroupBy) || !string.IsNullOrWhiteSpace(q.Key) || q.RegisteredFrom is not null || q.RegisteredTo is not null;

    /// <summary>Applies the drill-down to a contract query, or the error of an invalid grouping or key.</summary>
    public static Result<IQueryable<TechnologyContract>> Apply(IQueryable<TechnologyContract> q, ContractListQuery query)
    {
        q = q.Where(Counted);
        if (query.RegisteredFrom is { } from) q = q.Where(c => c.RegisteredDate >= from);
        if (query.RegisteredTo is { } to) q = q.Where(c => c.RegisteredDate <= to);
        if (query.RegisteredFrom is { } f && query.RegisteredTo is { } t && f > t) return ContractErrors.StatisticsRangeInvalid;
        var hasGroup = !string.IsNullOrWhiteSpace(query.GroupBy);
        var hasKey = !string.IsNullOrWhiteSpace(query.Key);
        if (!hasGroup && !hasKey) return Result<IQueryable<TechnologyContract>>.Success(q);
        if (!hasGroup || !hasKey) return ContractErrors.StatisticsKeyWithoutGroupBy;
        var g = ContractStatistics.ParseGroupBy(query.GroupBy);
        if (g.IsFailure) return g.Error!;
        var key = query.Key!.Trim();
        var filter = Filter(g.Value, key);
        return filter is null ? ContractErrors.StatisticsKeyInvalid(key) : Result<IQueryable<TechnologyContract>>.Success(q.Where(filter));
    }

    /// <summary>The contracts of one row of a grouping; null for a key the grouping cannot have.</summary>
    public static Expression<Func<TechnologyContract, bool>>? Filter(StatisticsGroupBy g, string key)
    {
        const string unknown = ContractStatisticsFacts.Unknown, abroad = ContractStatisticsFacts.Abroad;
        switch (g)
        {
            case StatisticsGroupBy.Year when key.Length == 4 && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2199:
            {
                DateOnly first = new(y, 1, 1), last = new(y, 12, 31);
                return c => c.RegisteredDate >= first && c.RegisteredDate <= last;
            }
            case StatisticsGroupBy.Month when DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is >= 1900 and <= 2199:
            {
                var last = m.AddMonths(1).AddDays(-1);
                return c => c.RegisteredDate >= m && c.RegisteredDate <= last;
            }
            case StatisticsGroupBy.Category when Enum.TryParse<ContractCategory>(key, out var cat) && Enum.IsDefined(cat) && !int.TryParse(key, out _):
                return c => c.StatCategory == cat;
            case StatisticsGroupBy.SellerNature when key == unknown:
                return c => c.SellerNatureGroup == "";
            case StatisticsGroupBy.SellerNature when EntityNatures.Find(key) is not null:
                return c => c.SellerNatureGroup == key;
            case StatisticsGroupBy.BuyerType when key == unknown:
                return c => c.BuyerNatureGroup == "";
            case StatisticsGroupBy.BuyerType when EntityNatures.Find(key) is not null:
                return c => c.BuyerNatureGroup == key;
            case StatisticsGroupBy.Division when IsProvinceKey(key):
                return c => c.SellerProvince == key;
            case StatisticsGroupBy.District when key == abroad:
                return c => c.SellerProvince == abroad;
            case StatisticsGroupBy.District when key == unknown:
                return c => c.SellerProvince != abroad && c.SellerDivision == null;
            case StatisticsGroupBy.District when key.Length == 6 && key.All(char.IsAsciiDigit):
                return c => c.SellerProvince != abroad && c.SellerDivision == key;
            case StatisticsGroupBy.Field when key == unknown:
                return c => c.TechnicalField == null || c.TechnicalField.Trim() == "";
            case StatisticsGroupBy.Field when key.Length <= 60:
                return c => c.TechnicalField == key;
            case StatisticsGroupBy.RegionFlow when key.Split('>') is [var a, var b] && IsProvinceKey(a) && IsProvinceKey(b):
                return c => c.SellerProvince == a && c.BuyerProvince == b;
            default:
                return null;
        }
    }

    private static bool IsProvinceKey(string k) =>
        k is ContractStatisticsFacts.Unknown or ContractStatisticsFacts.Abroad || (k.Length == 2 && k.All(char.IsAsciiDigit));

    /// <summary>The drill-down of a statistics row, as the query string of the contract list (<c>/contracts?…</c>).</summary>
    public static string ListQueryString(StatisticsGroupBy g, string key, DateOnly from, DateOnly to) =>
        $"groupBy={g}&key={Uri.EscapeDataString(key)}&registeredFrom={from:yyyy-MM-dd}&registeredTo={to:yyyy-MM-dd}";
}

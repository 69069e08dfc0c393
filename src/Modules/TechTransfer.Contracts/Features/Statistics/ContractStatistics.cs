using System.Globalization;
using MiniExcelLibs;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Fields;
using TechTransfer.SharedKernel.Regions;

namespace TechTransfer.Contracts.Features.Statistics;

/// <summary>What a statistics query groups by (<c>groupBy=</c>).</summary>
public enum StatisticsGroupBy
{
    /// <summary>按年</summary>
    Year = 1,
    /// <summary>按月</summary>
    Month = 2,
    /// <summary>按合同类别 (five classes; legacy licences count as licensing)</summary>
    Category = 3,
    /// <summary>按卖方性质 (group code)</summary>
    SellerNature = 4,
    /// <summary>按卖方所在省级区划 (abroad = XX)</summary>
    Division = 5,
    /// <summary>按卖方所在区县 (6-digit)</summary>
    District = 6,
    /// <summary>按技术领域</summary>
    Field = 7,
    /// <summary>按买方类型 (nature group)</summary>
    BuyerType = 8,
    /// <summary>技术流向: seller province → buyer province</summary>
    RegionFlow = 9,
}

/// <summary>The dimensions kept in the pre-aggregated tables. "all" carries the period totals.</summary>
public static class StatisticsDimensions
{
    public const string All = "all";
    public const string Category = "category";
    public const string SellerNature = "seller_nature";
    public const string Division = "division";
    public const string District = "district";
    public const string Field = "field";
    public const string BuyerType = "buyer_type";
    public const string RegionFlow = "flow";

    public static readonly IReadOnlyList<string> Every = [All, Category, SellerNature, Division, District, Field, BuyerType, RegionFlow];

    public static string For(StatisticsGroupBy g) => g switch
    {
        StatisticsGroupBy.Year or StatisticsGroupBy.Month => All,
        StatisticsGroupBy.Category => Category,
        StatisticsGroupBy.SellerNature => SellerNature,
        StatisticsGroupBy.Division => Division,
        StatisticsGroupBy.District => District,
        StatisticsGroupBy.Field => Field,
        StatisticsGroupBy.BuyerType => BuyerType,
        StatisticsGroupBy.RegionFlow => RegionFlow,
        _ => All,
    };
}

/// <summary>The statistical facts of one registered contract: the day it counts on and its key in each dimension.</summary>
public sealed record ContractStatisticsFacts(DateOnly Day, decimal TotalAmount, decimal TechTransactionAmount, IReadOnlyDictionary<string, string> Keys)
{
    public const string Abroad = "XX";
    public const string Unknown = "-";

    /// <summary>Null when the contract does not count (not registered, cancelled or revoked).</summary>
    public static ContractStatisticsFacts? From(TechnologyContract c)
    {
        if (!c.IsEffectivelyRegistered || c.RegisteredAt is not { } at) return null;
        return Build(c, BusinessTime.DateOf(at), c.AssessedTechTransactionAmount ?? c.DeclaredTechTransactionAmount);
    }

    /// <summary>
    /// What <see cref="From"/> will give once <paramref name="c"/> is registered at <paramref name="now"/> with
    /// <paramref name="assessedTechTransactionAmount"/>: lets the registration write its statistics delta before the contract
    /// changes (and before the serial is taken). The caller checks the prediction against <see cref="From"/> afterwards.
    /// </summary>
    public static ContractStatisticsFacts AsRegistered(TechnologyContract c, decimal assessedTechTransactionAmount, DateTimeOffset now) =>
        Build(c, BusinessTime.DateOf(now), Yuan.Round(assessedTechTransactionAmount));

    /// <summary>True when both facts count the same day, amounts and keys.</summary>
    public bool SameAs(ContractStatisticsFacts? other) =>
        other is not null && Day == other.Day && TotalAmount == other.TotalAmount && TechTransactionAmount == other.TechTransactionAmount
        && Keys.Count == other.Keys.Count && Keys.All(k => other.Keys.TryGetValue(k.Key, out var v) && v == k.Value);

    private static ContractStatisticsFacts Build(TechnologyContract c, DateOnly day, decimal techTransactionAmount)
    {
        var seller = c.Parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).FirstOrDefault();
        var buyer = c.Parties.Where(p => p.Role == PartyRole.Buyer).OrderBy(p => p.Order).FirstOrDefault();
        var sellerProvince = Province(seller);
        var buyerProvince = Province(buyer);
        var keys = new Dictionary<string, string>
        {
            [StatisticsDimensions.All] = "",
            [StatisticsDimensions.Category] = c.StatisticalCategory.ToString(),
            [StatisticsDimensions.SellerNature] = seller is null ? Unknown : EntityNatures.Group(seller.EntityNature),
            [StatisticsDimensions.Division] = sellerProvince,
            [StatisticsDimensions.District] = seller is null ? Unknown : seller.IsDomestic ? seller.DivisionCode ?? Unknown : Abroad,
            [StatisticsDimensions.Field] = string.IsNullOrWhiteSpace(c.TechnicalField) ? Unknown : c.TechnicalField!,
            [StatisticsDimensions.BuyerType] = buyer is null ? Unknown : EntityNatures.Group(buyer.EntityNature),
            [StatisticsDimensions.RegionFlow] = $"{sellerProvince}>{buyerProvince}",
        };
        // R2.6: a mixed contract counts its stated technical part as its total
        return new ContractStatisticsFacts(day, c.RegisterableAmount, techTransactionAmount, keys);
    }

    private static string Province(ContractParty? p) =>
        p is null ? Unknown : !p.IsDomestic ? Abroad : p.DivisionCode is { Length: 6 } d ? DivisionCodes.Province(d) : Unknown;
}

/// <summary>One row of a statistics answer.</summary>
public sealed record StatisticsRow(string Key, string LabelZh, string LabelEn, long Count, decimal TotalAmount, decimal TechTransactionAmount);

public sealed record StatisticsResult(DateOnly From, DateOnly To, StatisticsGroupBy GroupBy, IReadOnlyList<StatisticsRow> Rows)
{
    public long Count => Rows.Sum(r => r.Count);
    public decimal TotalAmount => Rows.Sum(r => r.TotalAmount);
    public decimal TechTransactionAmount => Rows.Sum(r => r.TechTransactionAmount);
}

/// <summary>Labels, validation and Excel export shared by every statistics source.</summary>
public static class ContractStatistics
{
    public static Result<StatisticsGroupBy> ParseGroupBy(string? value) =>
        Enum.TryParse<StatisticsGroupBy>(value ?? "Category", ignoreCase: true, out var g) && Enum.IsDefined(g) && !int.TryParse(value, out _)
            ? g : ContractErrors.StatisticsGroupByInvalid;

    /// <summary>The row key of a fact in a grouping (period groupings use the day).</summary>
    public static string KeyOf(StatisticsGroupBy g, DateOnly day, string dimensionKey) => g switch
    {
        StatisticsGroupBy.Year => day.Year.ToString(CultureInfo.InvariantCulture),
        StatisticsGroupBy.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => dimensionKey,
    };

    public static (string Zh, string En) Label(StatisticsGroupBy g, string key)
    {
        switch (g)
        {
            case StatisticsGroupBy.Category when Enum.TryParse<ContractCategory>(key, out var c):
                return ContractCategories.Label(c);
            case StatisticsGroupBy.SellerNature or StatisticsGroupBy.BuyerType when EntityNatures.Find(key) is { } n:
                return (n.Zh, n.En);
            case StatisticsGroupBy.Division:
                return DivisionCodes.ProvinceLabel(key);
            case StatisticsGroupBy.Field when TechnicalFields.Find(key) is { } field:
                return (field.Zh, field.En);
            case StatisticsGroupBy.District when key == ContractStatisticsFacts.Abroad:
                return ("境外", "Abroad");
            case StatisticsGroupBy.District when key.Length == 6 && Divisions.IsKnown(key):
                return (Divisions.FullName(key, english: false), Divisions.FullName(key, english: true));
            case StatisticsGroupBy.District when key.Length == 6:
                var (pz, pe) = DivisionCodes.ProvinceLabel(key[..2]);
                return ($"{pz} {key}", $"{pe} {key}");
            case StatisticsGroupBy.RegionFlow when key.Split('>') is [var a, var b]:
                var (az, ae) = DivisionCodes.ProvinceLabel(a);
                var (bz, be) = DivisionCodes.ProvinceLabel(b);
                return ($"{az}→{bz}", $"{ae}→{be}");
            default:
                return (key == ContractStatisticsFacts.Unknown ? "未填" : key, key == ContractStatisticsFacts.Unknown ? "Not given" : key);
        }
    }

    /// <summary>Groups facts in memory (the plain computation; also the reference the aggregate tables are tested against).</summary>
    public static StatisticsResult Aggregate(IEnumerable<ContractStatisticsFacts> facts, DateOnly from, DateOnly to, StatisticsGroupBy g)
    {
        var dim = StatisticsDimensions.For(g);
        var rows = facts.Where(f => f.Day >= from && f.Day <= to)
            .GroupBy(f => KeyOf(g, f.Day, f.Keys[dim]))
            .Select(x => Row(g, x.Key, x.LongCount(), x.Sum(f => f.TotalAmount), x.Sum(f => f.TechTransactionAmount)))
            .ToList();
        return new StatisticsResult(from, to, g, Order(g, rows));
    }

    public static StatisticsRow Row(StatisticsGroupBy g, string key, long count, decimal total, decimal tech)
    {
        var (zh, en) = Label(g, key);
        return new StatisticsRow(key, zh, en, count, total, tech);
    }

    public static IReadOnlyList<StatisticsRow> Order(StatisticsGroupBy g, IEnumerable<StatisticsRow> rows) =>
        g is StatisticsGroupBy.Year or StatisticsGroupBy.Month
            ? rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
            : rows.OrderByDescending(r => r.TotalAmount).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    /// <summary>The answer as xlsx, Chinese and English headers.</summary>
    public static byte[] ToExcel(StatisticsResult result)
    {
        var data = result.Rows.Select(r => new Dictionary<string, object?>
        {
            ["分组 Key"] = r.Key, ["名称"] = r.LabelZh, ["Name"] = r.LabelEn, ["合同数 Contracts"] = r.Count,
            ["成交额（元） Turnover (yuan)"] = r.TotalAmount, ["技术交易额（元） Technology transaction amount (yuan)"] = r.TechTransactionAmount,
        }).ToList();
        data.Add(new Dictionary<string, object?>
        {
            ["分组 Key"] = "合计", ["名称"] = $"{result.From:yyyy-MM-dd}–{result.To:yyyy-MM-dd}", ["Name"] = "Total",
            ["合同数 Contracts"] = result.Count, ["成交额（元） Turnover (yuan)"] = result.TotalAmount,
            ["技术交易额（元） Technology transaction amount (yuan)"] = result.TechTransactionAmount,
        });
        using var ms = new MemoryStream();
        ms.SaveAs(data, sheetName: "统计");
        return ms.ToArray();
    }
}

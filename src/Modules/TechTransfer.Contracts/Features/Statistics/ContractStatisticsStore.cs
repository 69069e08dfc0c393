using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features.Statistics;

/// <summary>
/// Statistics over the pre-aggregated buckets (contracts_statistics), kept current in the same transaction as every
/// registration, change, cancellation and revocation. A query reads whole months from the month buckets and the partial
/// months at either end from the day buckets, so its cost does not grow with the number of contracts.
/// </summary>
public sealed class ContractStatisticsStore(TechTransferDbContext db)
{
    /// <summary>Moves a contract's contribution from <paramref name="before"/> to <paramref name="after"/> (either may be null).</summary>
    public async Task ApplyAsync(ContractStatisticsFacts? before, ContractStatisticsFacts? after, CancellationToken ct)
    {
        if (before is null && after is null) return;
        if (before is not null && after is not null && before.Day == after.Day && before.TotalAmount == after.TotalAmount
            && before.TechTransactionAmount == after.TechTransactionAmount && before.Keys.OrderBy(k => k.Key).SequenceEqual(after.Keys.OrderBy(k => k.Key)))
            return;
        var deltas = new List<(char G, int Period, string Dim, string Key, int Count, long Total, long Tech)>();
        void Add(ContractStatisticsFacts f, int sign)
        {
            var day = f.Day.Year * 10000 + f.Day.Month * 100 + f.Day.Day;
            var month = f.Day.Year * 100 + f.Day.Month;
            var total = sign * ContractStatisticsBucket.ToFen(f.TotalAmount);
            var tech = sign * ContractStatisticsBucket.ToFen(f.TechTransactionAmount);
            foreach (var (dim, key) in f.Keys)
            {
                deltas.Add(('D', day, dim, key, sign, total, tech));
                deltas.Add(('M', month, dim, key, sign, total, tech));
            }
        }
        if (before is not null) Add(before, -1);
        if (after is not null) Add(after, +1);

        var periods = deltas.Select(d => d.Period).Distinct().ToList();
        var keys = deltas.Select(d => d.Key).Distinct().ToList();
        var set = db.Set<ContractStatisticsBucket>();
        var dims = deltas.Select(d => d.Dim).Distinct().ToList();
        var existing = await set.Where(b => periods.Contains(b.Period) && dims.Contains(b.Dimension) && keys.Contains(b.Key)).ToListAsync(ct);
        existing.AddRange(set.Local.Where(b => periods.Contains(b.Period) && keys.Contains(b.Key) && !existing.Contains(b)));
        foreach (var d in deltas)
        {
            var bucket = existing.FirstOrDefault(b => b.Granularity == d.G && b.Period == d.Period && b.Dimension == d.Dim && b.Key == d.Key);
            if (bucket is null)
            {
                bucket = new ContractStatisticsBucket(d.G, d.Period, d.Dim, d.Key);
                set.Add(bucket);
                existing.Add(bucket);
            }
            bucket.Add(d.Count, d.Total, d.Tech);
        }
    }

    public async Task<Result<StatisticsResult>> QueryAsync(DateOnly from, DateOnly to, StatisticsGroupBy groupBy, CancellationToken ct)
    {
        if (from > to) return ContractStatistics.RangeInvalid;
        var dim = StatisticsDimensions.For(groupBy);
        var set = db.Set<ContractStatisticsBucket>().AsNoTracking();

        // whole months inside [from, to]
        var firstFull = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastFullEnd = to.AddDays(1).Day == 1 ? to : new DateOnly(to.Year, to.Month, 1).AddDays(-1);
        var parts = new List<(string Key, long Count, long Total, long Tech)>();
        int Month(DateOnly d) => d.Year * 100 + d.Month;
        int Day(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;
        var byPeriod = groupBy is StatisticsGroupBy.Year or StatisticsGroupBy.Month;

        if (firstFull <= lastFullEnd)
        {
            int m0 = Month(firstFull), m1 = Month(lastFullEnd);
            var q = set.Where(b => b.Granularity == 'M' && b.Dimension == dim && b.Period >= m0 && b.Period <= m1);
            parts.AddRange(await Group(q, groupBy == StatisticsGroupBy.Year ? 100 : 1, byPeriod, ct));
            // the partial months before and after
            if (from < firstFull) parts.AddRange(await Days(from, firstFull.AddDays(-1)));
            if (lastFullEnd < to) parts.AddRange(await Days(lastFullEnd.AddDays(1), to));
        }
        else
        {
            parts.AddRange(await Days(from, to));
        }

        async Task<List<(string, long, long, long)>> Days(DateOnly a, DateOnly b)
        {
            int d0 = Day(a), d1 = Day(b);
            var q = set.Where(x => x.Granularity == 'D' && x.Dimension == dim && x.Period >= d0 && x.Period <= d1);
            return await Group(q, groupBy == StatisticsGroupBy.Year ? 10000 : 100, byPeriod, ct);
        }

        var rows = parts.GroupBy(p => byPeriod ? PeriodKey(groupBy, p.Key) : p.Key)
            .Select(g => ContractStatistics.Row(groupBy, g.Key, g.Sum(x => x.Count), ContractStatisticsBucket.ToYuan(g.Sum(x => x.Total)),
                ContractStatisticsBucket.ToYuan(g.Sum(x => x.Tech))))
            .Where(r => r.Count != 0 || r.TotalAmount != 0)
            .ToList();
        return new StatisticsResult(from, to, groupBy, ContractStatistics.Order(groupBy, rows));
    }

    private static string PeriodKey(StatisticsGroupBy g, string numeric)
    {
        // numeric is yyyy (Year) or yyyymm (Month)
        return g == StatisticsGroupBy.Year ? numeric[..4] : $"{numeric[..4]}-{numeric[4..6]}";
    }

    private static async Task<List<(string, long, long, long)>> Group(IQueryable<ContractStatisticsBucket> q, int periodDivisor, bool byPeriod, CancellationToken ct)
    {
        if (byPeriod)
        {
            var rows = await q.GroupBy(b => b.Period / periodDivisor)
                .Select(g => new { g.Key, Count = g.Sum(x => x.ContractCount), Total = g.Sum(x => x.TotalAmountFen), Tech = g.Sum(x => x.TechAmountFen) })
                .ToListAsync(ct);
            return rows.Select(r => (r.Key.ToString(CultureInfo.InvariantCulture), r.Count, r.Total, r.Tech)).ToList();
        }
        var byKey = await q.GroupBy(b => b.Key)
            .Select(g => new { g.Key, Count = g.Sum(x => x.ContractCount), Total = g.Sum(x => x.TotalAmountFen), Tech = g.Sum(x => x.TechAmountFen) })
            .ToListAsync(ct);
        return byKey.Select(r => (r.Key, r.Count, r.Total, r.Tech)).ToList();
    }
}

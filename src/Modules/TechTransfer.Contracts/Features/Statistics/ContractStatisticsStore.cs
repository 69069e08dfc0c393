using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features.Statistics;

/// <summary>
/// Statistics over the pre-aggregated buckets (contracts_statistics) at three grains: day (yyyymmdd), month (yyyymm) and
/// year (yyyy). They are kept current in the same transaction as every registration, change, cancellation and revocation:
/// <see cref="ApplyAsync"/> collects the delta and <see cref="SaveChangesAsync"/> writes it as one multi-row upsert
/// (<c>INSERT … ON CONFLICT DO UPDATE</c>, keyed by the primary key) before the tracked changes, in one transaction.
/// A query reads whole years from year buckets, the whole months around them from month buckets and the partial months
/// at either end from day buckets, so it sums at most ~10 year + 22 month + 60 day rows per key, whatever the number of
/// contracts and the length of the range.
/// </summary>
public sealed class ContractStatisticsStore(TechTransferDbContext db)
{
    public const char DayGrain = 'D';
    public const char MonthGrain = 'M';
    public const char YearGrain = 'Y';

    private readonly SortedDictionary<(char G, int Period, string Dim, string Key), (long Count, long Total, long Tech)> _pending = new();

    /// <summary>True when a delta waits to be written by <see cref="SaveChangesAsync"/>.</summary>
    public bool HasPendingChanges => _pending.Count > 0;

    /// <summary>Moves a contract's contribution from <paramref name="before"/> to <paramref name="after"/> (either may be null).
    /// The delta is written by the next <see cref="SaveChangesAsync"/>.</summary>
    public Task ApplyAsync(ContractStatisticsFacts? before, ContractStatisticsFacts? after, CancellationToken ct)
    {
        _ = ct;
        if (before is not null) Add(before, -1);
        if (after is not null) Add(after, +1);
        foreach (var k in _pending.Where(p => p.Value == (0, 0, 0)).Select(p => p.Key).ToList()) _pending.Remove(k);
        return Task.CompletedTask;
    }

    private void Add(ContractStatisticsFacts f, int sign)
    {
        var total = sign * ContractStatisticsBucket.ToFen(f.TotalAmount);
        var tech = sign * ContractStatisticsBucket.ToFen(f.TechTransactionAmount);
        foreach (var (g, period) in Periods(f.Day))
        foreach (var (dim, key) in f.Keys)
        {
            var v = _pending.GetValueOrDefault((g, period, dim, key));
            _pending[(g, period, dim, key)] = (v.Count + sign, v.Total + total, v.Tech + tech);
        }
    }

    /// <summary>The bucket periods a day counts in: the day, its month and its year.</summary>
    public static IEnumerable<(char Grain, int Period)> Periods(DateOnly day) =>
        [(DayGrain, day.Year * 10000 + day.Month * 100 + day.Day), (MonthGrain, day.Year * 100 + day.Month), (YearGrain, day.Year)];

    /// <summary>
    /// Writes the pending statistics delta and the tracked changes in one transaction (the caller's, if one is open).
    /// The upsert rows are sorted by key, so concurrent writers lock buckets in the same order. A concurrent save of the
    /// same record is the platform's one lost-update answer (<see cref="TechTransferDbContext.SaveOrConflictAsync"/>): the
    /// transaction is rolled back, the delta with it, and the conflict is returned.
    /// </summary>
    public async Task<Error?> SaveChangesAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return await db.SaveOrConflictAsync(ct);
        var own = db.Database.CurrentTransaction is null ? await BeginWriteTransactionAsync(ct) : null;
        try
        {
            await FlushAsync(ct);
            var conflict = await db.SaveOrConflictAsync(ct);
            if (conflict is null && own is not null) await own.CommitAsync(ct);
            return conflict;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Begins a write transaction. On SQLite it first sets the connection's busy timeout, so a writer that finds another
    /// writer's lock waits inside SQLite (sleeps of 1–100 ms) instead of the driver's fixed 150 ms retry.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 30000", ct);
        return await db.Database.BeginTransactionAsync(ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        var rows = _pending.ToList();
        _pending.Clear();
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            await using var cmd = Command();
            AppendUpsert(cmd, rows.Skip(start).Take(RowsPerStatement).ToList());
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private const int RowsPerStatement = 200; // 7 parameters a row, well under every provider's parameter limit

    /// <summary>
    /// Moves the pending delta into <paramref name="cmd"/> (the registration's one round trip, see
    /// <c>Data/RegistrationWriter</c>): rows beyond one statement's worth are written ahead in their own statements
    /// (never for one registration: 24 rows), the rest is appended as one multi-row upsert in key order, followed by
    /// <c>;</c>. Requires an open transaction.
    /// </summary>
    internal async Task AppendPendingDeltaAsync(System.Data.Common.DbCommand cmd, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("The delta is written inside the caller's transaction.");
        var rows = _pending.ToList();
        _pending.Clear();
        for (; rows.Count > RowsPerStatement; rows = rows.Skip(RowsPerStatement).ToList())
        {
            await using var head = Command();
            AppendUpsert(head, rows.Take(RowsPerStatement).ToList());
            await head.ExecuteNonQueryAsync(ct);
        }
        if (rows.Count == 0) return;
        AppendUpsert(cmd, rows);
        cmd.CommandText += ";\n";
    }

    internal System.Data.Common.DbCommand Command()
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        cmd.CommandText = "";
        return cmd;
    }

    internal static string AddParameter(System.Data.Common.DbCommand cmd, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = $"@p{cmd.Parameters.Count}";
        p.Value = value;
        cmd.Parameters.Add(p);
        return p.ParameterName;
    }

    /// <summary>Appends one multi-row bucket upsert (rows in the given order); every value is a parameter.</summary>
    private static void AppendUpsert(System.Data.Common.DbCommand cmd,
        IReadOnlyList<KeyValuePair<(char G, int Period, string Dim, string Key), (long Count, long Total, long Tech)>> rows)
    {
        var sql = new StringBuilder(cmd.CommandText);
        sql.Append("INSERT INTO contracts_statistics (\"Granularity\",\"Period\",\"Dimension\",\"Key\",\"ContractCount\",\"TotalAmountFen\",\"TechAmountFen\") VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            var ((g, period, dim, key), (count, total, tech)) = rows[i];
            sql.Append(i == 0 ? "(" : ",(")
                .Append(AddParameter(cmd, g.ToString())).Append(',').Append(AddParameter(cmd, period)).Append(',')
                .Append(AddParameter(cmd, dim)).Append(',').Append(AddParameter(cmd, key)).Append(',')
                .Append(AddParameter(cmd, count)).Append(',').Append(AddParameter(cmd, total)).Append(',')
                .Append(AddParameter(cmd, tech)).Append(')');
        }
        sql.Append(" ON CONFLICT (\"Granularity\",\"Dimension\",\"Period\",\"Key\") DO UPDATE SET ")
            .Append("\"ContractCount\" = contracts_statistics.\"ContractCount\" + excluded.\"ContractCount\", ")
            .Append("\"TotalAmountFen\" = contracts_statistics.\"TotalAmountFen\" + excluded.\"TotalAmountFen\", ")
            .Append("\"TechAmountFen\" = contracts_statistics.\"TechAmountFen\" + excluded.\"TechAmountFen\"");
        cmd.CommandText = sql.ToString();
    }

    /// <summary>
    /// Rebuilds every bucket from the contracts table with set-based SQL (one GROUP BY per dimension for the day buckets,
    /// then months from days and years from months), in one transaction. For bulk loads and repairs; the keys are the same
    /// as <see cref="ContractStatisticsFacts.From"/> computes from the denormalised classification columns.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        var day = sqlite ? "CAST(REPLACE(\"RegisteredDate\", '-', '') AS INTEGER)" : "CAST(to_char(\"RegisteredDate\", 'YYYYMMDD') AS integer)";
        string Fen(string column) => sqlite ? $"CAST(ROUND(CAST({column} AS REAL) * 100) AS INTEGER)" : $"CAST(ROUND({column} * 100) AS bigint)";
        var keys = new (string Dim, string Key)[]
        {
            (StatisticsDimensions.All, "''"),
            (StatisticsDimensions.Category, "\"StatCategory\""),
            (StatisticsDimensions.SellerNature, "CASE WHEN \"SellerNatureGroup\" = '' THEN '-' ELSE \"SellerNatureGroup\" END"),
            (StatisticsDimensions.Division, "\"SellerProvince\""),
            (StatisticsDimensions.District, "CASE WHEN \"SellerProvince\" = 'XX' THEN 'XX' ELSE COALESCE(\"SellerDivision\", '-') END"),
            (StatisticsDimensions.Field, "CASE WHEN \"TechnicalField\" IS NULL OR TRIM(\"TechnicalField\") = '' THEN '-' ELSE \"TechnicalField\" END"),
            (StatisticsDimensions.BuyerType, "CASE WHEN \"BuyerNatureGroup\" = '' THEN '-' ELSE \"BuyerNatureGroup\" END"),
            (StatisticsDimensions.RegionFlow, "\"SellerProvince\" || '>' || \"BuyerProvince\""),
        };
        const string columns = "(\"Granularity\",\"Period\",\"Dimension\",\"Key\",\"ContractCount\",\"TotalAmountFen\",\"TechAmountFen\")";
        // R2.6: a mixed contract counts its stated technical part as its total (TechnologyContract.RegisterableAmount)
        const string registerable = "CASE WHEN \"IsMixedContract\" AND \"StatedTechnicalPartAmount\" IS NOT NULL THEN \"StatedTechnicalPartAmount\" ELSE \"TotalAmount\" END";
        var counted = "\"RegistrationNo\" IS NOT NULL AND \"RegisteredDate\" IS NOT NULL AND \"Status\" IN ('Registered','ChangeRegistered','ObjectionFiled','ObjectionResolved')";
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlRawAsync("DELETE FROM contracts_statistics", ct);
        // every fragment of these statements is a constant of this method: no input reaches the SQL
        var statements = keys.Select(k =>
            $"INSERT INTO contracts_statistics {columns} SELECT 'D', {day}, '{k.Dim}', {k.Key}, COUNT(*), SUM({Fen(registerable)}), " +
            $"SUM({Fen("COALESCE(\"AssessedTechTransactionAmount\", \"DeclaredTechTransactionAmount\")")}) " +
            $"FROM contracts_contracts WHERE {counted} GROUP BY 2, 4").ToList(); // by position: the "all" key is a constant
        foreach (var (from, to) in new[] { ('D', 'M'), ('M', 'Y') })
        {
            statements.Add($"INSERT INTO contracts_statistics {columns} SELECT '{to}', \"Period\" / 100, \"Dimension\", \"Key\", SUM(\"ContractCount\"), " +
                $"SUM(\"TotalAmountFen\"), SUM(\"TechAmountFen\") FROM contracts_statistics WHERE \"Granularity\" = '{from}' " +
                "GROUP BY \"Period\" / 100, \"Dimension\", \"Key\"");
        }
        // a full pass over a national register takes minutes, not the default 30 s command timeout
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        try
        {
#pragma warning disable EF1003 // constant SQL built above
            foreach (var sql in statements) await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1003
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
        if (tx is not null) await tx.CommitAsync(ct);
    }

    public async Task<Result<StatisticsResult>> QueryAsync(DateOnly from, DateOnly to, StatisticsGroupBy groupBy, CancellationToken ct)
    {
        if (from > to) return ContractErrors.StatisticsRangeInvalid;
        var dim = StatisticsDimensions.For(groupBy);
        var set = db.Set<ContractStatisticsBucket>().AsNoTracking();
        var byPeriod = groupBy is StatisticsGroupBy.Year or StatisticsGroupBy.Month;
        var parts = new List<(string Key, long Count, long Total, long Tech)>();
        foreach (var (g, p0, p1) in Segments(from, to, useYears: groupBy != StatisticsGroupBy.Month))
        {
            // the numeric period of a row in the answer: yyyy for Year, yyyymm for Month
            var divisor = (groupBy, g) switch
            {
                (StatisticsGroupBy.Year, DayGrain) => 10000,
                (StatisticsGroupBy.Year, MonthGrain) => 100,
                (StatisticsGroupBy.Month, DayGrain) => 100,
                _ => 1,
            };
            var q = set.Where(b => b.Granularity == g && b.Dimension == dim && b.Period >= p0 && b.Period <= p1);
            parts.AddRange(await Group(q, divisor, byPeriod, ct));
        }

        var rows = parts.GroupBy(p => byPeriod ? PeriodKey(groupBy, p.Key) : p.Key)
            .Select(g => ContractStatistics.Row(groupBy, g.Key, g.Sum(x => x.Count), ContractStatisticsBucket.ToYuan(g.Sum(x => x.Total)),
                ContractStatisticsBucket.ToYuan(g.Sum(x => x.Tech))))
            .Where(r => r.Count != 0 || r.TotalAmount != 0)
            .ToList();
        return new StatisticsResult(from, to, groupBy, ContractStatistics.Order(groupBy, rows));
    }

    /// <summary>
    /// Splits [from, to] into bucket ranges: partial months as day ranges, whole months as month ranges, and (when
    /// <paramref name="useYears"/>) whole years as one year range. The ranges do not overlap and cover every day once.
    /// </summary>
    public static IReadOnlyList<(char Grain, int From, int To)> Segments(DateOnly from, DateOnly to, bool useYears)
    {
        static int Day(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;
        static int Month(DateOnly d) => d.Year * 100 + d.Month;
        var result = new List<(char, int, int)>();
        if (from > to) return result;
        var firstFullMonth = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastFullMonthEnd = to.AddDays(1).Day == 1 ? to : new DateOnly(to.Year, to.Month, 1).AddDays(-1);
        if (firstFullMonth > lastFullMonthEnd)
        {
            result.Add((DayGrain, Day(from), Day(to)));
            return result;
        }
        if (from < firstFullMonth) result.Add((DayGrain, Day(from), Day(firstFullMonth.AddDays(-1))));
        if (lastFullMonthEnd < to) result.Add((DayGrain, Day(lastFullMonthEnd.AddDays(1)), Day(to)));
        var firstFullYear = firstFullMonth.Month == 1 ? firstFullMonth.Year : firstFullMonth.Year + 1;
        var lastFullYear = lastFullMonthEnd.Month == 12 ? lastFullMonthEnd.Year : lastFullMonthEnd.Year - 1;
        if (!useYears || firstFullYear > lastFullYear)
        {
            result.Add((MonthGrain, Month(firstFullMonth), Month(lastFullMonthEnd)));
            return result;
        }
        result.Add((YearGrain, firstFullYear, lastFullYear));
        if (firstFullMonth.Year < firstFullYear) result.Add((MonthGrain, Month(firstFullMonth), (firstFullYear - 1) * 100 + 12));
        if (lastFullMonthEnd.Year > lastFullYear) result.Add((MonthGrain, (lastFullYear + 1) * 100 + 1, Month(lastFullMonthEnd)));
        return result;
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

namespace TechTransfer.Contracts.Data;

/// <summary>
/// Pre-aggregated statistics (kept current in the same transaction as each registration, change, cancellation or revocation):
/// one row per granularity (D = day yyyymmdd, M = month yyyymm, Y = year yyyy), dimension and key. Amounts are in fen (分) so that every
/// provider can sum them in SQL (SQLite cannot sum decimals).
/// </summary>
public sealed class ContractStatisticsBucket
{
    private ContractStatisticsBucket() { }

    public ContractStatisticsBucket(char granularity, int period, string dimension, string key)
    {
        Granularity = granularity;
        Period = period;
        Dimension = dimension;
        Key = key;
    }

    /// <summary>'D', 'M' or 'Y'.</summary>
    public char Granularity { get; private set; }
    /// <summary>yyyymmdd for days, yyyymm for months, yyyy for years.</summary>
    public int Period { get; private set; }
    public string Dimension { get; private set; } = "";
    public string Key { get; private set; } = "";
    public long ContractCount { get; private set; }
    public long TotalAmountFen { get; private set; }
    public long TechAmountFen { get; private set; }

    public void Add(int count, long totalFen, long techFen)
    {
        ContractCount += count;
        TotalAmountFen += totalFen;
        TechAmountFen += techFen;
    }

    public static long ToFen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.ToEven);
    public static decimal ToYuan(long fen) => fen / 100m;
}

/// <summary>The last registration serial issued by a registry office in a year (合同登记编号 per-year serial).</summary>
public sealed class RegistrationSerial
{
    private RegistrationSerial() { }

    public RegistrationSerial(int year, string officeDivisionCode)
    {
        Year = year;
        OfficeDivisionCode = officeDivisionCode;
    }

    public int Year { get; private set; }
    public string OfficeDivisionCode { get; private set; } = "";
    public long LastSerial { get; private set; }
    public int Version { get; private set; }

    public long Next()
    {
        LastSerial++;
        Version++;
        return LastSerial;
    }
}

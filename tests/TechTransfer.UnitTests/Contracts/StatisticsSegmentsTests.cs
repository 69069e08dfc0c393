using TechTransfer.Contracts.Features.Statistics;

namespace TechTransfer.UnitTests.Contracts;

/// <summary>How a statistics range is split into day, month and year bucket ranges.</summary>
public sealed class StatisticsSegmentsTests
{
    private static IEnumerable<DateOnly> Days((char Grain, int From, int To) s)
    {
        static DateOnly D(int yyyymmdd) => new(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
        var (first, last) = s.Grain switch
        {
            'D' => (D(s.From), D(s.To)),
            'M' => (D(s.From * 100 + 1), D(s.To * 100 + 1).AddMonths(1).AddDays(-1)),
            _ => (new DateOnly(s.From, 1, 1), new DateOnly(s.To, 12, 31)),
        };
        for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Segments_cover_every_day_of_the_range_exactly_once(bool useYears)
    {
        var rnd = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var from = new DateOnly(2015, 1, 1).AddDays(rnd.Next(4000));
            var to = from.AddDays(rnd.Next(i % 2 == 0 ? 40 : 4000));
            var covered = ContractStatisticsStore.Segments(from, to, useYears).SelectMany(Days).ToList();
            Assert.Equal(covered.Count, covered.Distinct().Count());
            Assert.Equal(Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays), covered.Order());
        }
    }

    [Fact]
    public void Ten_whole_years_are_one_year_range()
    {
        Assert.Equal([('Y', 2016, 2025)], ContractStatisticsStore.Segments(new(2016, 1, 1), new(2025, 12, 31), useYears: true));
    }

    [Fact]
    public void A_range_with_ragged_ends_reads_days_then_months_then_years()
    {
        var s = ContractStatisticsStore.Segments(new(2023, 3, 15), new(2025, 8, 20), useYears: true);
        Assert.Equal([('D', 20230315, 20230331), ('D', 20250801, 20250820), ('Y', 2024, 2024), ('M', 202304, 202312), ('M', 202501, 202507)], s);
    }

    [Fact]
    public void Month_grouping_reads_months_not_years()
    {
        Assert.Equal([('M', 201601, 202512)], ContractStatisticsStore.Segments(new(2016, 1, 1), new(2025, 12, 31), useYears: false));
    }
}

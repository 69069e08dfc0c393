using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.SharedKernel;

/// <summary>The one money and date format of every page: two decimals in 元, 万元, 亿元 and ¥; ISO dates; Shanghai time to the minute.</summary>
public sealed class DisplayFormatTests
{
    [Theory]
    [InlineData(1234.5, false, "1,234.50 元")]
    [InlineData(0, false, "0.00 元")]
    [InlineData(250000, false, "25.00 万元")]
    [InlineData(123456.78, false, "12.35 万元")]
    [InlineData(120000000, false, "1.20 亿元")]
    [InlineData(-50000, false, "-5.00 万元")]
    [InlineData(250000, true, "¥250,000.00")]
    [InlineData(0.5, true, "¥0.50")]
    [InlineData(-1421000, true, "-¥1,421,000.00")]
    public void Money_always_has_two_decimals(decimal amount, bool english, string expected) =>
        Assert.Equal(expected, Yuan.Display(amount, english));

    [Fact]
    public void Dates_and_times_have_one_format_in_business_time()
    {
        Assert.Equal("2026-03-02", BusinessTime.Show(new DateOnly(2026, 3, 2)));
        Assert.Equal("—", BusinessTime.Show(null));
        // 17:30 UTC is the next day 01:30 in Shanghai
        var instant = new DateTimeOffset(2026, 3, 1, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal("2026-03-02", BusinessTime.ShowDate(instant));
        Assert.Equal("2026-03-02 01:30", BusinessTime.ShowTime(instant));
    }
}

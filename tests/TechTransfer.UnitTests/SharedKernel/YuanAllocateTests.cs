using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.SharedKernel;

public sealed class YuanAllocateTests
{
    [Fact]
    public void Parts_sum_exactly_to_the_total()
    {
        var parts = Yuan.Allocate(100m, [1m, 1m, 1m]);
        Assert.Equal(100m, parts.Sum());
        Assert.Equal([33.34m, 33.33m, 33.33m], parts);
    }

    [Fact]
    public void The_left_over_fen_go_to_the_largest_remainders()
    {
        // 10.00 × (0.15, 0.25, 0.60): exact 1.5, 2.5, 6.0 → floors 150, 250, 600 fen, nothing left over.
        Assert.Equal([1.50m, 2.50m, 6.00m], Yuan.Allocate(10m, [15m, 25m, 60m]));
        // 0.05 × (1, 2): exact 1.667 and 3.333 fen → floors 1 and 3, the one fen left goes to the larger remainder (first).
        Assert.Equal([0.02m, 0.03m], Yuan.Allocate(0.05m, [1m, 2m]));
    }

    [Fact]
    public void Equal_remainders_go_to_the_payee_listed_first()
    {
        Assert.Equal([0.01m, 0.00m], Yuan.Allocate(0.01m, [1m, 1m]));
        Assert.Equal([0.00m, 0.01m, 0.00m], Yuan.Allocate(0.01m, [0m, 1m, 1m]));
    }

    [Fact]
    public void Random_splits_always_sum_to_the_total_and_stay_within_one_fen_of_the_exact_share()
    {
        var random = new Random(20261207);
        for (var run = 0; run < 2000; run++)
        {
            var total = random.Next(0, 10_000_000) / 100m;
            var weights = Enumerable.Range(0, random.Next(1, 8)).Select(_ => (decimal)random.Next(0, 1000)).ToList();
            if (weights.Sum() == 0) weights[0] = 1;
            var parts = Yuan.Allocate(total, weights);
            Assert.Equal(total, parts.Sum());
            for (var i = 0; i < parts.Count; i++)
                Assert.True(Math.Abs(parts[i] - total * weights[i] / weights.Sum()) < 0.01m);
        }
    }

    [Fact]
    public void Weights_must_not_be_negative_or_all_zero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Yuan.Allocate(1m, [-1m, 2m]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Yuan.Allocate(1m, [0m, 0m]));
    }
}

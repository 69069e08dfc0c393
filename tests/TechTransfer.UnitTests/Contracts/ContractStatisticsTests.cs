using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Features.Statistics;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

public sealed class ContractStatisticsTests
{
    [Fact]
    public void Registered_contract_counts_with_its_flow_from_shanghai_to_jiangsu()
    {
        var f = ContractStatisticsFacts.From(Registered())!;
        Assert.Equal("31>32", f.Keys[StatisticsDimensions.RegionFlow]);
        Assert.Equal("020", f.Keys[StatisticsDimensions.SellerNature]);
        Assert.Equal("100", f.Keys[StatisticsDimensions.BuyerType]);
        var r = ContractStatistics.Aggregate([f], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), StatisticsGroupBy.RegionFlow);
        var row = Assert.Single(r.Rows);
        Assert.Equal(("上海→江苏", 1L, 1_000_000m), (row.LabelZh, row.Count, row.TotalAmount));
    }

    [Fact]
    public void Unregistered_or_cancelled_contracts_do_not_count()
    {
        Assert.Null(ContractStatisticsFacts.From(Accepted()));
        var c = Registered();
        c.Cancel("合同解除", null, At(2026, 6, 1));
        Assert.Null(ContractStatisticsFacts.From(c));
    }

    [Fact]
    public void Statistics_use_the_assessed_technology_transaction_amount()
    {
        var c = Accepted(Details() with { NonTechnicalItems = [new NonTechnicalItem(NonTechnicalItemKind.Equipment, "设备", 100_000m, 1, false)] });
        c.Register(800_000m, ShanghaiOffice, new FakeIssuer(), null, At(2026, 3, 4), Catalog);
        Assert.Equal(800_000m, ContractStatisticsFacts.From(c)!.TechTransactionAmount);
    }

    [Fact]
    public void The_predicted_facts_of_a_registration_equal_the_facts_of_the_registered_contract()
    {
        var c = Accepted(Details() with { NonTechnicalItems = [new NonTechnicalItem(NonTechnicalItemKind.Equipment, "设备", 100_000m, 1, false)] });
        var predicted = ContractStatisticsFacts.AsRegistered(c, 800_000.004m, At(2026, 3, 4));
        Assert.True(c.Register(800_000.004m, ShanghaiOffice, new FakeIssuer(), null, At(2026, 3, 4), Catalog).IsSuccess);
        Assert.True(predicted.SameAs(ContractStatisticsFacts.From(c)));
    }

    [Fact]
    public void Facts_of_another_day_or_amount_are_not_the_same()
    {
        var f = ContractStatisticsFacts.From(Registered())!;
        Assert.False(f.SameAs(f with { Day = f.Day.AddDays(1) }));
        Assert.False(f.SameAs(f with { TechTransactionAmount = f.TechTransactionAmount - 1 }));
        Assert.False(f.SameAs(null));
    }

    [Fact]
    public void Range_excludes_contracts_registered_outside_it()
    {
        var f = ContractStatisticsFacts.From(Registered())!;
        Assert.Empty(ContractStatistics.Aggregate([f], new DateOnly(2026, 3, 5), new DateOnly(2026, 12, 31), StatisticsGroupBy.Month).Rows);
        Assert.Equal("2026-03", Assert.Single(ContractStatistics.Aggregate([f], new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4), StatisticsGroupBy.Month).Rows).Key);
    }

    [Theory]
    [InlineData("regionFlow", StatisticsGroupBy.RegionFlow)]
    [InlineData("sellerNature", StatisticsGroupBy.SellerNature)]
    [InlineData(null, StatisticsGroupBy.Category)]
    public void Group_by_is_parsed_case_insensitively(string? text, StatisticsGroupBy expected)
    {
        Assert.Equal(expected, ContractStatistics.ParseGroupBy(text).Value);
    }

    [Fact]
    public void Unknown_group_by_is_a_validation_error()
    {
        Assert.Equal(ContractErrors.StatisticsGroupByInvalid.Code, ContractStatistics.ParseGroupBy("colour").Error?.Code);
        Assert.True(ContractStatistics.ParseGroupBy("3").IsFailure);
    }
}

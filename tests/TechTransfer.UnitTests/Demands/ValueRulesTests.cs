using TechTransfer.Demands.Domain.Common;

namespace TechTransfer.UnitTests.Demands;

public sealed class IpcCodeTests
{
    [Theory]
    [InlineData("G06F", "G06F")]
    [InlineData("g06f 17/30", "G06F 17/30")]
    [InlineData("G06F17/30", "G06F 17/30")]
    [InlineData(" H01M 10/0525 ", "H01M 10/0525")]
    [InlineData("A61K 031/00", "A61K 31/00")]
    [InlineData("B23Q 1/00", "B23Q 1/00")]
    public void Valid_codes_are_normalised(string raw, string expected)
    {
        var result = IpcCode.Parse(raw);
        Assert.True(result.IsSuccess);
        Assert.Equal(expected, result.Value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("G06")]
    [InlineData("Z06F")]
    [InlineData("G6F")]
    [InlineData("G06F 17")]
    [InlineData("G06F 17/3")]
    [InlineData("G06F 0/00")]
    [InlineData("G06F-17/30")]
    public void Malformed_codes_are_refused_with_a_field_error(string raw)
    {
        var result = IpcCode.Parse(raw);
        Assert.True(result.IsFailure);
        var field = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal("demand.ipc_code_invalid", field.Code);
        Assert.Equal("ipcCodes", field.Field);
        Assert.NotEmpty(field.Zh);
        Assert.NotEmpty(field.En);
    }

    [Fact]
    public void Duplicate_codes_in_a_list_collapse_after_normalising()
    {
        var (codes, errors) = IpcCode.ParseAll(["G06F17/30", "g06f 17/30", "H01M"]);
        Assert.Empty(errors);
        Assert.Equal(["G06F 17/30", "H01M"], codes.Select(c => c.Value));
    }
}

public sealed class DivisionCodeTests
{
    [Theory]
    [InlineData("310000")]
    [InlineData("310115")]
    [InlineData("320500")]
    [InlineData("110108")]
    public void Real_division_codes_are_accepted(string code) => Assert.True(DivisionCode.Parse(code).IsSuccess);

    [Theory]
    [InlineData("31011")]
    [InlineData("3100001")]
    [InlineData("31A000")]
    [InlineData("000000")]
    [InlineData("990000")]
    [InlineData("310015")]
    public void Codes_that_are_not_gbt_2260_are_refused(string code)
    {
        var result = DivisionCode.Parse(code);
        Assert.Equal("demand.division_code_invalid", Assert.Single(result.Error!.FieldErrors).Code);
    }

    [Fact]
    public void Province_of_a_district_is_its_first_two_digits_and_zeros() =>
        Assert.Equal("310000", DivisionCode.ProvinceOf("310115"));
}

public sealed class BudgetRangeTests
{
    [Fact]
    public void No_budget_means_negotiable_and_is_valid() => Assert.Empty(BudgetRange.Validate(null, null));

    [Fact]
    public void Equal_minimum_and_maximum_is_valid() => Assert.Empty(BudgetRange.Validate(100_000m, 100_000m));

    [Fact]
    public void Minimum_above_maximum_is_refused() =>
        Assert.Equal("demand.budget_min_above_max", Assert.Single(BudgetRange.Validate(200_000m, 100_000m)).Code);

    [Fact]
    public void Only_one_end_is_refused() =>
        Assert.Equal("demand.budget_incomplete", Assert.Single(BudgetRange.Validate(100_000m, null)).Code);

    [Fact]
    public void Negative_amount_is_refused() =>
        Assert.Equal("demand.amount_out_of_range", Assert.Single(BudgetRange.Validate(-1m, 100m)).Code);

    [Fact]
    public void Amount_above_the_ceiling_is_refused() =>
        Assert.Equal("demand.amount_out_of_range", Assert.Single(BudgetRange.Validate(0m, BudgetRange.MaxYuan + 1m)).Code);

    [Fact]
    public void Fractions_of_a_fen_are_refused() =>
        Assert.Equal("demand.amount_too_many_decimals", Assert.Single(BudgetRange.Validate(0m, 100.005m)).Code);
}

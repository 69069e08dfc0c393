using TechTransfer.Organizations.Domain;

namespace TechTransfer.UnitTests.Organizations;

/// <summary>GB 32100-2015: the unified social credit code and its check character.</summary>
public sealed class UnifiedSocialCreditCodeTests
{
    // 91350100M000100Y43 is the example code printed in GB 32100-2015; the others were worked by hand from its weights.
    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("12100000400000012", '4')]
    [InlineData("91110000600037341", 'L')]
    public void Check_character_follows_the_standard(string first17, char expected) =>
        Assert.Equal(expected, UnifiedSocialCreditCode.CheckCharacter(first17));

    [Fact]
    public void A_code_with_the_right_check_character_is_valid_in_either_case()
    {
        Assert.True(UnifiedSocialCreditCode.IsValid("91350100M000100Y43"));
        Assert.True(UnifiedSocialCreditCode.IsValid(" 91350100m000100y43 "));
    }

    [Fact]
    public void A_single_changed_character_is_caught() =>
        Assert.Equal(UnifiedSocialCreditCode.Problem.WrongCheckCharacter, UnifiedSocialCreditCode.Check("91350100M000100Y44"));

    [Theory]
    [InlineData("", UnifiedSocialCreditCode.Problem.Empty)]
    [InlineData(null, UnifiedSocialCreditCode.Problem.Empty)]
    [InlineData("91350100M000100Y4", UnifiedSocialCreditCode.Problem.WrongLength)]
    [InlineData("91350100M000100Y433", UnifiedSocialCreditCode.Problem.WrongLength)]
    [InlineData("91350100I000100Y43", UnifiedSocialCreditCode.Problem.InvalidCharacter)]
    [InlineData("91350100O000100Y43", UnifiedSocialCreditCode.Problem.InvalidCharacter)]
    [InlineData("91350100Z000100Y43", UnifiedSocialCreditCode.Problem.InvalidCharacter)]
    public void Malformed_codes_are_named_by_their_problem(string? code, UnifiedSocialCreditCode.Problem problem) =>
        Assert.Equal(problem, UnifiedSocialCreditCode.Check(code));

    [Fact]
    public void Composed_codes_are_valid()
    {
        var code = UnifiedSocialCreditCode.Compose('1', '2', "310110", "425006117");
        Assert.Equal(18, code.Length);
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
    }
}

public sealed class EntityNatureAndDivisionTests
{
    [Theory]
    [InlineData("021", true)]
    [InlineData("022", true)]
    [InlineData("023", true)]
    [InlineData("024", false)]
    [InlineData("150", false)]
    public void Public_research_institutions_are_institutes_universities_and_hospitals(string code, bool expected) =>
        Assert.Equal(expected, EntityNature.IsPublicResearchInstitution(code));

    [Fact]
    public void Every_entity_nature_sub_code_has_a_known_parent()
    {
        foreach (var c in EntityNature.All.Where(c => c.Parent is not null))
            Assert.True(EntityNature.IsKnown(c.Parent), $"{c.Value} has unknown parent {c.Parent}");
    }
}

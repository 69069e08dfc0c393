using TechTransfer.Search.Features;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.UnitTests.Search;

/// <summary>A match named in feedback is checked through <see cref="IReferenceCheck"/> under its owner's record type.</summary>
public sealed class MatchTargetReferenceTests
{
    [Fact]
    public void Every_type_a_subject_is_matched_against_is_checked_under_a_record_type()
    {
        var mapped = MatchingService.ForDemand.Concat(MatchingService.ForAchievement).Select(MatchingService.RecordTypeOf).ToList();
        Assert.Equal([RecordTypes.Achievement, RecordTypes.Patent, RecordTypes.OpenLicense, RecordTypes.Listing, RecordTypes.Demand, RecordTypes.Organization], mapped);
    }

    [Fact]
    public void A_type_that_is_never_a_match_has_no_record_type()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchingService.RecordTypeOf("invoice"));
    }
}

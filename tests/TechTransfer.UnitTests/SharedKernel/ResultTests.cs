using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.SharedKernel;

public sealed class ResultTests
{
    [Fact]
    public void Reading_the_value_of_a_failure_throws()
    {
        Result<int> result = Error.Forbidden;
        Assert.True(result.IsFailure);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Error_message_follows_the_requested_language_with_chinese_as_default()
    {
        Assert.Equal(Error.Forbidden.En, Error.Forbidden.Message("en-US"));
        Assert.Equal(Error.Forbidden.Zh, Error.Forbidden.Message(null));
        Assert.Equal(Error.Forbidden.Zh, Error.Forbidden.Message("zh-CN"));
    }

    [Fact]
    public void Page_size_above_the_maximum_is_a_field_error()
    {
        var errors = new PageRequest(1, PageRequest.MaxPageSize + 1).Validate();
        Assert.Equal("pageSize", Assert.Single(errors).Field);
    }
}

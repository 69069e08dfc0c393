using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.SharedKernel;

public sealed class ErrorConventionTests
{
    [Fact]
    public void Field_errors_are_all_collected_into_one_validation_error()
    {
        var errors = new FieldErrors()
            .Add("name", "x.name_required", "名称必填", "Name is required.")
            .When(true, new FieldError("amount", "x.amount_negative", "金额不得为负", "The amount must not be negative.") { Rule = "R2.1" })
            .When(false, new FieldError("never", "x.never", "不", "No."));
        var error = errors.ToError();
        Assert.NotNull(error);
        Assert.Equal(422, error.Status);
        Assert.Equal(["name", "amount"], error.FieldErrors.Select(f => f.Field));
        Assert.Equal("R2.1", error.FieldErrors[1].Rule);
    }

    [Fact]
    public void No_field_errors_is_no_error()
    {
        Assert.Null(new FieldErrors().ToError());
    }

    [Fact]
    public void A_rule_is_a_field_of_the_error_not_part_of_its_message()
    {
        var error = new Error("fee.late", "逾期缴费", "Paid late.").ForRule("R3.16");
        Assert.Equal("R3.16", error.Rule);
        Assert.DoesNotContain("R3.16", error.Zh + error.En);
    }

    [Fact]
    public void A_stale_version_is_a_conflict_and_a_matching_one_is_not()
    {
        Assert.Equal(Error.ConcurrencyConflict, Error.StaleVersion(current: 3, expected: 2));
        Assert.Null(Error.StaleVersion(current: 3, expected: 3));
        Assert.Null(Error.StaleVersion(current: 3, expected: null));
    }

    [Fact]
    public void A_caller_value_answers_roles_and_organisation()
    {
        var org = Guid.NewGuid();
        var caller = Caller.Of(Guid.NewGuid(), org, Roles.Researcher);
        Assert.True(caller.IsAuthenticated);
        Assert.True(caller.IsInRole(Roles.Researcher));
        Assert.False(caller.IsInRole(Roles.InstitutionAdmin));
        Assert.True(caller.BelongsTo(org));
        Assert.False(Caller.Anonymous.IsAuthenticated);
        Assert.True(Caller.System("tt").IsInRole(Roles.PlatformAdmin));
    }
}

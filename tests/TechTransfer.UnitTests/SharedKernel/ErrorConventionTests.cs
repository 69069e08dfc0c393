using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.SharedKernel;

public sealed class ErrorConventionTests
{
    [Fact]
    public void Field_errors_are_all_collected_into_one_validation_error()
    {
        var errors = new FieldErrors()
            .Add(new FieldError("name", "x.name_required", "名称必填", "Name is required."))
            .When(true, new FieldError("amount", "x.amount_negative", "金额不得为负", "The amount must not be negative.") { Rule = "R2.1" })
            .When(false, new FieldError("never", "x.never", "不", "No."));
        var error = errors.ToError();
        Assert.NotNull(error);
        Assert.Equal(422, error.Status);
        Assert.Equal(["name", "amount"], error.FieldErrors.Select(f => f.Field));
        Assert.Equal("R2.1", error.FieldErrors[1].Rule);
    }

    [Fact]
    public void An_error_naming_a_field_is_shown_as_that_field_and_a_validation_error_as_its_fields()
    {
        var single = new Error("x.too_late", "太晚", "Too late.", "dueDate", 422).ForRule("R2.10");
        var shown = Assert.Single(single.AsFieldErrors());
        Assert.Equal(("dueDate", "x.too_late", "R2.10"), (shown.Field, shown.Code, shown.Rule));
        var fields = Error.Validation([new FieldError("a", "x.a", "甲", "A."), new FieldError("b", "x.b", "乙", "B.")]);
        Assert.Equal(["a", "b"], fields.AsFieldErrors().Select(f => f.Field));
        Assert.Empty(Error.Forbidden.AsFieldErrors());
        Assert.Equal("", Error.Forbidden.AsFieldError().Field);
    }

    [Fact]
    public void Alternatives_are_listed_as_each_language_writes_them()
    {
        Assert.Equal("due、updated 或 amount", Bilingual.JoinOr(["due", "updated", "amount"], english: false));
        Assert.Equal("due, updated or amount", Bilingual.JoinOr(["due", "updated", "amount"], english: true));
        Assert.Equal("due", Bilingual.JoinOr(["due"], english: true));
        var sort = PagingErrors.UnknownSort(["title", "filingDate"], descendingPrefix: true);
        Assert.Equal(("sort", "paging.unknown_sort"), (sort.Field, sort.Code));
        Assert.Equal("排序字段须为 title 或 filingDate（前加 - 为倒序）", sort.Zh);
        Assert.Equal("Sort by title or filingDate (prefix '-' for descending).", sort.En);
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

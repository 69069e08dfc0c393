using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;
using static TechTransfer.UnitTests.Demands.DemandsTestData;

namespace TechTransfer.UnitTests.Demands;

public sealed class DemandCreateTests
{
    private readonly DateTimeOffset _now = Start;
    private readonly Caller _acme = Enterprise(AcmeMotors);

    private Result<Demand> Create(DemandDetails details) => Demand.Create(Guid.NewGuid(), _acme, details, _now);

    private static FieldError SingleFieldError(Result<Demand> result)
    {
        Assert.True(result.IsFailure);
        Assert.Equal("validation.failed", result.Error!.Code);
        Assert.Equal(422, result.Error.Status);
        return Assert.Single(result.Error.FieldErrors);
    }

    [Fact]
    public void Enterprise_creates_a_draft_owned_by_its_organisation()
    {
        var demand = Create(ValidDemand(_now)).Value;
        Assert.Equal(DemandStatus.Draft, demand.Status);
        Assert.Equal(AcmeMotors, demand.OwnerOrganizationId);
        Assert.Equal(_acme.UserId, demand.CreatedByUserId);
        Assert.Equal(["H05K 7/20", "B60L"], demand.IpcCodes);
        Assert.Equal("310115", demand.DivisionCode);
    }

    [Fact]
    public void Researcher_cannot_post_a_demand()
    {
        var result = Demand.Create(Guid.NewGuid(), Researcher(Fudan), ValidDemand(_now), _now);
        Assert.Equal(DemandErrors.OnlyEnterprisesPost.Code, result.Error?.Code);
        Assert.Equal(403, result.Error?.Status);
    }

    [Fact]
    public void Enterprise_user_without_an_organisation_cannot_post()
    {
        var orphan = Caller.Of(Guid.NewGuid(), null, Roles.Enterprise);
        Assert.Equal(DemandErrors.OnlyEnterprisesPost.Code, Demand.Create(Guid.NewGuid(), orphan, ValidDemand(_now), _now).Error?.Code);
    }

    [Fact]
    public void Missing_title_is_a_field_error_in_both_languages()
    {
        var error = SingleFieldError(Create(ValidDemand(_now) with { Title = "  " }));
        Assert.Equal(("title", "demand.field_required"), (error.Field, error.Code));
        Assert.Contains("标题", error.Zh);
        Assert.Contains("Title", error.En);
    }

    [Fact]
    public void Title_shorter_than_four_characters_is_refused() =>
        Assert.Equal("demand.field_too_short", SingleFieldError(Create(ValidDemand(_now) with { Title = "散热" })).Code);

    [Fact]
    public void Need_longer_than_the_limit_is_refused() =>
        Assert.Equal("demand.field_too_long", SingleFieldError(Create(ValidDemand(_now) with { Need = new string('需', DemandValidation.NeedMax + 1) })).Code);

    [Fact]
    public void Missing_goal_is_refused() =>
        Assert.Equal("goal", SingleFieldError(Create(ValidDemand(_now) with { Goal = "" })).Field);

    [Fact]
    public void Existing_basis_is_optional() =>
        Assert.True(Create(ValidDemand(_now) with { ExistingBasis = null }).IsSuccess);

    [Fact]
    public void Missing_field_is_refused() =>
        Assert.Equal("field", SingleFieldError(Create(ValidDemand(_now) with { Field = "" })).Field);

    [Fact]
    public void Malformed_ipc_code_is_refused() =>
        Assert.Equal("demand.ipc_code_invalid", SingleFieldError(Create(ValidDemand(_now) with { IpcCodes = ["H05K 7/20", "电机"] })).Code);

    [Fact]
    public void More_than_ten_ipc_codes_are_refused()
    {
        var codes = Enumerable.Range(1, 11).Select(i => $"G06F {i}/00").ToList();
        Assert.Equal("demand.too_many_items", SingleFieldError(Create(ValidDemand(_now) with { IpcCodes = codes })).Code);
    }

    [Fact]
    public void Budget_minimum_above_maximum_is_refused() =>
        Assert.Equal("demand.budget_min_above_max",
            SingleFieldError(Create(ValidDemand(_now) with { BudgetMinYuan = 2_000_000m, BudgetMaxYuan = 1_000_000m })).Code);

    [Fact]
    public void Negotiable_budget_is_accepted()
    {
        var demand = Create(ValidDemand(_now) with { BudgetMinYuan = null, BudgetMaxYuan = null }).Value;
        Assert.Null(demand.BudgetMinYuan);
        Assert.Null(demand.BudgetMaxYuan);
    }

    [Fact]
    public void Deadline_now_is_refused() =>
        Assert.Equal("demand.deadline_not_in_future", SingleFieldError(Create(ValidDemand(_now) with { Deadline = _now })).Code);

    [Fact]
    public void Deadline_one_tick_ahead_is_accepted() =>
        Assert.True(Create(ValidDemand(_now) with { Deadline = _now.AddTicks(1) }).IsSuccess);

    [Fact]
    public void No_cooperation_mode_is_refused() =>
        Assert.Equal("demand.cooperation_mode_required", SingleFieldError(Create(ValidDemand(_now) with { CooperationModes = CooperationModes.None })).Code);

    [Fact]
    public void Unknown_cooperation_mode_bits_are_refused() =>
        Assert.Equal("demand.cooperation_mode_required", SingleFieldError(Create(ValidDemand(_now) with { CooperationModes = (CooperationModes)64 })).Code);

    [Fact]
    public void Invalid_region_is_refused() =>
        Assert.Equal("demand.division_code_invalid", SingleFieldError(Create(ValidDemand(_now) with { DivisionCode = "上海" })).Code);

    [Fact]
    public void Unknown_contact_visibility_is_refused() =>
        Assert.Equal("demand.contact_visibility_invalid", SingleFieldError(Create(ValidDemand(_now) with { ContactVisibility = (ContactVisibility)9 })).Code);

    [Fact]
    public void Contact_without_phone_or_email_is_refused() =>
        Assert.Equal("demand.contact_means_required", SingleFieldError(Create(ValidDemand(_now) with { ContactPhone = null, ContactEmail = " " })).Code);

    [Fact]
    public void Malformed_email_is_refused() =>
        Assert.Equal("demand.contact_email_invalid", SingleFieldError(Create(ValidDemand(_now) with { ContactEmail = "wang.at.acme" })).Code);

    [Fact]
    public void Malformed_phone_is_refused() =>
        Assert.Equal("demand.contact_phone_invalid", SingleFieldError(Create(ValidDemand(_now) with { ContactPhone = "call me" })).Code);

    [Fact]
    public void Several_bad_fields_are_all_reported_at_once()
    {
        var result = Create(ValidDemand(_now) with { Title = "", DivisionCode = "1", Deadline = _now.AddDays(-1) });
        Assert.Equal(["title", "deadline", "divisionCode"], result.Error!.FieldErrors.Select(f => f.Field));
    }
}

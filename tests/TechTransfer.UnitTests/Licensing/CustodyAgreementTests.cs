using TechTransfer.Patents.Domain;
using TechTransfer.UnitTests.Patents;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>技术托管: ownership stays, operation within the mandate, revenue by shares summing to 100.</summary>
public sealed class CustodyAgreementTests
{
    private static readonly DateTimeOffset Now = Declarations.At(2026, 3, 2);
    private static readonly CustodyMandate Mandate = new(
        [CustodyDealType.Listing, CustodyDealType.NonExclusiveLicence], 300_000m, new DateOnly(2026, 3, 1), new DateOnly(2028, 2, 29));
    private static readonly CustodyBeneficiary[] Shares =
        [new("复旦大学", Orgs.Fudan, 30m), new("发明人团队", null, 70m)];

    private static CustodyAgreement Create(CustodyMandate? mandate = null, IReadOnlyList<CustodyBeneficiary>? shares = null) =>
        CustodyAgreement.Create(Orgs.Fudan, "TG-2026-001", CustodySubjectType.Patent, Guid.NewGuid(), "一种锂电池缺陷检测方法",
            Orgs.TransferCo, "上海某技术转移公司", mandate ?? Mandate, shares ?? Shares, Now).Value;

    private static CustodyAgreement Active()
    {
        var a = Create();
        Assert.True(a.Activate(Orgs.TransferCo, Now).IsSuccess);
        return a;
    }

    private static CustodyOperationRequest Licence(decimal price = 400_000m, CustodyDealType type = CustodyDealType.NonExclusiveLicence) =>
        new(type, "乙公司", price, new DateOnly(2027, 12, 31));

    [Fact]
    public void Operator_licenses_within_the_mandate()
    {
        var a = Active();
        var result = a.Operate(Orgs.TransferCo, Licence(), Now.AddDays(10));
        Assert.True(result.IsSuccess, result.Error?.En);
        Assert.Single(a.Operations);
        Assert.Equal(Orgs.Fudan, a.OwnerOrganizationId); // ownership unchanged
    }

    [Fact]
    public void Deal_type_outside_the_mandate_is_refused_with_the_allowed_list()
    {
        var a = Active();
        var result = a.Operate(Orgs.TransferCo, Licence(type: CustodyDealType.ExclusiveLicence), Now.AddDays(10));
        Assert.Equal("custody.deal_type_outside_mandate", result.Error?.Code);
        Assert.Contains("普通许可", result.Error!.Zh);
        Assert.Empty(a.Operations);
    }

    [Fact]
    public void Price_below_the_floor_is_refused()
    {
        var a = Active();
        var result = a.Operate(Orgs.TransferCo, Licence(price: 299_999m), Now.AddDays(10));
        Assert.Equal("custody.price_below_floor", result.Error?.Code);
        Assert.Contains("30.00 万元", result.Error!.Zh);
        Assert.Empty(a.Operations);
    }

    [Fact]
    public void Operation_after_the_term_is_refused()
    {
        var a = Active();
        var result = a.Operate(Orgs.TransferCo, Licence(), Declarations.At(2028, 3, 1));
        Assert.Equal("custody.outside_term", result.Error?.Code);
    }

    [Fact]
    public void Licence_running_past_the_custody_term_is_refused()
    {
        var a = Active();
        var result = a.Operate(Orgs.TransferCo, Licence() with { DealTermEnd = new DateOnly(2029, 1, 1) }, Now.AddDays(10));
        Assert.Equal("custody.deal_term_beyond_mandate", result.Error?.Code);
    }

    [Fact]
    public void Owner_cannot_operate_in_place_of_the_operator()
    {
        var a = Active();
        Assert.Equal(CustodyErrors.NotOperator.Code, a.Operate(Orgs.Fudan, Licence(), Now.AddDays(10)).Error?.Code);
    }

    [Fact]
    public void Operator_cannot_assign_the_subject()
    {
        var a = Active();
        var result = a.Operate(Orgs.TransferCo, Licence(type: CustodyDealType.Assignment), Now.AddDays(10));
        Assert.Equal(CustodyErrors.OwnershipStaysWithOwner.Code, result.Error?.Code);
    }

    [Fact]
    public void Mandate_cannot_include_assignment()
    {
        var result = CustodyAgreement.Create(Orgs.Fudan, "TG-1", CustodySubjectType.Patent, Guid.NewGuid(), "x", Orgs.TransferCo, "y",
            Mandate with { AllowedDealTypes = [CustodyDealType.Assignment] }, Shares, Now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "custody.assignment_not_delegable");
    }

    [Fact]
    public void Revenue_shares_must_sum_to_100()
    {
        var result = CustodyAgreement.Create(Orgs.Fudan, "TG-1", CustodySubjectType.Patent, Guid.NewGuid(), "x", Orgs.TransferCo, "y",
            Mandate, [new("复旦大学", Orgs.Fudan, 30m), new("发明人团队", null, 60m)], Now);
        var error = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal("custody.shares_not_100", error.Code);
        Assert.Contains("90", error.Zh);
    }

    [Fact]
    public void Operator_must_not_be_the_owner()
    {
        var result = CustodyAgreement.Create(Orgs.Fudan, "TG-1", CustodySubjectType.Patent, Guid.NewGuid(), "x", Orgs.Fudan, "y", Mandate, Shares, Now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "custody.operator_is_owner");
    }

    [Fact]
    public void Draft_agreement_allows_no_operation()
    {
        var a = Create();
        Assert.Equal("custody.not_active", a.Operate(Orgs.TransferCo, Licence(), Now).Error?.Code);
    }

    [Fact]
    public void Renewal_extends_the_term_and_is_recorded()
    {
        var a = Active();
        Assert.True(a.Renew(Orgs.Fudan, new DateOnly(2030, 2, 28), Now).IsSuccess);
        Assert.Equal(new DateOnly(2030, 2, 28), a.TermEnd);
        Assert.Equal(new DateOnly(2028, 2, 29), Assert.Single(a.Renewals).PreviousTermEnd);
        Assert.True(a.Operate(Orgs.TransferCo, Licence(), Declarations.At(2028, 6, 1)).IsSuccess);
    }

    [Fact]
    public void Renewal_must_extend_and_only_the_owner_renews()
    {
        var a = Active();
        Assert.Equal("custody.renewal_must_extend", a.Renew(Orgs.Fudan, new DateOnly(2028, 1, 1), Now).Error?.Code);
        Assert.Equal(CustodyErrors.OnlyOwner.Code, a.Renew(Orgs.TransferCo, new DateOnly(2030, 1, 1), Now).Error?.Code);
        Assert.Empty(a.Renewals);
    }

    [Fact]
    public void Terminated_agreement_refuses_operations_and_keeps_history()
    {
        var a = Active();
        a.Operate(Orgs.TransferCo, Licence(), Now.AddDays(1));
        Assert.True(a.Terminate(Orgs.Fudan, "双方协商终止", Now.AddDays(2)).IsSuccess);
        Assert.Equal("custody.not_active", a.Operate(Orgs.TransferCo, Licence(), Now.AddDays(3)).Error?.Code);
        Assert.Single(a.Operations);
    }

    [Fact]
    public void Revenue_is_split_by_shares_to_the_fen()
    {
        var a = Create(shares: [new("甲", null, 33.33m), new("乙", null, 33.33m), new("丙", null, 33.34m)]);
        var split = a.SplitRevenue(100_000.01m);
        Assert.Equal(100_000.01m, split.Sum(s => s.AmountYuan));
        Assert.Equal(33_330m, split[0].AmountYuan);
        Assert.Equal(33_340.01m, split[2].AmountYuan);
    }

    [Fact]
    public void Expired_agreement_shows_as_expired()
    {
        var a = Active();
        Assert.Equal("Active", a.DisplayStatus(new DateOnly(2027, 1, 1)));
        Assert.Equal("Expired", a.DisplayStatus(new DateOnly(2028, 3, 1)));
    }
}

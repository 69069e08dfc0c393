using TechTransfer.Achievements.Domain;
using static TechTransfer.UnitTests.Achievements.AchievementTestData;

namespace TechTransfer.UnitTests.Achievements;

/// <summary>R4.1–R4.7: net income, team share floors, office share, split by contribution, payouts, annual report.</summary>
public sealed class IncomeDistributionTests
{
    private readonly DateTimeOffset _now = Clock().GetUtcNow();

    private static IncomePlanInput Plan(ConversionMode mode = ConversionMode.License, decimal teamShare = 70m, decimal gross = 1_000_000m,
        IReadOnlyList<DeductionInput>? deductions = null, decimal? operatingProfit = null, int? profitYear = null,
        IReadOnlyList<TeamMemberInput>? team = null) => new(
        Guid.NewGuid(), "基于深度学习的锂电池缺陷检测方法", mode, new DateOnly(2025, 3, 1), gross,
        deductions ?? [new(DeductionKind.RelatedTaxes, "增值税及附加", 60_000m, "发票 NO.0012"), new(DeductionKind.DirectTransactionCosts, "资产评估费", 40_000m, "评估报告 沪评 2025-08")],
        operatingProfit, profitYear, teamShare,
        team ?? [new("张伟", People.ZhangWei, 60m), new("李娜", People.LiNa, 40m, HoldsLeadershipPost: true)]);

    private IncomeDistribution Approved(IncomePlanInput? input = null)
    {
        var p = IncomeDistribution.Plan(input ?? Plan(), People.Office, Shanghai, FudanSettings, _now).Value;
        Assert.True(p.Approve(People.Office, _now).IsSuccess);
        return p;
    }

    [Fact]
    public void Net_income_is_gross_minus_documented_deductions_R4_1()
    {
        var net = IncomeDistribution.ComputeNetIncome(1_000_000m,
            [new(DeductionKind.RelatedTaxes, "税", 60_000m, "发票"), new(DeductionKind.MaintenanceCosts, "专利年费", 5_000.50m, "缴费单"), new(DeductionKind.DirectTransactionCosts, "评估", 40_000m, "报告")]);
        Assert.Equal(894_999.50m, net.Value);
    }

    [Fact]
    public void Deduction_without_evidence_is_rejected_R4_1()
    {
        var net = IncomeDistribution.ComputeNetIncome(1_000_000m, [new(DeductionKind.RelatedTaxes, "税", 60_000m, "")]);
        Assert.Contains(net.Error!.FieldErrors, f => f.Code == "income_distribution.deduction_evidence_required");
    }

    [Fact]
    public void Deductions_above_gross_are_rejected_R4_1()
    {
        var net = IncomeDistribution.ComputeNetIncome(10_000m, [new(DeductionKind.DirectTransactionCosts, "评估", 20_000m, "报告")]);
        Assert.Contains(net.Error!.FieldErrors, f => f.Code == "income_distribution.deductions_exceed_gross");
    }

    [Fact]
    public void Shanghai_team_share_of_70_percent_for_a_licence_is_accepted_R4_2()
    {
        var result = IncomeDistribution.Plan(Plan(teamShare: 70m), People.Office, Shanghai, FudanSettings, _now);
        Assert.True(result.IsSuccess);
        Assert.Equal(900_000m, result.Value.NetIncome);
        Assert.Equal(630_000m, result.Value.TeamAmount);
        Assert.Equal("income-shanghai-2015", result.Value.RuleSetId);
    }

    [Fact]
    public void Shanghai_plan_below_70_percent_is_an_error_naming_the_floor_and_its_source_R4_3()
    {
        var result = IncomeDistribution.Plan(Plan(teamShare: 69.99m), People.Office, Shanghai, FudanSettings, _now);
        var error = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal("income_distribution.team_share_below_floor", error.Code);
        Assert.Contains("70%", error.Zh);
        Assert.Contains("上海市促进科技成果转化条例 第三十四条", error.Zh);
        Assert.Contains("70 %", error.En);
    }

    [Fact]
    public void Shanghai_equity_investment_below_70_percent_is_an_error_R4_3()
    {
        var result = IncomeDistribution.Plan(Plan(ConversionMode.EquityInvestment, teamShare: 60m), People.Office, Shanghai, FudanSettings, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "income_distribution.team_share_below_floor");
    }

    [Fact]
    public void National_floor_is_50_percent_for_transfer_R4_2()
    {
        Assert.True(IncomeDistribution.Plan(Plan(ConversionMode.Transfer, teamShare: 50m), People.Office, National, FudanSettings, _now).IsSuccess);
        var below = IncomeDistribution.Plan(Plan(ConversionMode.Transfer, teamShare: 49m), People.Office, National, FudanSettings, _now);
        var error = Assert.Single(below.Error!.FieldErrors);
        Assert.Contains("50%", error.Zh);
        Assert.Contains("促进科技成果转化法 第四十五条", error.Zh);
    }

    [Fact]
    public void Self_implementation_needs_at_least_5_percent_of_operating_profit_R4_2()
    {
        var below = IncomeDistribution.Plan(Plan(ConversionMode.SelfImplement, teamShare: 4m, operatingProfit: 2_000_000m, profitYear: 1), People.Office, Shanghai, FudanSettings, _now);
        var error = Assert.Single(below.Error!.FieldErrors);
        Assert.Equal("income_distribution.team_share_below_floor", error.Code);
        Assert.Contains("营业利润", error.Zh);
        var ok = IncomeDistribution.Plan(Plan(ConversionMode.SelfImplement, teamShare: 5m, operatingProfit: 2_000_000m, profitYear: 1), People.Office, Shanghai, FudanSettings, _now);
        Assert.Equal(100_000m, ok.Value.TeamAmount);
        Assert.Equal(2_000_000m, ok.Value.DistributableBase);
    }

    [Fact]
    public void Operating_profit_share_applies_for_five_years_in_Shanghai_R4_2()
    {
        var sixth = IncomeDistribution.Plan(Plan(ConversionMode.Cooperation, teamShare: 5m, operatingProfit: 1_000_000m, profitYear: 6), People.Office, Shanghai, FudanSettings, _now);
        Assert.Contains(sixth.Error!.FieldErrors, f => f.Code == "income_distribution.profit_year_out_of_range");
    }

    [Fact]
    public void Higher_unit_specific_team_share_is_allowed_R4_3()
    {
        Assert.True(IncomeDistribution.Plan(Plan(teamShare: 90m), People.Office, Shanghai, FudanSettings, _now).IsSuccess);
    }

    [Fact]
    public void Floor_comes_from_the_rule_set_in_force_on_the_income_date_R4_3()
    {
        var sets = new List<IncomeRuleSet>(IncomeRuleSet.Defaults)
        {
            Shanghai with { RuleSetId = "income-shanghai-2030", EffectiveFrom = new DateOnly(2030, 1, 1), TransferLicenseFloorPercent = 75m },
        };
        Assert.Equal("income-shanghai-2015", RuleSetSelector.Select(sets, Jurisdiction.Shanghai, new DateOnly(2029, 12, 31)).Value.RuleSetId);
        var later = RuleSetSelector.Select(sets, Jurisdiction.Shanghai, new DateOnly(2030, 1, 1)).Value;
        Assert.Equal(75m, later.FloorFor(ConversionMode.License));
        Assert.Equal("rule_set.not_configured", RuleSetSelector.Select(sets, Jurisdiction.Shanghai, new DateOnly(2010, 1, 1)).Error?.Code);
    }

    [Fact]
    public void Office_share_is_the_organisations_configured_percentage_of_the_remainder_R4_4()
    {
        var settings = new OrganizationIncomeSettings { OrganizationId = Orgs.Fudan, TtoSharePercent = 20m };
        var p = IncomeDistribution.Plan(Plan(teamShare: 70m), People.Office, Shanghai, settings, _now).Value;
        Assert.Equal(270_000m, p.OfficeAmount + p.UnitAmount);
        Assert.Equal(54_000m, p.OfficeAmount);
        Assert.Equal(216_000m, p.UnitAmount);
        Assert.Equal(20m, p.OfficeSharePercent);
    }

    [Fact]
    public void Team_share_is_split_among_completers_by_contribution_R4_2()
    {
        var p = IncomeDistribution.Plan(Plan(teamShare: 70m), People.Office, Shanghai, FudanSettings, _now).Value;
        Assert.Equal([378_000m, 252_000m], p.Allocations.Select(a => a.Amount));
    }

    [Fact]
    public void Split_by_contribution_sums_exactly_to_the_team_amount_R4_2()
    {
        var parts = IncomeDistribution.SplitByContribution(100m, [33.33m, 33.33m, 33.34m]);
        Assert.Equal(100m, parts.Sum());
        Assert.Equal(33.34m, parts[2]);
    }

    [Fact]
    public void Team_contributions_must_sum_to_100_R4_2()
    {
        var result = IncomeDistribution.Plan(Plan(team: [new("张伟", People.ZhangWei, 50m)]), People.Office, Shanghai, FudanSettings, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "income_distribution.contributions_must_sum_100");
    }

    [Fact]
    public void Researcher_cannot_draft_a_distribution_plan_R4_3()
    {
        var result = IncomeDistribution.Plan(Plan(), People.Researcher, Shanghai, FudanSettings, _now);
        Assert.Equal(403, result.Error?.Status);
    }

    [Fact]
    public void Payout_to_a_leader_without_a_disclosure_record_is_refused_R4_5()
    {
        var p = Approved();
        var leader = p.Allocations.Single(a => a.HoldsLeadershipPost);
        var result = p.RecordPayout(leader.Id, 10_000m, new DateOnly(2025, 4, 1), "转账 001", null, People.Office, FudanSettings, _now);
        Assert.Equal("validation.failed", result.Error?.Code);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "income_distribution.leader_disclosure_required");
        Assert.Empty(p.Payouts);
        Assert.Equal(0m, leader.Paid);
    }

    [Fact]
    public void Payout_to_a_leader_with_a_disclosure_record_is_recorded_R4_5()
    {
        var p = Approved();
        var leader = p.Allocations.Single(a => a.HoldsLeadershipPost);
        var result = p.RecordPayout(leader.Id, 10_000m, new DateOnly(2025, 4, 1), "转账 001", "公示 2025-03 第 12 号", People.Office, FudanSettings, _now);
        Assert.True(result.IsSuccess);
        Assert.Equal("公示 2025-03 第 12 号", result.Value.DisclosureRecordRef);
    }

    [Fact]
    public void Payouts_of_a_public_institution_are_flagged_outside_the_performance_pay_cap_R4_6()
    {
        var p = Approved();
        var member = p.Allocations.Single(a => !a.HoldsLeadershipPost);
        var payout = p.RecordPayout(member.Id, 378_000m, new DateOnly(2025, 4, 1), "转账 002", null, People.Office, FudanSettings, _now).Value;
        Assert.True(payout.OutsidePerformancePayCap);
        Assert.Equal(378_000m, member.Paid);
    }

    [Fact]
    public void Payout_above_the_remaining_allocation_is_refused_R4_6()
    {
        var p = Approved();
        var member = p.Allocations.Single(a => !a.HoldsLeadershipPost);
        var result = p.RecordPayout(member.Id, 378_000.01m, new DateOnly(2025, 4, 1), "转账", null, People.Office, FudanSettings, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "income_distribution.payout_exceeds_allocation");
        Assert.Empty(p.Payouts);
    }

    [Fact]
    public void Payout_of_a_draft_plan_is_refused_R4_6()
    {
        var p = IncomeDistribution.Plan(Plan(), People.Office, Shanghai, FudanSettings, _now).Value;
        var result = p.RecordPayout(p.Allocations[0].Id, 1m, new DateOnly(2025, 4, 1), "x", null, People.Office, FudanSettings, _now);
        Assert.Equal("income_distribution.invalid_transition", result.Error?.Code);
    }

    [Fact]
    public void Annual_report_is_due_on_30_March_and_forwarded_by_30_April_R4_7()
    {
        var clock = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var report = AnnualConversionReport.Generate(Orgs.Fudan, 2025, [], [], Shanghai, clock, TimeSpan.FromHours(8)).Value;
        Assert.Equal(new DateOnly(2026, 3, 30), report.DueDate);
        Assert.Equal(new DateOnly(2026, 4, 30), report.ForwardDueDate);
        Assert.False(report.IsOverdue(new DateOnly(2026, 3, 30), null));
        Assert.True(report.IsOverdue(new DateOnly(2026, 3, 31), null));
        Assert.False(report.IsOverdue(new DateOnly(2026, 3, 31), clock));
    }

    [Fact]
    public void Annual_report_counts_the_institutions_records_of_the_year_R4_7()
    {
        var a = Registered(_now);
        var other = Achievement.Draft(Input(), People.OtherResearcher, _now).Value;
        var plan = Approved();
        plan.RecordPayout(plan.Allocations.Single(x => x.HoldsLeadershipPost).Id, 1_000m, new DateOnly(2025, 5, 1), "t", "公示", People.Office, FudanSettings, _now);
        var report = AnnualConversionReport.Generate(Orgs.Fudan, 2025, [a, other], [plan], Shanghai,
            new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromHours(8)).Value;
        Assert.Equal(1, report.Disclosures);
        Assert.Equal(1, report.Registrations);
        Assert.Equal(1_000_000m, report.GrossIncome);
        Assert.Equal(900_000m, report.NetIncome);
        Assert.Equal(1_000m, report.PaidOut);
        Assert.Equal(1, report.LeaderPayoutsWithDisclosure);
        Assert.Equal(ConversionMode.License, Assert.Single(report.ByMode).Mode);
    }

    [Fact]
    public void Annual_report_of_the_current_year_is_refused_R4_7()
    {
        var result = AnnualConversionReport.Generate(Orgs.Fudan, 2025, [], [], Shanghai, _now, TimeSpan.FromHours(8));
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "conversion_report.year_invalid");
    }
}

using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel.Organizations;
using TechTransfer.SharedKernel;
using static TechTransfer.UnitTests.Achievements.AchievementTestData;

namespace TechTransfer.UnitTests.Achievements;

/// <summary>R4.1–R4.7: net income, team share floors, office share, split by contribution, payouts, annual report.</summary>
public sealed class IncomeDistributionTests
{
    private readonly DateTimeOffset _now = Clock().GetUtcNow();

    private static IncomePlanInput Plan(ConversionMode mode = ConversionMode.License, decimal? teamShare = 70m, decimal gross = 1_000_000m,
        IReadOnlyList<DeductionInput>? deductions = null, IReadOnlyList<TeamMemberInput>? team = null, decimal? teamAmount = null,
        EquityInput? equity = null, int? firstYear = null, IReadOnlyList<ProfitYearInput>? years = null) => new(
        Guid.NewGuid(), "基于深度学习的锂电池缺陷检测方法", mode, new DateOnly(2025, 3, 1), gross,
        deductions ?? [new(DeductionKind.RelatedTaxes, "增值税及附加", 60_000m, "发票 NO.0012"), new(DeductionKind.DirectTransactionCosts, "资产评估费", 40_000m, "评估报告 沪评 2025-08")],
        teamShare, team ?? [new("张伟", People.ZhangWei, 60m), new("李娜", People.LiNa, 40m, HoldsLeadershipPost: true)],
        teamAmount, equity, firstYear, years);

    private static IncomePlanInput Implementation(decimal share = 5m, int firstYear = 2024, params ProfitYearInput[] years) =>
        Plan(ConversionMode.SelfImplement, teamShare: share, gross: 0m, deductions: [], firstYear: firstYear, years: years);

    private Result<IncomeDistribution> Draft(IncomePlanInput input, IncomeRuleSet? rules = null, decimal officeShare = OfficeShare) =>
        IncomeDistribution.Plan(input, People.Office, rules ?? Shanghai, officeShare, _now);

    private IncomeDistribution Approved(IncomePlanInput? input = null)
    {
        var p = Draft(input ?? Plan()).Value;
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
        var result = Draft(Plan(teamShare: 70m));
        Assert.True(result.IsSuccess);
        Assert.Equal(900_000m, result.Value.NetIncome);
        Assert.Equal(630_000m, result.Value.TeamAmount);
        Assert.Equal("income-shanghai-2015", result.Value.RuleSetId);
    }

    [Fact]
    public void Shanghai_plan_below_70_percent_is_an_error_naming_the_floor_and_its_source_R4_3()
    {
        var result = Draft(Plan(teamShare: 69.99m));
        var error = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal("income_distribution.team_share_below_floor", error.Code);
        Assert.Contains("70%", error.Zh);
        Assert.Contains("上海市促进科技成果转化条例 第三十四条", error.Zh);
        Assert.Contains("70 %", error.En);
    }

    [Fact]
    public void National_floor_is_50_percent_for_transfer_R4_2()
    {
        Assert.True(Draft(Plan(ConversionMode.Transfer, teamShare: 50m), National).IsSuccess);
        var below = Draft(Plan(ConversionMode.Transfer, teamShare: 49m), National);
        var error = Assert.Single(below.Error!.FieldErrors);
        Assert.Contains("50%", error.Zh);
        Assert.Contains("促进科技成果转化法 第四十五条", error.Zh);
    }

    [Fact]
    public void Self_implementation_needs_at_least_5_percent_of_each_years_operating_profit_R4_2()
    {
        var below = Draft(Implementation(4m, 2024, new ProfitYearInput(2024, 2_000_000m)));
        var error = Assert.Single(below.Error!.FieldErrors);
        Assert.Equal(("income_distribution.team_share_below_floor", "R4.3"), (error.Code, error.Rule));
        Assert.Contains("营业利润", error.Zh);
        var ok = Draft(Implementation(5m, 2024, new ProfitYearInput(2024, 2_000_000m))).Value;
        Assert.Equal(TeamRewardBasis.OperatingProfit, ok.Basis);
        Assert.Equal(100_000m, ok.TeamAmount);
        Assert.Equal(2_000_000m, ok.DistributableBase);
    }

    [Fact]
    public void One_implementation_plan_covers_five_consecutive_years_from_the_first_profitable_one_in_Shanghai_R4_2()
    {
        var plan = Draft(Implementation(5m, 2024, new ProfitYearInput(2024, 1_000_000m))).Value;
        Assert.Equal((2024, 2028), plan.CoveredYears);
        Assert.True(plan.RecordProfitYear(2025, 2_000_000m, People.Office, _now).IsSuccess);
        Assert.True(plan.RecordProfitYear(2028, 400_000m, People.Office, _now).IsSuccess);
        var sixth = plan.RecordProfitYear(2029, 1_000_000m, People.Office, _now);
        Assert.Equal("income_distribution.profit_year_out_of_range", Assert.Single(sixth.Error!.FieldErrors).Code);
        Assert.Equal([2024, 2025, 2028], plan.ProfitYears.Select(y => y.Year));
        Assert.Equal([50_000m, 100_000m, 20_000m], plan.ProfitYears.Select(y => y.TeamAmount));
        Assert.Equal(170_000m, plan.TeamAmount);
        // each year is split among the team by contribution (60/40)
        Assert.Equal([60_000m, 40_000m], plan.Allocations.Where(a => a.Year == 2025).Select(a => a.Amount));
    }

    [Fact]
    public void Nationally_the_operating_profit_share_covers_the_configured_three_years_R4_2()
    {
        var plan = Draft(Implementation(5m, 2024), National).Value;
        Assert.Equal((2024, 2026), plan.CoveredYears);
        Assert.Equal("income_distribution.profit_year_out_of_range",
            Assert.Single(plan.RecordProfitYear(2027, 1m, People.Office, _now).Error!.FieldErrors).Code);
    }

    [Fact]
    public void A_loss_year_gives_the_team_nothing_but_the_first_year_must_be_profitable_R4_2()
    {
        var plan = Draft(Implementation(5m, 2024, new ProfitYearInput(2024, 800_000m))).Value;
        Assert.True(plan.RecordProfitYear(2025, -300_000m, People.Office, _now).IsSuccess);
        Assert.Equal(0m, plan.ProfitYears.Single(y => y.Year == 2025).TeamAmount);
        var notProfitable = Draft(Implementation(5m, 2024, new ProfitYearInput(2024, 0m)));
        Assert.Equal("income_distribution.first_year_not_profitable", Assert.Single(notProfitable.Error!.FieldErrors).Code);
        Assert.Equal("income_distribution.profit_year_duplicate",
            Assert.Single(plan.RecordProfitYear(2024, 1m, People.Office, _now).Error!.FieldErrors).Code);
    }

    [Fact]
    public void Implementation_needs_the_first_profitable_year_and_takes_no_fixed_amount_R4_2()
    {
        var result = Draft(Plan(ConversionMode.Cooperation, teamShare: 5m, gross: 0m, deductions: [], teamAmount: 10_000m));
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "income_distribution.first_profitable_year_required");
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "income_distribution.fixed_amount_only_for_income");
    }

    [Fact]
    public void A_transfer_plan_records_no_profit_years_R4_2()
    {
        var plan = Approved();
        Assert.Equal("income_distribution.not_an_implementation_plan", plan.RecordProfitYear(2025, 1m, People.Office, _now).Error?.Code);
    }

    [Fact]
    public void A_fixed_team_amount_at_the_floor_is_accepted_and_split_by_contribution_R4_2()
    {
        // net income 900 000, Shanghai floor 70 % → at least 630 000
        var plan = Draft(Plan(teamShare: null, teamAmount: 630_000m)).Value;
        Assert.Equal(TeamRewardBasis.FixedAmount, plan.Basis);
        Assert.Equal(630_000m, plan.TeamAmount);
        Assert.Equal(70m, plan.TeamSharePercent);
        Assert.Equal([378_000m, 252_000m], plan.Allocations.Select(a => a.Amount));
        Assert.Equal(27_000m, plan.OfficeAmount);
    }

    [Fact]
    public void A_fixed_team_amount_one_fen_below_the_floor_is_an_error_naming_the_minimum_R4_3()
    {
        var result = Draft(Plan(teamShare: null, teamAmount: 629_999.99m));
        var error = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal(("teamAmount", "income_distribution.team_amount_below_floor", "R4.3"), (error.Field, error.Code, error.Rule));
        Assert.Contains("630000", error.Zh);
        Assert.Contains("上海市促进科技成果转化条例 第三十四条", error.Zh);
    }

    [Fact]
    public void A_plan_gives_a_percentage_or_a_fixed_amount_never_both_or_neither_R4_2()
    {
        Assert.Equal("income_distribution.team_share_and_amount_both",
            Assert.Single(Draft(Plan(teamShare: 70m, teamAmount: 700_000m)).Error!.FieldErrors).Code);
        Assert.Equal("income_distribution.team_share_or_amount_required",
            Assert.Single(Draft(Plan(teamShare: null)).Error!.FieldErrors).Code);
        Assert.Equal("income_distribution.team_amount_out_of_range",
            Assert.Single(Draft(Plan(teamShare: null, teamAmount: 900_000.01m)).Error!.FieldErrors).Code);
    }

    [Fact]
    public void Equity_investment_gives_the_team_shares_split_by_contribution_R4_2()
    {
        var plan = Draft(Plan(ConversionMode.EquityInvestment, teamShare: null, gross: 5_000_000m, deductions: [],
            equity: new EquityInput("上海镁智科技有限公司", 1_000_001, 700_001))).Value;
        Assert.Equal(TeamRewardBasis.Shares, plan.Basis);
        Assert.Equal(700_001, plan.TeamShares);
        Assert.Equal(70m, plan.TeamSharePercent);
        Assert.Equal([420_001L, 280_000L], plan.Allocations.Select(a => a.Shares));
        Assert.Equal(700_001L, plan.Allocations.Sum(a => a.Shares));
        Assert.Equal(0m, plan.TeamAmount);
    }

    [Fact]
    public void Equity_below_70_percent_of_the_shares_formed_in_Shanghai_is_an_error_R4_3()
    {
        var result = Draft(Plan(ConversionMode.EquityInvestment, teamShare: null, deductions: [],
            equity: new EquityInput("上海镁智科技有限公司", 1_000_000, 699_999)));
        var error = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal(("teamShares", "income_distribution.team_shares_below_floor"), (error.Field, error.Code));
        Assert.Contains("700,000", error.En);
        Assert.True(Draft(Plan(ConversionMode.EquityInvestment, teamShare: null, deductions: [],
            equity: new EquityInput("上海镁智科技有限公司", 1_000_000, 500_000)), National).IsSuccess);
    }

    [Fact]
    public void Equity_needs_the_company_and_the_shares_and_has_no_cash_payout_R4_2()
    {
        var missing = Draft(Plan(ConversionMode.EquityInvestment, teamShare: null, deductions: [], equity: new EquityInput(" ", 0, 0)));
        Assert.Contains(missing.Error!.FieldErrors, f => f.Code == "income_distribution.investee_required");
        Assert.Contains(missing.Error!.FieldErrors, f => f.Code == "income_distribution.shares_formed_invalid");
        var plan = Approved(Plan(ConversionMode.EquityInvestment, teamShare: null, deductions: [], equity: new EquityInput("甲公司", 100, 80)));
        Assert.Equal("income_distribution.equity_has_no_cash_payout",
            plan.RecordPayout(plan.Allocations[0].Id, 1m, new DateOnly(2025, 4, 1), "x", null, People.Office, isPublicInstitution: true, _now).Error?.Code);
    }

    [Fact]
    public void Whole_shares_split_by_largest_remainder_ties_to_the_member_listed_first() =>
        Assert.Equal([34L, 33L, 33L], IncomeDistribution.SplitShares(100, [1m, 1m, 1m]));

    [Fact]
    public void Higher_unit_specific_team_share_is_allowed_R4_3()
    {
        Assert.True(Draft(Plan(teamShare: 90m)).IsSuccess);
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
        var p = Draft(Plan(teamShare: 70m), officeShare: 20m).Value;
        Assert.Equal(270_000m, p.OfficeAmount + p.UnitAmount);
        Assert.Equal(54_000m, p.OfficeAmount);
        Assert.Equal(216_000m, p.UnitAmount);
        Assert.Equal(20m, p.OfficeSharePercent);
    }

    [Fact]
    public void Team_share_is_split_among_completers_by_contribution_R4_2()
    {
        var p = Draft(Plan(teamShare: 70m)).Value;
        Assert.Equal([378_000m, 252_000m], p.Allocations.Select(a => a.Amount));
    }

    [Fact]
    public void Team_amount_split_sums_exactly_with_the_fen_left_over_going_to_the_member_listed_first_R4_2()
    {
        // 10 fen among four equal members: 2 fen each, and the 2 fen left go to the first two listed (equal remainders)
        var plan = Draft(Plan(teamShare: null, gross: 0.10m, deductions: [], teamAmount: 0.10m,
            team: [new("甲", null, 25m), new("乙", null, 25m), new("丙", null, 25m), new("丁", null, 25m)])).Value;
        Assert.Equal([0.03m, 0.03m, 0.02m, 0.02m], plan.Allocations.Select(a => a.Amount));
        Assert.Equal(0.10m, plan.Allocations.Sum(a => a.Amount));
        // unequal remainders: the largest gets the fen
        var byRemainder = Draft(Plan(teamShare: null, gross: 0.10m, deductions: [], teamAmount: 0.10m,
            team: [new("甲", null, 33.33m), new("乙", null, 33.33m), new("丙", null, 33.34m)])).Value;
        Assert.Equal([0.03m, 0.03m, 0.04m], byRemainder.Allocations.Select(a => a.Amount));
    }

    [Fact]
    public void Team_contributions_must_sum_to_100_R4_2()
    {
        var result = Draft(Plan(team: [new("张伟", People.ZhangWei, 50m)]));
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "income_distribution.contributions_must_sum_100");
    }

    [Fact]
    public void Researcher_cannot_draft_a_distribution_plan_R4_3()
    {
        var result = IncomeDistribution.Plan(Plan(), People.Researcher, Shanghai, OfficeShare, _now);
        Assert.Equal(403, result.Error?.Status);
    }

    [Fact]
    public void Payout_to_a_leader_without_a_disclosure_record_is_refused_R4_5()
    {
        var p = Approved();
        var leader = p.Allocations.Single(a => a.HoldsLeadershipPost);
        var result = p.RecordPayout(leader.Id, 10_000m, new DateOnly(2025, 4, 1), "转账 001", null, People.Office, isPublicInstitution: true, _now);
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
        var result = p.RecordPayout(leader.Id, 10_000m, new DateOnly(2025, 4, 1), "转账 001", "公示 2025-03 第 12 号", People.Office, isPublicInstitution: true, _now);
        Assert.True(result.IsSuccess);
        Assert.Equal("公示 2025-03 第 12 号", result.Value.DisclosureRecordRef);
    }

    [Fact]
    public void Payouts_of_a_public_institution_are_flagged_outside_the_performance_pay_cap_R4_6()
    {
        var p = Approved();
        var member = p.Allocations.Single(a => !a.HoldsLeadershipPost);
        var payout = p.RecordPayout(member.Id, 378_000m, new DateOnly(2025, 4, 1), "转账 002", null, People.Office, isPublicInstitution: true, _now).Value;
        Assert.True(payout.OutsidePerformancePayCap);
        Assert.Equal(378_000m, member.Paid);
    }

    [Fact]
    public void Payout_above_the_remaining_allocation_is_refused_R4_6()
    {
        var p = Approved();
        var member = p.Allocations.Single(a => !a.HoldsLeadershipPost);
        var result = p.RecordPayout(member.Id, 378_000.01m, new DateOnly(2025, 4, 1), "转账", null, People.Office, isPublicInstitution: true, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "income_distribution.payout_exceeds_allocation");
        Assert.Empty(p.Payouts);
    }

    [Fact]
    public void Payout_of_a_draft_plan_is_refused_R4_6()
    {
        var p = Draft(Plan()).Value;
        var result = p.RecordPayout(p.Allocations[0].Id, 1m, new DateOnly(2025, 4, 1), "x", null, People.Office, isPublicInstitution: true, _now);
        Assert.Equal("income_distribution.invalid_transition", result.Error?.Code);
    }

    [Fact]
    public void Annual_report_is_due_on_30_March_and_forwarded_by_30_April_R4_7()
    {
        var clock = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var report = AnnualConversionReport.Generate(Orgs.Fudan, 2025, [], [], Shanghai, clock).Value;
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
        plan.RecordPayout(plan.Allocations.Single(x => x.HoldsLeadershipPost).Id, 1_000m, new DateOnly(2025, 5, 1), "t", "公示", People.Office, isPublicInstitution: true, _now);
        var report = AnnualConversionReport.Generate(Orgs.Fudan, 2025, [a, other], [plan], Shanghai,
            new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(8))).Value;
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
        var result = AnnualConversionReport.Generate(Orgs.Fudan, 2025, [], [], Shanghai, _now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "conversion_report.year_invalid");
    }
}

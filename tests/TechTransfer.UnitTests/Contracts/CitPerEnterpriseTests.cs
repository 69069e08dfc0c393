using TechTransfer.Contracts.Domain;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

/// <summary>R2.13 per enterprise and tax year: the year's technology transfer income over the enterprise's registered contracts.</summary>
public sealed class CitPerEnterpriseTests
{
    private static readonly Guid Sjtu = Guid.Parse("77777777-0000-0000-0000-000000000007");
    private static readonly string SjtuCode = UnifiedSocialCreditCode.WithCheckCharacter("12100000425010010");

    private static ContractDetails Transfer(decimal total) =>
        Details(total) with { Category = ContractCategory.Transfer, SubType = ContractSubType.PatentAssignment };

    private static CitYearAssessment Assess(int year, params TechnologyContract[] contracts) =>
        TaxBenefits.CitForEnterprise(Orgs.Fudan, year, contracts, 0m, 0m, 0m);

    [Fact]
    public void The_transfers_registered_in_the_tax_year_are_added_up()
    {
        var a = Registered(Transfer(1_000_000m));
        var b = Registered(Transfer(2_500_000m));
        var r = Assess(2026, a, b);
        Assert.Equal(3_500_000m, r.TransferRevenue);
        Assert.All(r.Contracts, l => Assert.Equal(CitContractTreatment.Counted, l.Treatment));
    }

    [Fact]
    public void A_transfer_registered_in_another_year_is_not_counted()
    {
        var thisYear = Registered(Transfer(1_000_000m));
        var nextYear = RegisteredOn(Transfer(2_000_000m), At(2027, 2, 10));
        Assert.Equal(1_000_000m, Assess(2026, thisYear, nextYear).TransferRevenue);
        Assert.Equal(2_000_000m, Assess(2027, thisYear, nextYear).TransferRevenue);
    }

    [Fact]
    public void The_tax_year_is_that_of_the_business_date_of_registration_in_shanghai()
    {
        // 31 December 2026 17:00 UTC is already 1 January 2027 in Shanghai
        var c = RegisteredOn(Transfer(1_000_000m), new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(0m, Assess(2026, c).TransferRevenue);
        Assert.Equal(1_000_000m, Assess(2027, c).TransferRevenue);
    }

    [Fact]
    public void Non_technical_items_and_separable_services_are_not_transfer_income()
    {
        var d = Transfer(2_000_000m) with
        {
            NonTechnicalItems = [new NonTechnicalItem(NonTechnicalItemKind.Equipment, "配套设备", 300_000m, 1, false)],
            SeparableServicesAmount = 200_000m,
        };
        var line = Assert.Single(Assess(2026, Registered(d)).Contracts);
        Assert.Equal(1_700_000m, line.RegisteredAmount);
        Assert.Equal(200_000m, line.SeparableServices);
        Assert.Equal(1_500_000m, line.EnterpriseShare);
    }

    [Theory]
    [InlineData(ContractCategory.Development, ContractSubType.Commissioned)]
    [InlineData(ContractCategory.Consulting, ContractSubType.None)]
    [InlineData(ContractCategory.Service, ContractSubType.GeneralService)]
    [InlineData(ContractCategory.Service, ContractSubType.Training)]
    public void Development_consulting_service_and_training_contracts_are_not_transfers(ContractCategory category, ContractSubType sub)
    {
        var r = Assess(2026, Registered(Details(1_000_000m) with { Category = category, SubType = sub }));
        Assert.Equal(0m, r.TransferRevenue);
        Assert.Equal(CitContractTreatment.NotATransfer, Assert.Single(r.Contracts).Treatment);
    }

    [Fact]
    public void A_licence_of_five_years_or_more_counts_and_a_shorter_one_does_not()
    {
        var fiveYears = Registered(Licence(new DateOnly(2040, 1, 1), new DateOnly(2031, 2, 28)));   // 2026-03-01 … 2031-02-28
        var fourYears = Registered(Licence(new DateOnly(2040, 1, 1), new DateOnly(2030, 2, 28)));
        var r = Assess(2026, fiveYears, fourYears);
        Assert.Equal(1_000_000m, r.TransferRevenue);
        Assert.Equal(CitContractTreatment.LicenceTooShort, r.Contracts.Single(l => l.ContractId == fourYears.Id).Treatment);
    }

    [Fact]
    public void Contracts_where_the_enterprise_is_not_a_seller_are_ignored()
    {
        var c = Registered(Transfer(1_000_000m));
        Assert.Empty(TaxBenefits.CitForEnterprise(Orgs.EnterpriseB, 2026, [c], 0, 0, 0).Contracts);
    }

    [Fact]
    public void A_cancelled_or_revoked_registration_adds_nothing()
    {
        var cancelled = Registered(Transfer(1_000_000m));
        Assert.True(cancelled.Cancel("合同解除", null, At(2026, 5, 1)).IsSuccess);
        var revoked = Registered(Transfer(2_000_000m));
        Assert.True(revoked.Revoke(RevocationReason.FalseContractOrFraud, null, null, At(2026, 5, 1)).IsSuccess);
        Assert.Equal(0m, Assess(2026, cancelled, revoked).TransferRevenue);
    }

    [Fact]
    public void With_two_sellers_the_enterprise_gets_an_equal_share_and_the_odd_fen_goes_to_the_seller_listed_first()
    {
        var other = new PartyInput(PartyRole.Seller, "上海交通大学", SjtuCode, EntityNatures.University, "CHN", "310104", Sjtu);
        var fudanFirst = Registered(Transfer(1_000_000.01m) with { Parties = [Seller(), other, Buyer()] });
        var fudanSecond = Registered(Transfer(1_000_000.01m) with { ProjectName = "另一项专利转让", Parties = [other, Seller(), Buyer()] });
        var r = Assess(2026, fudanFirst, fudanSecond);
        Assert.Equal(500_000.01m, r.Contracts.Single(l => l.ContractId == fudanFirst.Id).EnterpriseShare);
        Assert.Equal(500_000.00m, r.Contracts.Single(l => l.ContractId == fudanSecond.Id).EnterpriseShare);
        Assert.Equal(500_000.00m, TaxBenefits.CitForEnterprise(Sjtu, 2026, [fudanFirst], 0, 0, 0).TransferRevenue);
    }

    [Fact]
    public void A_loss_after_the_deductions_is_clamped_to_zero()
    {
        var r = TaxBenefits.CitForEnterprise(Orgs.Fudan, 2026, [Registered(Transfer(1_000_000m))], 800_000m, 100_000m, 300_000m);
        Assert.Equal(1_000_000m, r.TransferRevenue);
        Assert.Equal((0m, 0m, 0m), (r.Relief.Income, r.Relief.ExemptPortion, r.Relief.HalfRatePortion));
    }

    [Fact]
    public void Income_above_five_million_is_exempt_up_to_five_million_and_half_rate_above()
    {
        var r = Assess(2026, Registered(Transfer(3_000_000m)), Registered(Transfer(4_000_000m) with { ProjectName = "第二项专利转让" }));
        Assert.Equal(7_000_000m, r.Relief.Income);
        Assert.Equal(5_000_000m, r.Relief.ExemptPortion);
        Assert.Equal(2_000_000m, r.Relief.HalfRatePortion);
    }

    [Fact]
    public void The_exemption_threshold_is_configuration()
    {
        var r = TaxBenefits.CitForEnterprise(Orgs.Fudan, 2026, [Registered(Transfer(3_000_000m))], 0, 0, 0, threshold: 2_000_000m);
        Assert.Equal((2_000_000m, 1_000_000m), (r.Relief.ExemptPortion, r.Relief.HalfRatePortion));
    }
}

using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Features.Certificate;
using TechTransfer.Contracts.Features.Statistics;
using UglyToad.PdfPig;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

/// <summary>R2.6: a mixed contract registers, certifies and counts its stated technical part as its total.</summary>
public sealed class MixedContractTests
{
    private static ContractDetails Mixed() => Details(1_000_000m) with { IsMixedContract = true, StatedTechnicalPartAmount = 600_000m };

    [Fact]
    public void A_registered_mixed_contract_counts_its_technical_part_as_its_total_in_statistics()
    {
        var facts = ContractStatisticsFacts.From(Registered(Mixed()));
        Assert.Equal(600_000m, facts!.TotalAmount);
        Assert.Equal(600_000m, facts.TechTransactionAmount);
    }

    [Fact]
    public void A_contract_that_is_not_mixed_counts_its_total()
    {
        Assert.Equal(1_000_000m, ContractStatisticsFacts.From(Registered(Details(1_000_000m)))!.TotalAmount);
    }

    [Fact]
    public void The_certificate_of_a_mixed_contract_states_the_technical_part_as_the_total()
    {
        var c = Registered(Mixed());
        var row = Assert.Single(CertificatePdf.Rows(c, "上海"), r => r.Zh.StartsWith("合同成交额", StringComparison.Ordinal));
        Assert.Equal("合同成交额（技术部分）", row.Zh);
        Assert.StartsWith("600,000.00 元", row.Value);
        using var pdf = PdfDocument.Open(CertificatePdf.Render(c, "上海").Value);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("合同成交额（技术部分）", text);
        Assert.Contains("600,000.00元", text);
        Assert.DoesNotContain("1,000,000.00", text);
    }

    [Fact]
    public void The_assessed_amount_of_a_mixed_contract_cannot_exceed_its_technical_part()
    {
        var c = Accepted(Mixed());
        Assert.Equal(ContractErrors.AssessedAmountOutOfRange.Code, c.CanRegister(600_000.01m, Catalog).Error?.Code);
        Assert.True(c.CanRegister(600_000m, Catalog).IsSuccess);
    }
}

/// <summary>R2.4: the large-contract flag is known from the draft on.</summary>
public sealed class LargeContractFlagTests
{
    [Fact]
    public void A_draft_at_or_above_the_threshold_is_flagged_large_before_it_is_submitted()
    {
        Assert.True(Draft(Details(5_000_000m)).IsLargeContract);
        Assert.False(Draft(Details(4_999_999.99m)).IsLargeContract);
    }

    [Fact]
    public void Editing_a_draft_below_the_threshold_clears_the_flag()
    {
        var c = Draft(Details(6_000_000m));
        Assert.True(c.UpdateDetails(Details(1_000_000m), At(2026, 3, 3), Catalog).IsSuccess);
        Assert.False(c.IsLargeContract);
    }

    [Fact]
    public void A_mixed_draft_is_large_by_its_technical_part_only()
    {
        Assert.False(Draft(Details(8_000_000m) with { IsMixedContract = true, StatedTechnicalPartAmount = 4_000_000m }).IsLargeContract);
    }
}

/// <summary>R2.5: training, consulting or service that is part of a development or transfer contract is not registered separately.</summary>
public sealed class PartOfMainContractTests
{
    private static readonly Guid MainContract = Guid.Parse("66666666-0000-0000-0000-000000000006");

    private static ContractDetails Service(ContractSubType sub = ContractSubType.GeneralService) =>
        Details() with { Category = ContractCategory.Service, SubType = sub, PartOfContractId = MainContract };

    [Theory]
    [InlineData(ContractCategory.Service, ContractSubType.GeneralService)]
    [InlineData(ContractCategory.Service, ContractSubType.Training)]
    [InlineData(ContractCategory.Consulting, ContractSubType.None)]
    public void A_service_declared_part_of_a_main_contract_is_refused_as_a_separate_registration(ContractCategory category, ContractSubType sub)
    {
        var c = Draft(Service() with { Category = category, SubType = sub });
        var r = c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog);
        Assert.Equal(ContractErrors.NotSeparatelyRegistrable.Code, r.Error?.Code);
        Assert.Equal("R2.5", r.Error!.Rule);
        Assert.DoesNotContain("R2.5", r.Error.Zh + r.Error.En);
        Assert.Equal(RegistrationStatus.Draft, c.Status);
    }

    [Fact]
    public void The_same_service_not_declared_part_of_another_contract_is_submitted()
    {
        var c = Draft(Service() with { PartOfContractId = null });
        Assert.True(c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog).IsSuccess);
    }

    [Fact]
    public void Only_training_consulting_or_service_can_be_declared_part_of_a_main_contract()
    {
        var r = TechnologyContract.Draft(Details() with { PartOfContractId = MainContract }, Orgs.Fudan, null, At(2026, 3, 2), Catalog);
        var e = Assert.Single(r.Error!.FieldErrors);
        Assert.Equal(("partOfContractId", "contract.part_of_only_for_services", "R2.5"), (e.Field, e.Code, e.Rule));
    }

    [Fact]
    public void The_declaration_is_kept_with_the_draft()
    {
        Assert.Equal(MainContract, Draft(Service()).ToDetails().PartOfContractId);
    }
}

/// <summary>R2.11: a registered change after benefits were used notifies tax/finance.</summary>
public sealed class TaxFinanceNotificationTests
{
    [Fact]
    public void Revocation_after_benefits_were_used_creates_a_tax_and_finance_task()
    {
        var c = Registered();
        Assert.True(c.RecordBenefitUse(BenefitKind.TaxReliefCertificate, null, At(2026, 4, 1)).IsSuccess);
        Assert.True(c.Revoke(RevocationReason.FalseContractOrFraud, null, null, At(2026, 5, 1)).IsSuccess);
        var task = Assert.Single(c.NotificationTasks);
        Assert.Equal(TechnologyContract.NotificationKindTaxFinance, task.Kind);
        Assert.False(task.Done);
    }

    [Fact]
    public void Revocation_without_benefits_used_creates_no_task()
    {
        var c = Registered();
        Assert.True(c.Revoke(RevocationReason.DuplicateRegistration, null, null, At(2026, 5, 1)).IsSuccess);
        Assert.Empty(c.NotificationTasks);
    }
}

using TechTransfer.Contracts.Domain;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

public sealed class TechTransactionAmountTests
{
    [Fact]
    public void Non_technical_items_that_are_not_carriers_are_deducted_from_the_total()
    {
        var r = TechTransactionAmountCalculator.Compute(1_000_000m,
            [new NonTechnicalItem(NonTechnicalItemKind.Equipment, "检测设备", 300_000m, 1, false),
             new NonTechnicalItem(NonTechnicalItemKind.RawMaterial, "原材料", 50_000m, 1, false)]);
        Assert.Equal(650_000m, r.TechTransactionAmount);
        Assert.Equal(350_000m, r.DeductedNonTechnical);
    }

    [Fact]
    public void Reasonable_quantity_carriers_are_not_deducted()
    {
        var r = TechTransactionAmountCalculator.Compute(1_000_000m,
            [new NonTechnicalItem(NonTechnicalItemKind.Equipment, "样机", 200_000m, 2, true),
             new NonTechnicalItem(NonTechnicalItemKind.Parts, "零部件", 100_000m, 10, false)]);
        Assert.Equal(900_000m, r.TechTransactionAmount);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void More_than_two_equipment_sets_marked_as_carrier_gives_a_warning_but_is_not_deducted()
    {
        var r = TechTransactionAmountCalculator.Compute(1_000_000m,
            [new NonTechnicalItem(NonTechnicalItemKind.Equipment, "试验装置", 300_000m, 3, true)]);
        Assert.Equal(1_000_000m, r.TechTransactionAmount);
        var w = Assert.Single(r.Warnings);
        Assert.Equal("R2.2", w.Rule);
        Assert.Equal(TechTransactionAmountCalculator.TooManyCarrierSetsCode, w.Code);
    }

    [Fact]
    public void Non_technical_items_above_the_total_make_the_draft_invalid()
    {
        var details = Details(100_000m) with { NonTechnicalItems = [new NonTechnicalItem(NonTechnicalItemKind.Equipment, "设备", 150_000m, 1, false)] };
        var r = TechnologyContract.Draft(details, Orgs.Fudan, null, At(2026, 3, 2), Catalog);
        Assert.Contains("contract.tech_amount_out_of_range", FieldCodes(r.Error));
        Assert.Equal("R2.1", ContractErrors.TechAmountOutOfRange.Rule);
    }

    [Fact]
    public void Declared_amount_is_computed_and_the_assessed_amount_is_stored_separately()
    {
        var details = Details(1_000_000m) with { NonTechnicalItems = [new NonTechnicalItem(NonTechnicalItemKind.Instrument, "仪器", 100_000m, 1, false)] };
        var c = Accepted(details);
        Assert.Equal(900_000m, c.DeclaredTechTransactionAmount);
        Assert.Null(c.AssessedTechTransactionAmount);
        Assert.True(c.Register(850_000m, ShanghaiOffice, new FakeIssuer(), null, At(2026, 3, 5), Catalog).IsSuccess);
        Assert.Equal(900_000m, c.DeclaredTechTransactionAmount);
        Assert.Equal(850_000m, c.AssessedTechTransactionAmount);
    }

    [Fact]
    public void Mixed_contract_registers_only_its_stated_technical_part()
    {
        var c = Draft(Details(2_000_000m) with { IsMixedContract = true, StatedTechnicalPartAmount = 800_000m });
        Assert.Equal(800_000m, c.RegisterableAmount);
        Assert.Equal(800_000m, c.DeclaredTechTransactionAmount);
    }

    [Fact]
    public void Mixed_contract_without_a_stated_technical_part_is_invalid()
    {
        var r = TechnologyContract.Draft(Details() with { IsMixedContract = true }, Orgs.Fudan, null, At(2026, 3, 2), Catalog);
        Assert.Contains("contract.mixed_technical_part_not_stated", FieldCodes(r.Error));
        Assert.Equal("R2.6", ContractErrors.MixedContractTechnicalPartNotStated.Rule);
    }

    [Fact]
    public void Assessed_amount_above_the_total_is_refused_and_no_number_is_issued()
    {
        var c = Accepted();
        var issuer = new FakeIssuer();
        var r = c.Register(1_000_000.01m, ShanghaiOffice, issuer, null, At(2026, 3, 5), Catalog);
        Assert.Equal(ContractErrors.AssessedAmountOutOfRange.Code, r.Error?.Code);
        Assert.Equal(0, issuer.Calls);
        Assert.Null(c.RegistrationNo);
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
    }
}

using TechTransfer.Contracts.Domain;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

public sealed class TaxBenefitTests
{
    private static TechnologyContract RegisteredLegacy(ContractDetails d)
    {
        // signed and submitted in 2025 under the 2000 regime
        var c = TechnologyContract.Draft(d with { SignedDate = new DateOnly(2025, 3, 1), ValidFrom = new DateOnly(2025, 3, 1), ValidTo = new DateOnly(2026, 3, 1) },
            Orgs.Fudan, null, At(2025, 3, 2), Catalog).Value;
        c.AddAttachment(new AttachmentInfo(AttachmentKind.ContractText, "c.pdf", "application/pdf", 1, null, At(2025, 3, 2)), At(2025, 3, 2));
        Assert.True(c.Submit(Orgs.Fudan, null, At(2025, 3, 2), Catalog).IsSuccess);
        Assert.True(c.Accept(Orgs.Registry, null, At(2025, 3, 3), Catalog, Calendar).IsSuccess);
        Assert.True(c.Register(c.DeclaredTechTransactionAmount, ShanghaiOffice, new FakeIssuer(), null, At(2025, 3, 4), Catalog).IsSuccess);
        return c;
    }

    [Fact]
    public void Registered_development_contract_under_the_2000_regime_is_a_vat_exemption_candidate()
    {
        var a = TaxBenefits.VatExemption(RegisteredLegacy(Details()), Catalog);
        Assert.True(a.IsCandidate);
        Assert.Equal(VatRegimeStatus.InForce, a.Regime);
    }

    [Fact]
    public void Unregistered_contract_is_not_a_vat_candidate()
    {
        Assert.False(TaxBenefits.VatExemption(Accepted(), Catalog).IsCandidate);
    }

    [Fact]
    public void Development_contract_signed_in_2026_is_a_candidate_with_an_unconfirmed_regime()
    {
        var a = TaxBenefits.VatExemption(Registered(), Catalog);
        Assert.True(a.IsCandidate);
        Assert.Equal(VatRegimeStatus.Unconfirmed, a.Regime);
    }

    [Fact]
    public void Licensing_in_2026_is_not_a_candidate_because_the_rule_set_does_not_count_it_as_transfer()
    {
        var c = Registered(Licence(new DateOnly(2040, 1, 1), new DateOnly(2030, 1, 1)));
        Assert.False(TaxBenefits.VatExemption(c, Catalog).IsCandidate);
    }

    [Fact]
    public void Consulting_is_a_candidate_only_when_linked_to_development_or_transfer()
    {
        var consulting = Details() with { Category = ContractCategory.Consulting, SubType = ContractSubType.None };
        Assert.False(TaxBenefits.VatExemption(RegisteredLegacy(consulting), Catalog).IsCandidate);
        Assert.True(TaxBenefits.VatExemption(RegisteredLegacy(consulting with { LinkedToDevelopmentOrTransfer = true }), Catalog).IsCandidate);
    }

    [Fact]
    public void Cit_income_up_to_five_million_is_fully_exempt()
    {
        var r = TaxBenefits.CitRelief(4_000_000m, 500_000m, 100_000m, 400_000m);
        Assert.Equal(3_000_000m, r.Income);
        Assert.Equal(3_000_000m, r.ExemptPortion);
        Assert.Equal(0m, r.HalfRatePortion);
        Assert.Equal(0m, r.EstimatedTax);
    }

    [Fact]
    public void Cit_income_above_five_million_is_taxed_at_half_rate_on_the_excess()
    {
        var r = TaxBenefits.CitRelief(9_000_000m, 1_000_000m, 0m, 0m);
        Assert.Equal(5_000_000m, r.ExemptPortion);
        Assert.Equal(3_000_000m, r.HalfRatePortion);
        Assert.Equal(375_000m, r.EstimatedTax);
        Assert.Equal(1_625_000m, r.EstimatedTaxSaved);
    }

    [Fact]
    public void Cit_income_never_goes_below_zero()
    {
        Assert.Equal(0m, TaxBenefits.CitRelief(100m, 1_000m, 0m, 0m).Income);
    }
}

public sealed class ContractChecksTests
{
    [Fact]
    public void Missing_assessment_form_and_undertaking_are_listed_as_failed_checks()
    {
        var checks = ContractChecks.Evaluate(Accepted(), Catalog, new DateOnly(2026, 3, 3));
        Assert.Equal(CheckOutcome.Fail, checks.Single(c => c.Code == "check.doc.TechnicalIncomeAssessmentForm").Outcome);
        // The contract text is registered as metadata only: the registrar is warned that no file was uploaded.
        Assert.Equal(CheckOutcome.Warning, checks.Single(c => c.Code == "check.doc.ContractText").Outcome);
    }

    [Fact]
    public void An_uploaded_file_passes_the_missing_documents_check()
    {
        var c = Accepted();
        c.AddAttachment(new AttachmentInfo(AttachmentKind.ContractText, "合同.pdf", "application/pdf", 1000, "ab", At(2026, 3, 2), Guid.NewGuid(), "contracts/x/y.bin"), At(2026, 3, 2));
        var checks = ContractChecks.Evaluate(c, Catalog, new DateOnly(2026, 3, 3));
        Assert.Equal(CheckOutcome.Pass, checks.Single(x => x.Code == "check.doc.ContractText").Outcome);
    }

    [Fact]
    public void Duplicate_flag_and_overdue_show_as_warnings()
    {
        var c = Accepted();
        c.MarkPossibleDuplicate(Guid.NewGuid(), At(2026, 3, 3));
        var checks = ContractChecks.Evaluate(c, Catalog, new DateOnly(2026, 4, 30));
        Assert.Equal(CheckOutcome.Warning, checks.Single(x => x.Code == "check.duplicate").Outcome);
        Assert.Contains(checks, x => x.Code == "check.overdue" && x.Rule == "R2.10");
    }

    [Fact]
    public void Licence_without_ip_refs_is_flagged_as_implausible()
    {
        var c = Draft(Licence(new DateOnly(2040, 1, 1), new DateOnly(2030, 1, 1)) with { IpRefs = [] });
        Assert.Contains(ContractChecks.Evaluate(c, Catalog, new DateOnly(2026, 3, 3)), x => x.Code == "check.category_ip_missing");
    }

    [Fact]
    public void Licence_naming_its_patent_is_not_flagged()
    {
        var c = Draft(Licence(new DateOnly(2040, 1, 1), new DateOnly(2030, 1, 1)));
        Assert.DoesNotContain(ContractChecks.Evaluate(c, Catalog, new DateOnly(2026, 3, 3)), x => x.Code == "check.category_ip_missing");
    }
}

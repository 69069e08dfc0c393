using TechTransfer.Contracts.Domain;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

public sealed class ContractValidationTests
{
    private static IReadOnlyList<string> Codes(ContractDetails d) =>
        FieldCodes(TechnologyContract.Draft(d, Orgs.Fudan, null, At(2026, 3, 2), Catalog).Error);

    [Fact]
    public void A_complete_development_contract_is_valid()
    {
        Assert.Empty(Codes(Details()));
    }

    [Fact]
    public void Oral_contract_is_refused_at_intake()
    {
        var error = TechnologyContract.Draft(Details() with { Form = ContractForm.Oral }, Orgs.Fudan, null, At(2026, 3, 2), Catalog).Error;
        var oral = Assert.Single(error!.FieldErrors, f => f.Code == "contract.oral_not_registrable");
        Assert.Equal("R2.7", oral.Rule);
        Assert.Contains("民法典第八百五十一条", oral.Zh);
        Assert.DoesNotContain("R2.7", oral.Zh + oral.En);
    }

    [Fact]
    public void Electronic_contract_is_accepted_as_written_form()
    {
        Assert.Empty(Codes(Details() with { Form = ContractForm.Electronic }));
    }

    [Fact]
    public void Training_inside_a_development_contract_is_not_separately_registrable()
    {
        Assert.Contains("contract.training_not_separately_registrable", Codes(Details() with { SubType = ContractSubType.Training }));
        Assert.Equal("R2.5", ContractErrors.TrainingInsideDevelopmentOrTransfer.Rule);
    }

    [Fact]
    public void Training_inside_a_transfer_contract_is_not_separately_registrable()
    {
        Assert.Contains("contract.training_not_separately_registrable",
            Codes(Details() with { Category = ContractCategory.Transfer, SubType = ContractSubType.Training }));
    }

    [Fact]
    public void Training_contract_must_not_transfer_ip()
    {
        var d = Details() with
        {
            Category = ContractCategory.Service, SubType = ContractSubType.Training,
            IpRefs = [new IpReference(IpKind.TechnicalSecret, IpDisposition.Assigned, "工艺秘密")],
        };
        Assert.Contains("contract.training_transfers_ip", Codes(d));
    }

    [Fact]
    public void Training_as_a_service_contract_is_valid()
    {
        Assert.Empty(Codes(Details() with { Category = ContractCategory.Service, SubType = ContractSubType.Training }));
    }

    [Fact]
    public void Sub_type_of_another_category_is_invalid()
    {
        Assert.Contains("contract.sub_type_not_in_category", Codes(Details() with { SubType = ContractSubType.PatentAssignment }));
    }

    [Fact]
    public void Legacy_transfer_with_patent_licence_is_accepted_for_a_2020_contract_and_counted_as_licensing()
    {
        var d = Licence(new DateOnly(2040, 5, 1), new DateOnly(2025, 1, 1)) with
        {
            Category = ContractCategory.Transfer, SignedDate = new DateOnly(2020, 6, 1), ValidFrom = new DateOnly(2020, 6, 1),
            ValidTo = new DateOnly(2025, 6, 1), Licence = new LicenceTerms(LicenseScope.Exclusive, "全球", new DateOnly(2020, 6, 1), new DateOnly(2025, 1, 1)),
        };
        var r = TechnologyContract.Draft(d, Orgs.Fudan, null, At(2020, 6, 2), Catalog);
        Assert.True(r.IsSuccess, string.Join(",", FieldCodes(r.Error)));
        Assert.Equal(ContractCategory.Licensing, r.Value.StatisticalCategory);
        Assert.Equal(ContractRuleSetCatalog.National2000, r.Value.ContentRuleSetId);
    }

    [Fact]
    public void Transfer_with_patent_licence_sub_type_is_invalid_under_the_2026_regime()
    {
        var d = Licence(new DateOnly(2040, 5, 1), new DateOnly(2030, 1, 1)) with { Category = ContractCategory.Transfer };
        Assert.Contains("contract.sub_type_not_in_category", Codes(d));
    }

    [Fact]
    public void Licence_without_scope_territory_and_term_is_invalid()
    {
        var d = Licence(new DateOnly(2040, 5, 1), new DateOnly(2030, 1, 1)) with { Licence = null };
        Assert.Contains("contract.licence_terms_required", Codes(d));
    }

    [Fact]
    public void Licence_ending_after_the_patent_expires_is_invalid()
    {
        Assert.Contains("contract.licence_after_patent_expiry", Codes(Licence(new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 2))));
    }

    [Fact]
    public void Licence_ending_on_the_patent_expiry_is_valid()
    {
        Assert.Empty(Codes(Licence(new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 1))));
    }

    [Fact]
    public void Patent_reference_without_its_numbers_and_expiry_is_invalid()
    {
        var d = Details() with { IpRefs = [new IpReference(IpKind.Patent, IpDisposition.Referenced, "某专利", "复旦大学")] };
        Assert.Contains("contract.patent_details_missing", Codes(d));
    }

    [Fact]
    public void Government_funded_project_needs_its_approval_document()
    {
        Assert.Contains("contract.project_approval_missing", Codes(Details() with { IsGovernmentFunded = true }));
        Assert.Empty(Codes(Details() with { IsGovernmentFunded = true, ProjectApprovalDoc = "沪科〔2025〕12号 任务书" }));
    }

    [Fact]
    public void Legacy_transfer_needs_expected_new_investment_and_output()
    {
        var d = Details() with
        {
            Category = ContractCategory.Transfer, SubType = ContractSubType.TechnicalSecretTransfer,
            SignedDate = new DateOnly(2024, 6, 1), ValidFrom = new DateOnly(2024, 6, 1), ValidTo = new DateOnly(2026, 6, 1),
        };
        Assert.Contains("contract.expected_investment_required", Codes(d));
        Assert.DoesNotContain("contract.expected_investment_required", Codes(d with { ExpectedNewInvestment = 1m, ExpectedNewOutput = 2m }));
    }

    [Fact]
    public void Term_starting_after_it_ends_is_invalid()
    {
        Assert.Contains("contract.valid_from_after_valid_to", Codes(Details() with { ValidFrom = new DateOnly(2027, 3, 1) }));
    }

    [Fact]
    public void Domestic_party_with_a_wrong_credit_code_check_digit_is_invalid()
    {
        var wrong = Orgs.FudanCode[..17] + (Orgs.FudanCode[17] == '0' ? '1' : '0');
        var d = Details() with { Parties = [Seller() with { CreditCode = wrong }, Buyer()] };
        Assert.Contains("contract.credit_code_invalid", Codes(d));
    }

    [Fact]
    public void Foreign_party_needs_no_division_or_credit_code()
    {
        var d = Details() with { Parties = [Seller(), new PartyInput(PartyRole.Buyer, "Acme GmbH", null, "300", "DEU")] };
        Assert.Empty(Codes(d));
    }

    [Fact]
    public void Unknown_entity_nature_code_is_invalid()
    {
        Assert.Contains("contract.entity_nature_invalid", Codes(Details() with { Parties = [Seller() with { EntityNature = "999" }, Buyer()] }));
    }

    [Fact]
    public void Contract_without_a_seller_is_invalid()
    {
        Assert.Contains("contract.seller_required", Codes(Details() with { Parties = [Buyer()] }));
    }

    [Fact]
    public void Royalty_payment_needs_base_rate_and_schedule()
    {
        Assert.Contains("contract.royalty_terms_missing", Codes(Details() with { Payment = new PaymentTerms(PaymentMode.Royalty) }));
        Assert.Empty(Codes(Details() with
        {
            Payment = new PaymentTerms(PaymentMode.Royalty, RoyaltyBase.SalesRevenue, 0.05m, RoyaltyRateSchedule.DecreasingYearly),
        }));
    }

    [Fact]
    public void Entry_fee_plus_royalty_needs_the_entry_fee()
    {
        var d = Details() with { Payment = new PaymentTerms(PaymentMode.EntryFeePlusRoyalty, RoyaltyBase.Profit, 0.1m, RoyaltyRateSchedule.Fixed) };
        Assert.Contains("contract.entry_fee_missing", Codes(d));
    }

    [Fact]
    public void Instalments_adding_up_to_more_than_the_total_are_invalid()
    {
        var d = Details(100_000m) with
        {
            Payment = new PaymentTerms(PaymentMode.LumpSumInstallments,
                Installments: [new Installment(new DateOnly(2026, 6, 1), 60_000m), new Installment(new DateOnly(2026, 12, 1), 60_000m)]),
        };
        Assert.Contains("contract.installments_exceed_total", Codes(d));
    }

    [Fact]
    public void Entity_nature_detail_codes_belong_to_their_group()
    {
        Assert.Equal("020", EntityNatures.Group("022"));
        Assert.Equal("100", EntityNatures.Group("170"));
        Assert.Equal("400", EntityNatures.Group("400"));
    }
}

using Microsoft.Extensions.Configuration;
using TechTransfer.Contracts;
using TechTransfer.Contracts.Domain;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

/// <summary>R0.2 / R2.10: which rule set judges what — content by the signing date, procedure by the acceptance date, the registry's jurisdiction first.</summary>
public sealed class RuleSetSelectionTests
{
    private static readonly DateTimeOffset NewYearsEve2025 = At(2025, 12, 31);
    private static readonly DateTimeOffset AcceptedIn2026 = At(2026, 1, 5);

    private static ContractDetails SignedIn2025() => Details() with
    {
        SignedDate = new DateOnly(2025, 12, 1), ValidFrom = new DateOnly(2025, 12, 1), ValidTo = new DateOnly(2026, 12, 31),
    };

    private static TechnologyContract SubmittedOn(ContractDetails d, DateTimeOffset at, ContractRuleSetCatalog catalog)
    {
        var c = TechnologyContract.Draft(d, Orgs.Fudan, null, at, catalog).Value;
        c.AddAttachment(new AttachmentInfo(AttachmentKind.ContractText, "c.pdf", "application/pdf", 1, null, at), at);
        Assert.True(c.Submit(Orgs.Fudan, null, at, catalog).IsSuccess);
        return c;
    }

    private static ContractRuleSetCatalog WithShanghaiPractice(Jurisdiction registry) => new(ContractRuleSetCatalog.DefaultSets().Append(new ContractRuleSet
    {
        RuleSetId = ContractRuleSetCatalog.Shanghai2026Practice, Jurisdiction = Jurisdiction.Shanghai, EffectiveFrom = new DateOnly(2026, 1, 1),
        SourceRef = "local practice: 10 working days (R2.10)", StandardSlaDays = 10,
    }), registry);

    [Fact]
    public void The_sla_of_a_contract_submitted_in_one_regime_and_accepted_in_the_next_follows_the_acceptance_date()
    {
        var c = SubmittedOn(SignedIn2025(), NewYearsEve2025, Catalog);
        Assert.True(c.Accept(Orgs.Registry, null, AcceptedIn2026, Catalog, Calendar).IsSuccess);
        Assert.Equal(ContractRuleSetCatalog.National2026, c.ProcedureRuleSetId);
        Assert.Equal((SlaDayKind.WorkingDays, 15), (c.SlaDayKind!.Value, c.SlaDays!.Value));
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2026, 1, 5), 15), c.DueDate);
    }

    [Fact]
    public void The_content_of_that_contract_is_still_judged_by_the_rules_of_its_signing_date()
    {
        // a legacy licence (licensing as a sub-type of transfer) is only accepted by the 2000 regime
        var legacyLicence = SignedIn2025() with
        {
            Category = ContractCategory.Transfer, SubType = ContractSubType.PatentLicense, ExpectedNewInvestment = 1m, ExpectedNewOutput = 2m,
            Licence = new LicenceTerms(LicenseScope.NonExclusive, "中国大陆", new DateOnly(2025, 12, 1), new DateOnly(2026, 12, 31)),
        };
        var c = SubmittedOn(legacyLicence, NewYearsEve2025, Catalog);
        Assert.True(c.Accept(Orgs.Registry, null, AcceptedIn2026, Catalog, Calendar).IsSuccess);
        Assert.Equal(ContractRuleSetCatalog.National2000, c.ContentRuleSetId);
        Assert.True(c.Register(c.DeclaredTechTransactionAmount, ShanghaiOffice, new FakeIssuer(), null, At(2026, 1, 6), Catalog).IsSuccess);
    }

    [Fact]
    public void The_large_contract_threshold_is_the_one_in_force_on_the_acceptance_date()
    {
        var sets = ContractRuleSetCatalog.DefaultSets()
            .Select(s => s.RuleSetId == ContractRuleSetCatalog.National2026 ? s with { EffectiveTo = new DateOnly(2026, 6, 30) } : s)
            .Append(new ContractRuleSet
            {
                RuleSetId = "National-2026-H2", EffectiveFrom = new DateOnly(2026, 7, 1), SourceRef = "test: threshold raised to 10,000,000",
                LargeContractThreshold = 10_000_000m,
            });
        var catalog = new ContractRuleSetCatalog(sets);
        var d = Details(6_000_000m) with { SignedDate = new DateOnly(2026, 6, 1), ValidFrom = new DateOnly(2026, 6, 1), ValidTo = new DateOnly(2027, 5, 31) };
        var c = SubmittedOn(d, At(2026, 6, 30), catalog);
        Assert.True(c.IsLargeContract); // provisional, by the threshold of the submission day
        Assert.True(c.Accept(Orgs.Registry, null, At(2026, 7, 1), catalog, Calendar).IsSuccess);
        Assert.False(c.IsLargeContract);
        Assert.Equal(15, c.SlaDays);
        Assert.True(c.CanRegister(c.DeclaredTechTransactionAmount, catalog).IsSuccess); // no expert review needed
    }

    [Fact]
    public void A_shanghai_rule_set_applies_to_contracts_registered_at_a_shanghai_office()
    {
        var c = Submitted();
        Assert.True(c.Accept(Orgs.Registry, null, At(2026, 3, 2), WithShanghaiPractice(Jurisdiction.Shanghai), Calendar).IsSuccess);
        Assert.Equal(ContractRuleSetCatalog.Shanghai2026Practice, c.ProcedureRuleSetId);
        Assert.Equal(10, c.SlaDays);
    }

    [Fact]
    public void A_national_office_uses_the_national_rule_set_even_when_a_shanghai_one_is_configured()
    {
        var c = Submitted();
        Assert.True(c.Accept(Orgs.Registry, null, At(2026, 3, 2), WithShanghaiPractice(Jurisdiction.National), Calendar).IsSuccess);
        Assert.Equal(ContractRuleSetCatalog.National2026, c.ProcedureRuleSetId);
        Assert.Equal(15, c.SlaDays);
    }

    [Fact]
    public void The_content_rules_of_a_shanghai_office_are_shanghai_ones_where_it_has_them()
    {
        var catalog = WithShanghaiPractice(Jurisdiction.Shanghai);
        Assert.Equal(ContractRuleSetCatalog.Shanghai2026Practice, catalog.ContentRules(new DateOnly(2026, 2, 20)).RuleSetId);
        Assert.Equal(ContractRuleSetCatalog.National2000, catalog.ContentRules(new DateOnly(2025, 2, 20)).RuleSetId); // none of its own then
    }

    [Theory]
    [InlineData("310000", null, Jurisdiction.Shanghai)]
    [InlineData("310104", null, Jurisdiction.Shanghai)]
    [InlineData("110000", null, Jurisdiction.National)]
    [InlineData("310000", Jurisdiction.National, Jurisdiction.National)]
    public void The_registry_jurisdiction_comes_from_the_office_division_unless_configured(string office, Jurisdiction? configured, Jurisdiction expected)
    {
        var o = new ContractsOptions { OfficeDivisionCode = office, Jurisdiction = configured };
        Assert.Equal(expected, o.RegistryJurisdiction);
        Assert.Equal(expected, o.Catalog().RegistryJurisdiction);
    }

    [Fact]
    public void Rule_sets_are_read_from_configuration()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contracts:RuleSets:0:RuleSetId"] = "National-2026", ["Contracts:RuleSets:0:EffectiveFrom"] = "2026-01-01", ["Contracts:RuleSets:0:SourceRef"] = "cfg",
            ["Contracts:RuleSets:1:RuleSetId"] = "Shanghai-2026", ["Contracts:RuleSets:1:Jurisdiction"] = "Shanghai", ["Contracts:RuleSets:1:EffectiveFrom"] = "2026-01-01",
            ["Contracts:RuleSets:1:SourceRef"] = "cfg", ["Contracts:RuleSets:1:StandardSlaDays"] = "10", ["Contracts:RuleSets:1:SlaDayKind"] = "WorkingDays",
        }).Build();
        var options = new ContractsOptions();
        config.GetSection(ContractsOptions.Section).Bind(options);
        Assert.True(new ContractsOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(10, options.Catalog().ProcedureRules(new DateOnly(2026, 3, 2)).StandardSlaDays);
    }

    [Fact]
    public void Overlapping_rule_sets_of_one_jurisdiction_stop_the_start()
    {
        var options = new ContractsOptions
        {
            RuleSets =
            [
                new ContractRuleSet { RuleSetId = "A", EffectiveFrom = new DateOnly(2026, 1, 1), SourceRef = "x" },
                new ContractRuleSet { RuleSetId = "B", EffectiveFrom = new DateOnly(2026, 6, 1), SourceRef = "x" },
            ],
        };
        var result = new ContractsOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("overlap", result.FailureMessage);
    }

    [Fact]
    public void A_rule_set_without_positive_sla_days_stops_the_start()
    {
        var options = new ContractsOptions
        {
            RuleSets = [new ContractRuleSet { RuleSetId = "A", EffectiveFrom = new DateOnly(2026, 1, 1), SourceRef = "x", StandardSlaDays = 0 }],
        };
        Assert.True(new ContractsOptionsValidator().Validate(null, options).Failed);
    }
}

using TechTransfer.Patents.Domain;
using TechTransfer.UnitTests.Patents;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>Spec §3.2: a declaration is submitted only when every check passes; each failing check is named.</summary>
public sealed class OpenLicenseSubmissionTests
{
    private static readonly OpenLicensingOptions Options = Declarations.Options;

    private static IReadOnlyList<string> FailingCodes(Patent patent, OpenLicenseDeclaration d)
    {
        var result = d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now);
        Assert.True(result.IsFailure);
        Assert.Equal("open_license.declaration_invalid", result.Error!.Code);
        Assert.Equal(OpenLicenseStatus.Draft, d.Status);
        return result.Error.FieldErrors.Select(f => f.Code).ToList();
    }

    [Fact]
    public void Declaration_for_a_granted_paid_unencumbered_invention_is_submitted()
    {
        var patent = PatentBuilder.Granted().Build();
        var d = Declarations.DraftFor(patent);
        var result = d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now);
        Assert.True(result.IsSuccess, result.Error?.En);
        Assert.Equal(OpenLicenseStatus.Submitted, d.Status);
        Assert.Empty(result.Value);
    }

    [Fact]
    public void Patent_without_announced_grant_cannot_be_declared()
    {
        var patent = PatentBuilder.Granted().NotGranted().Build();
        var d = Declarations.DraftFor(patent);
        Assert.Contains("open_license.patent_not_granted", FailingCodes(patent, d)); // R3.1
    }

    [Fact]
    public void Grant_announced_later_than_today_does_not_count()
    {
        var details = PatentBuilder.Granted().Details() with { GrantAnnouncementDate = PatentBuilder.Today.AddDays(5) };
        var patent = Patent.Register(Orgs.Fudan, details, PatentTermRules.Default, PatentBuilder.Now).Value;
        Assert.Contains("open_license.patent_not_granted", FailingCodes(patent, Declarations.DraftFor(patent))); // R3.1
    }

    [Theory]
    [InlineData(PatentType.UtilityModel)]
    [InlineData(PatentType.Design)]
    public void Utility_model_or_design_needs_an_evaluation_report(PatentType type)
    {
        var patent = PatentBuilder.Granted().OfType(type).Build();
        var d = Declarations.DraftFor(patent);
        Assert.Contains("open_license.evaluation_report_required", FailingCodes(patent, d)); // R3.2
    }

    [Fact]
    public void Utility_model_with_an_evaluation_report_is_submitted()
    {
        var patent = PatentBuilder.Granted().OfType(PatentType.UtilityModel).Build();
        var d = Declarations.DraftFor(patent, Declarations.Terms(end: new DateOnly(2030, 1, 1), evaluationReport: "PJ-2025-001"));
        Assert.True(d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now).IsSuccess);
    }

    [Fact]
    public void Invention_needs_no_evaluation_report()
    {
        var patent = PatentBuilder.Granted().OfType(PatentType.Invention).Build();
        var d = Declarations.DraftFor(patent);
        Assert.DoesNotContain("open_license.evaluation_report_required", d.CheckSubmission(patent, Options, PatentBuilder.Today).Select(f => f.Code));
    }

    [Theory]
    [InlineData(LicenseScope.Exclusive)]
    [InlineData(LicenseScope.Sole)]
    public void Patent_with_an_active_exclusive_or_sole_licence_cannot_be_declared(LicenseScope scope)
    {
        var patent = PatentBuilder.Granted().Build();
        patent.RecordLicence("甲企业", scope, new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1), false, PatentBuilder.Now);
        Assert.Contains("open_license.exclusive_licence_exists", FailingCodes(patent, Declarations.DraftFor(patent))); // R3.3
    }

    [Fact]
    public void Ended_exclusive_licence_does_not_block_the_declaration()
    {
        var patent = PatentBuilder.Granted().Build();
        patent.RecordLicence("甲企业", LicenseScope.Exclusive, new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31), false, PatentBuilder.Now);
        var d = Declarations.DraftFor(patent);
        Assert.True(d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now).IsSuccess);
    }

    [Fact]
    public void Suspended_patent_cannot_be_declared()
    {
        var patent = PatentBuilder.Granted().Build();
        patent.Suspend("权属纠纷 (2026)沪73民初1号", PatentBuilder.Now);
        Assert.Contains("open_license.patent_suspended", FailingCodes(patent, Declarations.DraftFor(patent))); // R3.4
    }

    [Fact]
    public void Patent_with_overdue_annual_fees_cannot_be_declared()
    {
        var patent = PatentBuilder.Granted().FeesPaidUntil(new DateOnly(2026, 3, 1)).Build();
        Assert.Contains("open_license.annual_fee_unpaid", FailingCodes(patent, Declarations.DraftFor(patent))); // R3.5
    }

    [Fact]
    public void Pledged_patent_needs_the_pledgee_consent()
    {
        var patent = PatentBuilder.Granted().Build();
        patent.AddPledge("上海银行", new DateOnly(2025, 6, 1), 2_000_000m, PatentBuilder.Now);
        Assert.Contains("open_license.pledgee_consent_required", FailingCodes(patent, Declarations.DraftFor(patent))); // R3.6
    }

    [Fact]
    public void Pledged_patent_with_pledgee_consent_is_submitted()
    {
        var patent = PatentBuilder.Granted().Build();
        patent.AddPledge("上海银行", new DateOnly(2025, 6, 1), 2_000_000m, PatentBuilder.Now);
        var d = Declarations.DraftFor(patent, Declarations.Terms(pledgeeConsent: "质权人同意书-001"));
        Assert.True(d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now).IsSuccess);
    }

    [Theory]
    [InlineData("本技术国内第一，保证收益")]
    [InlineData("World-leading battery technology")]
    public void Promotional_language_is_refused_and_quoted(string text)
    {
        var patent = PatentBuilder.Granted().Build();
        var d = Declarations.DraftFor(patent, Declarations.Terms(otherTerms: text));
        var result = d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now);
        var failure = Assert.Single(result.Error!.FieldErrors);
        Assert.Equal("open_license.promotional_language", failure.Code);
        Assert.Equal("R3.7", failure.Rule);
        Assert.Contains("第八十五条", failure.Zh);
    }

    [Fact]
    public void Ordinal_words_in_payment_terms_are_not_promotional()
    {
        var patent = PatentBuilder.Granted().Build();
        var d = Declarations.DraftFor(patent, Declarations.Terms(otherTerms: "分三期支付：签约时十万元，第一、二年末各十万元。"));
        Assert.True(d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now).IsSuccess); // R3.7 keyword list must not over-match
    }

    [Fact]
    public void Licence_term_past_patent_expiry_is_refused()
    {
        var patent = PatentBuilder.Granted().OfType(PatentType.UtilityModel).Build(); // expires 2030-05-09
        var d = Declarations.DraftFor(patent, Declarations.Terms(end: new DateOnly(2030, 5, 10), evaluationReport: "PJ-1"));
        Assert.Equal(["open_license.term_beyond_patent_expiry"], FailingCodes(patent, d)); // R3.8
    }

    [Fact]
    public void Licence_term_ending_on_the_expiry_day_is_allowed()
    {
        var patent = PatentBuilder.Granted().OfType(PatentType.UtilityModel).Build();
        var d = Declarations.DraftFor(patent, Declarations.Terms(end: patent.ExpiryDate, evaluationReport: "PJ-1"));
        Assert.True(d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now).IsSuccess);
    }

    [Fact]
    public void Every_failing_check_names_its_rule_id_as_a_field()
    {
        var patent = PatentBuilder.Granted().OfType(PatentType.Design).NotGranted().FeesPaidUntil(null).Build();
        patent.Suspend("财产保全", PatentBuilder.Now);
        patent.AddPledge("上海银行", new DateOnly(2025, 6, 1), null, PatentBuilder.Now);
        var d = Declarations.DraftFor(patent, Declarations.Terms(otherTerms: "顶级技术", end: new DateOnly(2040, 1, 1)));
        var result = d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now);
        var rules = result.Error!.FieldErrors.Select(f => f.Rule).ToList();
        Assert.Equal(["R3.1", "R3.2", "R3.4", "R3.5", "R3.6", "R3.7", "R3.8"], rules);
        Assert.Contains("7", result.Error.Zh);
    }

    [Fact]
    public void High_fixed_fee_is_a_soft_warning_not_a_block()
    {
        var patent = PatentBuilder.Granted().Build();
        var d = Declarations.DraftFor(patent, Declarations.Terms(fixedFee: 25_000_000m));
        var result = d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now);
        Assert.True(result.IsSuccess);
        Assert.Equal("open_license.fixed_fee_high", Assert.Single(result.Value).Code); // R3.9
    }

    [Fact]
    public void Royalty_above_the_profit_threshold_warns()
    {
        var patent = PatentBuilder.Granted().Build();
        var terms = Declarations.Terms(PaymentMode.Royalty) with { Fee = new FeeStandard(InitialPaymentYuan: 0, RoyaltyRatePercent: 45m, RoyaltyBase: RoyaltyBase.Profit) };
        var d = Declarations.DraftFor(patent, terms);
        Assert.Equal("open_license.royalty_high", Assert.Single(d.Warnings(Options)).Code); // R3.9
        var moderate = Declarations.DraftFor(patent, terms with { Fee = terms.Fee with { RoyaltyRatePercent = 30m } });
        Assert.Empty(moderate.Warnings(Options));
    }

    [Fact]
    public void Only_the_patentee_organisation_may_declare()
    {
        var patent = PatentBuilder.Granted().Build();
        var result = OpenLicenseDeclaration.Draft(patent, Orgs.Sjtu, Declarations.Terms(), PatentBuilder.Now);
        Assert.Equal(OpenLicenseErrors.NotPatentee.Code, result.Error?.Code);
        Assert.Equal(403, result.Error!.Status);
    }

    [Fact]
    public void Royalty_mode_without_a_rate_is_a_form_error()
    {
        var patent = PatentBuilder.Granted().Build();
        var terms = Declarations.Terms(PaymentMode.Royalty) with { Fee = new FeeStandard() };
        var result = OpenLicenseDeclaration.Draft(patent, Orgs.Fudan, terms, PatentBuilder.Now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "open_license.royalty_required");
    }
}

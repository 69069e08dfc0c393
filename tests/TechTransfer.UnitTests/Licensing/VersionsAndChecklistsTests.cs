using System.Reflection;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.UnitTests.Patents;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>
/// Issue #11 in the Patents domain: every change increments the aggregate's version (the concurrency token); every body
/// checklist returns all of its field errors at once, in both languages, before any state is consulted; rule ids are
/// the <c>Rule</c> of an error, never part of its message.
/// </summary>
public sealed class VersionsAndChecklistsTests
{
    private static readonly DateTimeOffset Now = Declarations.At(2026, 3, 2);

    [Fact]
    public void Every_change_to_a_patent_increments_its_version()
    {
        var patent = PatentBuilder.Granted().Build();
        var v = patent.Version;
        Assert.True(patent.AddPledge("银行", new DateOnly(2026, 1, 1), 1m, Now).IsSuccess);
        Assert.True(patent.Suspend("权属纠纷", Now).IsSuccess);
        patent.LiftSuspension(Now);
        Assert.True(patent.RecordLicence("乙公司", LicenseScope.NonExclusive, new DateOnly(2026, 4, 1), null, false, Now).IsSuccess);
        Assert.True(patent.RecordAnnualFeePaidUntil(new DateOnly(2027, 5, 9), Now).IsSuccess);
        Assert.Equal(v + 5, patent.Version);
    }

    [Fact]
    public void A_refused_change_leaves_the_patent_version_alone()
    {
        var patent = PatentBuilder.Granted().Build();
        var v = patent.Version;
        Assert.True(patent.RecordAnnualFeePaidUntil(new DateOnly(2025, 1, 1), Now).IsFailure);
        Assert.True(patent.Suspend("", Now).IsFailure);
        Assert.Equal(v, patent.Version);
    }

    [Fact]
    public void Every_change_to_a_declaration_including_its_grants_increments_its_version()
    {
        var (_, d) = Declarations.Active();
        var v = d.Version;
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知", new DateOnly(2026, 3, 10), Declarations.At(2026, 3, 12)).Value;
        Assert.True(d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "回单", new DateOnly(2026, 3, 12), Declarations.Options, Declarations.At(2026, 3, 12)).IsSuccess);
        Assert.True(d.OpenDispute(grant.Id, Orgs.EnterpriseB, DisputeChannel.Negotiation, "费用", Declarations.At(2026, 3, 13)).IsSuccess);
        Assert.True(d.RequestWithdrawal(Orgs.Fudan, Declarations.At(2026, 3, 14)).IsSuccess);
        Assert.Equal(v + 4, d.Version);
    }

    [Fact]
    public void Every_change_to_a_custody_agreement_increments_its_version()
    {
        var a = CustodyAgreement.Create(Orgs.Fudan, "TG-1", CustodySubjectType.Patent, Guid.NewGuid(), "标的", Orgs.TransferCo, "转移机构",
            new CustodyMandate([CustodyDealType.Listing], 1m, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)),
            [new CustodyBeneficiary("复旦大学", null, 100m)], Now).Value;
        var v = a.Version;
        Assert.True(a.Activate(Orgs.TransferCo, Now).IsSuccess);
        Assert.True(a.Operate(Orgs.TransferCo, new CustodyOperationRequest(CustodyDealType.Listing, "", 2m, null), Now).IsSuccess);
        Assert.True(a.Renew(Orgs.Fudan, new DateOnly(2028, 12, 31), Now).IsSuccess);
        Assert.True(a.Terminate(Orgs.Fudan, "终止", Now).IsSuccess);
        Assert.Equal(v + 4, a.Version);
    }

    [Fact]
    public void A_pledge_body_reports_every_problem_at_once_in_both_languages()
    {
        var errors = Patent.CheckPledge(null, default, -5m);
        Assert.Equal(["pledgee", "registeredOn", "securedAmountYuan"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Zh) || string.IsNullOrWhiteSpace(e.En)));
    }

    [Fact]
    public void A_licence_body_reports_a_text_too_long_for_its_column_and_an_unknown_scope_together()
    {
        var errors = Patent.CheckLicence(new string('甲', 201), (LicenseScope)42, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1));
        Assert.Equal(["patent.text_too_long", "patent.scope_invalid", "patent.licence_ends_before_start"], errors.Select(e => e.Code));
    }

    [Fact]
    public void A_custody_body_with_null_beneficiaries_and_unknown_deal_types_is_refused_without_throwing()
    {
        var errors = CustodyAgreement.Check(Orgs.Fudan, "", CustodySubjectType.Patent, Guid.Empty, null, Guid.Empty, null,
            new CustodyMandate([(CustodyDealType)99], -1m, default, default), [null, new CustodyBeneficiary("甲", null, 150m)]);
        var codes = errors.Select(e => e.Code).ToList();
        Assert.Contains("custody.agreement_no_required", codes);
        Assert.Contains("custody.subject_required", codes);
        Assert.Contains("custody.operator_required", codes);
        Assert.Contains("custody.deal_type_invalid", codes);
        Assert.Contains("custody.price_floor_negative", codes);
        Assert.Contains("custody.beneficiary_name_required", codes);
        Assert.Contains("custody.share_not_positive", codes);
    }

    [Fact]
    public void A_declaration_form_reports_every_problem_at_once()
    {
        var errors = OpenLicenseDeclaration.ValidateForm(new OpenLicenseTerms((PaymentMode)9, new FeeStandard(FixedFeeYuan: 1e15m, RoyaltyBase: (RoyaltyBase)9),
            new DateOnly(2030, 1, 1), new DateOnly(2029, 1, 1), new string('x', 4001), null, null, null));
        var fields = errors.Select(e => e.Field).ToList();
        Assert.Contains("paymentMode", fields);
        Assert.Contains("royaltyBase", fields);
        Assert.Contains("licenseTermEnd", fields);
        Assert.Contains("fixedFeeYuan", fields);
        Assert.Contains("otherTerms", fields);
    }

    [Fact]
    public void Every_submission_check_names_its_rule_and_cites_an_article_instead()
    {
        var patent = PatentBuilder.Granted().OfType(PatentType.UtilityModel).FeesPaidUntil(new DateOnly(2026, 1, 1)).Build();
        patent.Suspend("财产保全", Now);
        var d = Declarations.DraftFor(patent, Declarations.Terms(otherTerms: "国内第一", end: new DateOnly(2040, 1, 1)));
        var failures = d.CheckSubmission(patent, Declarations.Options, PatentBuilder.Today);
        Assert.Equal(["R3.2", "R3.4", "R3.5", "R3.7", "R3.8"], failures.Select(f => f.Rule));
        Assert.All(failures, f =>
        {
            Assert.DoesNotMatch(@"R\d+\.\d+", f.Zh + f.En);
            Assert.Matches("第.+条", f.Zh);
        });
    }

    private static readonly Lazy<Dictionary<string, Error>> AllErrors = new(() =>
    {
        var all = new Dictionary<string, Error>();
        foreach (var type in new[] { typeof(PatentErrors), typeof(OpenLicenseErrors), typeof(CustodyErrors), typeof(AnnualFeeErrors) })
        {
            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Error)))
                all[$"{type.Name}.{f.Name}"] = (Error)f.GetValue(null)!;
            foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(Error)))
                all[$"{type.Name}.{m.Name}()"] = (Error)m.Invoke(null, m.GetParameters().Select(p => Sample(p.ParameterType)).ToArray())!;
        }
        return all;
    });

    public static TheoryData<string> ModuleErrors() => new(AllErrors.Value.Keys);

    private static object? Sample(Type t) =>
        t == typeof(string) ? "x" : t == typeof(DateOnly) ? new DateOnly(2026, 1, 1) : t == typeof(decimal) ? 1m
        : t == typeof(int) ? 6 : t == typeof(IReadOnlyList<FieldError>) ? new List<FieldError>()
        : t == typeof(IReadOnlyList<CustodyDealType>) ? new List<CustodyDealType> { CustodyDealType.Listing }
        : t.IsEnum ? Enum.GetValues(t).GetValue(0) : Activator.CreateInstance(t);

    [Fact]
    public void The_error_catalogue_under_test_is_not_empty()
    {
        Assert.True(AllErrors.Value.Count > 40, $"only {AllErrors.Value.Count} errors found");
    }

    [Theory]
    [MemberData(nameof(ModuleErrors))]
    public void No_module_error_carries_a_rule_id_in_its_text_and_every_one_has_both_languages(string name)
    {
        var error = AllErrors.Value[name];
        Assert.False(string.IsNullOrWhiteSpace(error.Zh), name);
        Assert.False(string.IsNullOrWhiteSpace(error.En), name);
        Assert.DoesNotMatch(@"\bR\d+\.\d+", error.Zh + " " + error.En);
        Assert.All(error.FieldErrors, f => Assert.DoesNotMatch(@"\bR\d+\.\d+", f.Zh + " " + f.En));
    }

    [Fact]
    public void Errors_that_enforce_a_spec_rule_name_it()
    {
        Assert.Equal("R3.12", OpenLicenseErrors.WrittenNoticeRequired.Rule);
        Assert.Equal("R3.11", OpenLicenseErrors.WithdrawnBeforeEffective.Rule);
        Assert.Equal("R3.14", OpenLicenseErrors.DisputeChannelInvalid.Rule);
        Assert.Equal("R3.16", AnnualFeeErrors.GraceExpired(new DateOnly(2026, 1, 1), 6).Rule);
        Assert.Equal("R3.10", PatentErrors.ExclusiveLicenceWhileOpenLicence(LicenseScope.Sole).Rule);
    }
}

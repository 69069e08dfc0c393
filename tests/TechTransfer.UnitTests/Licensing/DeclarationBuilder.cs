using TechTransfer.Patents.Domain;
using TechTransfer.UnitTests.Patents;

namespace TechTransfer.UnitTests.Licensing;

public static class Declarations
{
    public static readonly OpenLicensingOptions Options = new();

    public static OpenLicenseTerms Terms(PaymentMode mode = PaymentMode.LumpSumOnce, string? otherTerms = "许可人提供技术资料一套",
        DateOnly? end = null, string? evaluationReport = null, string? pledgeeConsent = null, decimal fixedFee = 50_000m) => new(
        mode,
        mode switch
        {
            PaymentMode.LumpSumOnce => new FeeStandard(FixedFeeYuan: fixedFee),
            PaymentMode.LumpSumInstallments => new FeeStandard(FixedFeeYuan: fixedFee, InitialPaymentYuan: 10_000m),
            PaymentMode.Royalty => new FeeStandard(InitialPaymentYuan: 0m, RoyaltyRatePercent: 3m, RoyaltyBase: RoyaltyBase.SalesRevenue),
            _ => new FeeStandard(InitialPaymentYuan: 20_000m, RoyaltyRatePercent: 2m, RoyaltyBase: RoyaltyBase.SalesRevenue),
        },
        new DateOnly(2026, 4, 1), end ?? new DateOnly(2030, 12, 31), otherTerms, null, evaluationReport, pledgeeConsent);

    public static OpenLicenseDeclaration DraftFor(Patent patent, OpenLicenseTerms? terms = null) =>
        OpenLicenseDeclaration.Draft(patent, patent.OwnerOrganizationId, terms ?? Terms(), PatentBuilder.Now).Value;

    /// <summary>A declaration announced on 2026-03-10 for a granted invention owned by Fudan.</summary>
    public static (Patent Patent, OpenLicenseDeclaration Declaration) Active(PaymentMode mode = PaymentMode.LumpSumOnce)
    {
        var patent = PatentBuilder.Granted().Build();
        var d = DraftFor(patent, Terms(mode));
        var submitted = d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now);
        if (submitted.IsFailure) throw new InvalidOperationException(submitted.Error!.En);
        d.Announce("CN-OL-2026-0001", new DateOnly(2026, 3, 10));
        return (patent, d);
    }

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);
}

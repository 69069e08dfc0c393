using Microsoft.Extensions.Options;
using TechTransfer.Patents.Domain;

namespace TechTransfer.Patents;

/// <summary>Refuses to start with an open-licensing or annual-fee [CFG] value that would make a rule meaningless (spec §3).</summary>
public sealed class OpenLicensingOptionsValidator : IValidateOptions<OpenLicensingOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenLicensingOptions o)
    {
        var problems = new List<string>();
        if (o.AnnualFeeReductionRate is < 0 or > 1) problems.Add("OpenLicensing:AnnualFeeReductionRate must be between 0 and 1");
        if (o.AnnualFeeGraceMonths is < 0 or > 24) problems.Add("OpenLicensing:AnnualFeeGraceMonths must be 0 to 24");
        if (o.LateSurchargeRatePerMonth is < 0 or > 1) problems.Add("OpenLicensing:LateSurchargeRatePerMonth must be between 0 and 1");
        if (o.FilingDueMonths is < 1 or > 24) problems.Add("OpenLicensing:FilingDueMonths must be 1 to 24");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

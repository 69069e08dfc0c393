using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Contracts.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Contracts.Features.Tax;

/// <summary>
/// <c>GET /api/v1/contracts/cit-relief</c>: the enterprise (by default the caller's organisation), the tax year and the
/// deductions of the transfer income (intangible amortisation, related taxes and fees, allocated period expenses).
/// </summary>
public sealed record CitReliefQuery(int? Year = null, Guid? OrganizationId = null, decimal? Amortisation = null, decimal? Taxes = null, decimal? Expenses = null);

/// <summary>
/// R2.13 per enterprise and tax year (information, not tax advice): the caller's organisation's registered contracts of the
/// year, or — for registrars and platform administrators — those of the organisation they name.
/// </summary>
public sealed class CitReliefService(ICurrentUser user, IOptions<ContractsOptions> options, IReferenceCheck references, ContractService contracts)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Registrars and platform administrators may assess any organisation; everyone else their own.</summary>
    public bool MayNameAnyOrganization => ContractVisibility.SeesSubmittedContracts(user);

    public async Task<Result<CitYearAssessment>> AssessAsync(CitReliefQuery query, CancellationToken ct)
    {
        var registry = MayNameAnyOrganization;
        if (!registry && (user.OrganizationId is null || !user.IsInAnyRole(ContractService.DraftingRoles))) return Error.Forbidden;
        if (!registry && query.OrganizationId is { } other && other != user.OrganizationId) return Error.Forbidden;

        var errors = new FieldErrors();
        if (query.Year is null) errors.Add(ContractErrors.Required("year", "纳税年度", "The tax year"));
        else if (query.Year is < MinYear or > MaxYear) errors.Add(ContractErrors.TaxYearInvalid);
        if (query.Amortisation < 0) errors.Add(ContractErrors.CostNegative("amortisation"));
        if (query.Taxes < 0) errors.Add(ContractErrors.CostNegative("taxes"));
        if (query.Expenses < 0) errors.Add(ContractErrors.CostNegative("expenses"));
        // a registrar names the enterprise; anyone else assesses their own organisation
        var enterprise = query.OrganizationId ?? (registry ? null : user.OrganizationId);
        if (enterprise is null) errors.Add(ContractErrors.Required("organizationId", "企业", "The enterprise"));
        else if (query.OrganizationId is { } named && await references.CheckAsync("organizationId", RecordTypes.Organization, named, ct) is { } missing)
            errors.Add(missing);
        if (errors.ToError() is { } invalid) return invalid;

        var org = enterprise!.Value;
        var year = query.Year!.Value;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var list = await contracts.Visible().AsNoTracking()
            .Where(c => c.RegistrationNo != null && c.RegisteredDate >= from && c.RegisteredDate <= to
                        && c.Parties.Any(p => p.Role == PartyRole.Seller && p.OrganizationId == org))
            .ToListAsync(ct);
        var tax = options.Value.Tax;
        return TaxBenefits.CitForEnterprise(org, year, list, query.Amortisation ?? 0, query.Taxes ?? 0, query.Expenses ?? 0,
            tax.ExemptionThreshold, tax.StandardRate, tax.MinimumLicenceYears);
    }
}

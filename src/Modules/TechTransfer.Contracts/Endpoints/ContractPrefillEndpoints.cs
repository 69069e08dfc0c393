using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Platform;
using TechTransfer.Contracts.Features;
using TechTransfer.Contracts.Features.Income;
using TechTransfer.Contracts.Features.Prefill;

namespace TechTransfer.Contracts.Endpoints;

/// <summary>Contracts prefilled from a deal recorded in another module (open-licence grant, challenge award, later exchange deal).</summary>
internal static class ContractPrefillEndpoints
{
    public static void MapContractPrefillEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/contracts/prefill").WithTags("Contracts").RequireAuthorization();
        g.MapPost("/", PrefillContract).WithName(nameof(PrefillContract))
            .WithSummary("Create a draft from a source record {sourceType: openLicenseGrant|challengeAward, sourceId}; the seller side of the source only (R2.8)");
        var c = app.MapGroup("/api/v1/contracts/{id:guid}/income-certifications").WithTags("Contracts").RequireAuthorization();
        c.MapPost("/", CertifyIncome).WithName(nameof(CertifyIncome))
            .WithSummary("技术性收入核定: the registrar certifies technology income received for a period (blocked while a correction is pending, R2.3)");
        c.MapGet("/", ListIncomeCertifications).WithName(nameof(ListIncomeCertifications));
    }

    internal static async Task<Results<Created<IncomeCertificationResponse>, ProblemHttpResult>> CertifyIncome(Guid id, IncomeCertificationBody body,
        IncomeCertificationService service, CancellationToken ct)
    {
        var r = await service.CertifyAsync(id, body, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Created($"/api/v1/contracts/{id}/income-certifications/{r.Value.Id}", r.Value);
    }

    internal static async Task<Results<Ok<IReadOnlyList<IncomeCertificationResponse>>, ProblemHttpResult>> ListIncomeCertifications(Guid id,
        IncomeCertificationService service, CancellationToken ct)
    {
        var r = await service.ListAsync(id, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<Created<ContractResponse>, ProblemHttpResult>> PrefillContract(PrefillRequest request, ContractPrefillService service, CancellationToken ct)
    {
        var r = await service.PrefillAsync(request, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Created($"/api/v1/contracts/{r.Value.Id}", r.Value);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Exchange.Features.Evidence;
using TechTransfer.Platform;

namespace TechTransfer.Exchange.Endpoints.Evidence;

internal static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/evidence/deals/{id:guid}", VerifyDealEvidence).WithName(nameof(VerifyDealEvidence)).WithTags("Evidence")
            .AllowAnonymous()
            .WithSummary("Public verification of a deal's evidence hash chains (确权 · 鉴证): chain head, record count, the steps by kind and time, and the first broken link with what was altered — anyone, nothing confidential")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/exchange/deals/{id:guid}/attestation.pdf", DealAttestationPdf).WithName(nameof(DealAttestationPdf)).WithTags("Evidence")
            .RequireAuthorization()
            .WithSummary("The transaction attestation certificate (交易鉴证书) as a PDF — parties, object, price, steps, chain head and the public verification address; for the deal's parties and the exchange operator")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Results<Ok<DealVerification>, ProblemHttpResult>> VerifyDealEvidence(Guid id, EvidenceService service, CancellationToken ct)
    {
        var result = await service.VerifyAsync(id, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DealAttestationPdf(Guid id, EvidenceService service, HttpContext http, CancellationToken ct)
    {
        var result = await service.CertificateAsync(id, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.File(result.Value.Pdf, "application/pdf", result.Value.FileName);
    }
}

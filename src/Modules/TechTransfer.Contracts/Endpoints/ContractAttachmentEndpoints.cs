using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Platform;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Features;
using TechTransfer.Contracts.Features.Attachments;

namespace TechTransfer.Contracts.Endpoints;

/// <summary>Attachment files: upload (multipart, seller side) and download (parties and registrars).</summary>
internal static class ContractAttachmentEndpoints
{
    public static void MapContractAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/contracts/{id:guid}/attachments").WithTags("Contracts").RequireAuthorization();
        g.MapPost("/files", UploadContractAttachment).WithName(nameof(UploadContractAttachment)).DisableAntiforgery()
            .WithSummary("Upload an attachment file (multipart: file, kind); type recognised from the content, size limited, SHA-256 stored");
        g.MapGet("/{attachmentId:guid}", DownloadContractAttachment).WithName(nameof(DownloadContractAttachment))
            .WithSummary("Download an attachment file (parties and registrars only)");
    }

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> UploadContractAttachment(
        Guid id, IFormFile? file, [FromForm] AttachmentKind? kind, [FromForm] int? version, ContractAttachmentService service, CancellationToken ct)
    {
        var r = await service.UploadAsync(id, kind, file?.FileName, file?.Length ?? 0, file is null ? null : file.OpenReadStream, version, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadContractAttachment(
        Guid id, Guid attachmentId, HttpContext http, ContractAttachmentService service, CancellationToken ct)
    {
        var r = await service.OpenAsync(id, attachmentId, ct);
        if (r.IsFailure) return r.Error!.ToProblem();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(r.Value.Content, r.Value.Info.ContentType, r.Value.Info.FileName);
    }
}

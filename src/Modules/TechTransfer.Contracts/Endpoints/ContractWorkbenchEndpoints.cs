using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Platform;
using TechTransfer.Contracts.Features.Workbench;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Endpoints;

/// <summary>Registrar workbench bulk actions (accept, assign) and the Excel export of a selection.</summary>
internal static class ContractWorkbenchEndpoints
{
    public static void MapContractWorkbenchEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/contracts/bulk").WithTags("Contracts").RequireAuthorization();
        g.MapPost("/", BulkContractAction).WithName(nameof(BulkContractAction))
            .WithSummary("Registrar bulk action on a selection: accept or assign; each contract is applied on its own with its own result (never bulk registration, R2.10)");
        g.MapPost("/export", ExportContractSelection).WithName(nameof(ExportContractSelection))
            .WithSummary("The selected contracts as an Excel sheet (registrars)");
        // The workbench page's "export selected" button posts its form here (cookie + antiforgery token).
        app.MapPost("/contracts/workbench/export", ExportWorkbenchForm).RequireAuthorization().ExcludeFromDescription();
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportWorkbenchForm(
        HttpContext http, IAntiforgery antiforgery, ContractBulkService service, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return PlatformErrors.FormExpired.ToProblem();
        var form = await http.Request.ReadFormAsync(ct);
        var ids = form["ids"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        return await ExportContractSelection(new BulkExportRequest(ids), service, ct);
    }

    internal static async Task<Results<Ok<BulkActionResult>, ProblemHttpResult>> BulkContractAction(BulkActionRequest request, ContractBulkService service, CancellationToken ct)
    {
        var r = await service.ApplyAsync(request, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportContractSelection(BulkExportRequest request, ContractBulkService service, CancellationToken ct)
    {
        var r = await service.ExportAsync(request, ct);
        return r.IsFailure ? r.Error!.ToProblem()
            : TypedResults.File(r.Value, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "contracts-selection.xlsx");
    }
}

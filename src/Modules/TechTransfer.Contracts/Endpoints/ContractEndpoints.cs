using TechTransfer.SharedKernel.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Contracts.Features;
using TechTransfer.Contracts.Features.Import;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.Contracts.Features.Tax;
using TechTransfer.Platform;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Endpoints;

internal static class ContractEndpoints
{
    public static void MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/contracts").WithTags("Contracts").RequireAuthorization();
        g.MapGet("/", ListContracts).WithName(nameof(ListContracts)).WithSummary("List contracts visible to the caller; registrars see the queue sorted by due date");
        g.MapGet("/export", ExportContracts).WithName(nameof(ExportContracts))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The contract list's rows as Excel (.xlsx)")
            .WithDescription("Every row the caller may see that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        g.MapGet("/{id:guid}", GetContract).WithName(nameof(GetContract));
        g.MapPost("/", CreateContract).WithName(nameof(CreateContract)).WithSummary("Create a draft (seller side, R2.8)");
        g.MapPut("/{id:guid}", UpdateContract).WithName(nameof(UpdateContract));
        g.MapPost("/{id:guid}/attachments", AddAttachment).WithName(nameof(AddAttachment));
        g.MapPost("/{id:guid}/submit", SubmitContract).WithName(nameof(SubmitContract)).WithSummary("Submit, or resubmit after supplements (R2.7–R2.9)");
        g.MapPost("/{id:guid}/accept", AcceptContract).WithName(nameof(AcceptContract)).WithSummary("Registrar accepts: the SLA clock starts (R2.10)");
        g.MapPost("/{id:guid}/supplements", RequestSupplements).WithName(nameof(RequestSupplements)).WithSummary("Registrar requests supplements: the clock stops");
        g.MapPost("/{id:guid}/expert-review", SendToExpertReview).WithName(nameof(SendToExpertReview)).WithSummary("Large or disputed contracts (R2.4)");
        g.MapPost("/{id:guid}/register", RegisterContract).WithName(nameof(RegisterContract)).WithSummary("Register with an assessed technology transaction amount");
        g.MapPost("/{id:guid}/reject", RejectContract).WithName(nameof(RejectContract));
        g.MapPost("/{id:guid}/changes", ChangeRegistration).WithName(nameof(ChangeRegistration)).WithSummary("变更登记 (R2.11)");
        g.MapPost("/{id:guid}/corrections", FileCorrection).WithName(nameof(FileCorrection)).WithSummary("补正 by the registrant (R2.3)");
        g.MapPost("/{id:guid}/cancel", CancelRegistration).WithName(nameof(CancelRegistration));
        g.MapPost("/{id:guid}/revoke", RevokeRegistration).WithName(nameof(RevokeRegistration));
        g.MapPost("/{id:guid}/objections", FileObjection).WithName(nameof(FileObjection));
        g.MapPost("/{id:guid}/objections/resolve", ResolveObjection).WithName(nameof(ResolveObjection));
        g.MapPost("/{id:guid}/not-duplicate", ClearDuplicate).WithName(nameof(ClearDuplicate));
        g.MapPost("/{id:guid}/benefits", RecordBenefit).WithName(nameof(RecordBenefit)).WithSummary("Record a reward payout or tax-relief certificate (blocked while a correction is pending, R2.3)");
        g.MapGet("/{id:guid}/certificate", GetCertificate).WithName(nameof(GetCertificate)).WithSummary("The registration certificate (PDF, Chinese)");
        g.MapGet("/statistics", GetStatistics).WithName(nameof(GetStatistics))
            .WithSummary("Turnover, technology transaction amount and counts; groupBy = year|month|category|sellerNature|division|district|field|buyerType|regionFlow; format=xlsx for Excel");
        g.MapPost("/import", ImportContracts).WithName(nameof(ImportContracts)).DisableAntiforgery()
            .WithSummary("Bulk import from Excel; nothing is imported if any row is bad unless skipInvalid=true");
        g.MapGet("/import/template", ImportTemplate).WithName(nameof(ImportTemplate));
        g.MapGet("/calendar", GetCalendar).WithName(nameof(GetCalendar)).WithSummary("Holiday calendar used for working-day deadlines (R0.3)");
        g.MapGet("/cit-relief", CitRelief).WithName(nameof(CitRelief))
            .WithSummary("CIT relief per enterprise and tax year (R2.13): the year's technology transfer income over the enterprise's registered contracts; information only");
    }

    private static Results<Ok<ContractResponse>, ProblemHttpResult> Out(Result<ContractResponse> r) =>
        r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);

    internal static async Task<Results<Ok<PagedResult<ContractSummary>>, ProblemHttpResult>> ListContracts(
        [AsParameters] ContractListQuery query, ContractService service, CancellationToken ct)
    {
        var r = await service.ListAsync(query, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportContracts(
        [AsParameters] ContractListQuery query, ContractService service, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await service.ExportAsync(query, ct), Pages.ContractListColumns.All, Pages.ContractUi.R("Contracts"), "contracts", clock.GetUtcNow());

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> GetContract(Guid id, ContractService service, CancellationToken ct) =>
        Out(await service.GetAsync(id, ct));

    internal static async Task<Results<Created<ContractResponse>, ProblemHttpResult>> CreateContract(ContractRequest request, ContractService service, CancellationToken ct)
    {
        var r = await service.CreateAsync(request, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Created($"/api/v1/contracts/{r.Value.Id}", r.Value);
    }

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> UpdateContract(Guid id, ContractRequest request, ContractService service, CancellationToken ct) =>
        Out(await service.UpdateAsync(id, request, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> AddAttachment(Guid id, AttachmentRequest request, ContractService service, CancellationToken ct) =>
        Out(await service.AddAttachmentAsync(id, request, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> SubmitContract(Guid id, int? version, ContractService service, CancellationToken ct) =>
        Out(await service.SubmitAsync(id, version, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> AcceptContract(Guid id, int? version, ContractService service, CancellationToken ct) =>
        Out(await service.AcceptAsync(id, version, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> RequestSupplements(Guid id, SupplementRequestBody body, ContractService service, CancellationToken ct) =>
        Out(await service.RequestSupplementAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> SendToExpertReview(Guid id, ExpertReviewBody body, ContractService service, CancellationToken ct) =>
        Out(await service.ExpertReviewAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> RegisterContract(Guid id, RegisterBody body, ContractService service, CancellationToken ct) =>
        Out(await service.RegisterAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> RejectContract(Guid id, RejectBody body, ContractService service, CancellationToken ct) =>
        Out(await service.RejectAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> ChangeRegistration(Guid id, ChangeBody body, ContractService service, CancellationToken ct) =>
        Out(await service.ChangeAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> FileCorrection(Guid id, CorrectionBody body, ContractService service, CancellationToken ct) =>
        Out(await service.FileCorrectionAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> CancelRegistration(Guid id, ReasonBody body, ContractService service, CancellationToken ct) =>
        Out(await service.CancelAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> RevokeRegistration(Guid id, RevokeBody body, ContractService service, CancellationToken ct) =>
        Out(await service.RevokeAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> FileObjection(Guid id, ObjectionBody body, ContractService service, CancellationToken ct) =>
        Out(await service.FileObjectionAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> ResolveObjection(Guid id, ResolveObjectionBody body, ContractService service, CancellationToken ct) =>
        Out(await service.ResolveObjectionAsync(id, body, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> ClearDuplicate(Guid id, int? version, ContractService service, CancellationToken ct) =>
        Out(await service.ClearDuplicateAsync(id, version, ct));

    internal static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> RecordBenefit(Guid id, BenefitBody body, ContractService service, CancellationToken ct) =>
        Out(await service.RecordBenefitAsync(id, body, ct));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCertificate(Guid id, ContractService service, CancellationToken ct)
    {
        var r = await service.CertificateAsync(id, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.File(r.Value, "application/pdf", $"certificate-{id:N}.pdf");
    }

    internal static async Task<Results<Ok<StatisticsResponse>, FileContentHttpResult, ProblemHttpResult>> GetStatistics(
        DateOnly? from, DateOnly? to, string? groupBy, string? format, ICurrentUser user, ContractStatisticsStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!user.IsInAnyRole(Roles.Registrar, Roles.Analyst, Roles.PlatformAdmin)) return Error.Forbidden.ToProblem();
        var g = ContractStatistics.ParseGroupBy(groupBy);
        if (g.IsFailure) return g.Error!.ToProblem();
        var today = BusinessTime.DateOf(clock.GetUtcNow());
        var r = await store.QueryAsync(from ?? new DateOnly(today.Year, 1, 1), to ?? today, g.Value, ct);
        if (r.IsFailure) return r.Error!.ToProblem();
        var s = r.Value;
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
            return TypedResults.File(ContractStatistics.ToExcel(s), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"contract-statistics-{s.GroupBy}-{s.From:yyyyMMdd}-{s.To:yyyyMMdd}.xlsx");
        return TypedResults.Ok(new StatisticsResponse(s.From, s.To, s.GroupBy, s.Count, s.TotalAmount, s.TechTransactionAmount, s.Rows, "pre-aggregated"));
    }

    internal static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportContracts(
        IFormFile file, bool? skipInvalid, ContractService service, CancellationToken ct)
    {
        await using var s = file.OpenReadStream();
        using var ms = new MemoryStream();
        await s.CopyToAsync(ms, ct);
        ms.Position = 0;
        var r = await service.ImportAsync(ms, skipInvalid == true, ct);
        if (r.IsFailure) return r.Error!.ToProblem();
        if (r.Value.Imported == 0 && r.Value.Invalid > 0 && !r.Value.SkippedInvalid)
        {
            return ContractImportErrors.RowsInvalid(r.Value.Invalid, r.Value.Errors).ToProblem();
        }
        return TypedResults.Ok(r.Value);
    }

    internal static FileContentHttpResult ImportTemplate() =>
        TypedResults.File(ContractExcelImport.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "contract-import-template.xlsx");

    internal static Ok<object> GetCalendar(int? year, HolidayCalendar calendar) =>
        TypedResults.Ok<object>(new
        {
            years = calendar.Years,
            days = calendar.Days.Where(d => year is null || d.Date.Year == year),
        });

    internal static async Task<Results<Ok<CitYearAssessment>, ProblemHttpResult>> CitRelief([AsParameters] CitReliefQuery query, CitReliefService service, CancellationToken ct)
    {
        var r = await service.AssessAsync(query, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Domain.Import;
using TechTransfer.Patents.Features.Custody;
using TechTransfer.Patents.Features.OpenLicenses;
using TechTransfer.Patents.Features.Patents;
using TechTransfer.Platform;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Endpoints;

internal static class PatentEndpoints
{
    private static Results<Ok<T>, ProblemHttpResult> OkOr<T>(Result<T> r) => r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);

    public static void MapPatentEndpoints(this IEndpointRouteBuilder app)
    {
        var patents = app.MapGroup("/api/v1/patents").WithTags("Patents").RequireAuthorization();
        patents.MapGet("/", ListPatents).WithName(nameof(ListPatents)).WithSummary("List the organisation's patents (专利) with paging and filters");
        patents.MapGet("/export", ExportPatents).WithName(nameof(ExportPatents))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The patent list's rows as Excel (.xlsx)")
            .WithDescription("Every patent of the caller's organisation (every patent for platform admins) that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        patents.MapGet("/{id:guid}", GetPatent).WithName(nameof(GetPatent));
        patents.MapPost("/", CreatePatent).WithName(nameof(CreatePatent))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        patents.MapPut("/{id:guid}", UpdatePatent).WithName(nameof(UpdatePatent))
            .WithSummary("Edit a patent record; the body names the version read (stale → 409 concurrency.conflict)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        patents.MapPost("/import", ImportPatents).WithName(nameof(ImportPatents)).DisableAntiforgery()
            .WithSummary("Import patents from a patent-office style .xlsx or .csv export (multipart field 'file'); nothing is imported from a file with errors unless skipInvalid=true")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        patents.MapPost("/{id:guid}/legal-status", ChangeLegalStatus).WithName(nameof(ChangeLegalStatus));
        patents.MapPost("/{id:guid}/annual-fee-paid", RecordAnnualFeePaid).WithName(nameof(RecordAnnualFeePaid));
        patents.MapPost("/{id:guid}/pledges", AddPledge).WithName(nameof(AddPledge));
        patents.MapPost("/{id:guid}/pledges/{pledgeId:guid}/release", ReleasePledge).WithName(nameof(ReleasePledge));
        patents.MapPost("/{id:guid}/suspension", SuspendPatent).WithName(nameof(SuspendPatent));
        patents.MapDelete("/{id:guid}/suspension", LiftSuspension).WithName(nameof(LiftSuspension))
            .WithSummary("Lift a suspension; ?version= names the version read (stale → 409)");
        patents.MapPost("/{id:guid}/licences", RecordLicence).WithName(nameof(RecordLicence))
            .WithSummary("Record an existing licence; exclusive and sole licences are refused while an open licence is in force (R3.10)");
        patents.MapPost("/annual-fee-quote", QuoteAnnualFee).WithName(nameof(QuoteAnnualFee))
            .WithSummary("Annual fee with the open-licence reduction (R3.15) and late surcharge (R3.16)");

        var open = app.MapGroup("/api/v1/open-licenses").WithTags("Open licences");
        open.MapGet("/", ListOpenLicenses).WithName(nameof(ListOpenLicenses)).AllowAnonymous()
            .WithSummary("Announced open licences (public) and, for the patentee, its own drafts; with filters, sorting and paging");
        open.MapGet("/export", ExportOpenLicenses).WithName(nameof(ExportOpenLicenses)).RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The open-licence list's rows as Excel (.xlsx)")
            .WithDescription("Every declaration the caller may see that matches the list's filters (the catalogue, mine=true or licensed=true), in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        open.MapGet("/filing-tasks", ListFilingTasks).WithName(nameof(ListFilingTasks)).RequireAuthorization()
            .WithSummary("R3.13 licence filing (备案) tasks of the caller's organisation, due within 3 months of effectiveness; openOnly=true hides filed ones");
        open.MapGet("/patent-choices", ListOpenLicencePatentChoices).WithName(nameof(ListOpenLicencePatentChoices)).RequireAuthorization()
            .WithSummary("The office's patents for the declaration form, each eligible or not today with the reasons (R3.1–R3.6, already declared)");
        open.MapGet("/{id:guid}", GetOpenLicense).WithName(nameof(GetOpenLicense)).AllowAnonymous();
        open.MapDelete("/{id:guid}", DeleteOpenLicense).WithName(nameof(DeleteOpenLicense)).RequireAuthorization()
            .WithSummary("Delete a draft declaration (never submitted); ?version= is required");
        open.MapPost("/", DeclareOpenLicense).WithName(nameof(DeclareOpenLicense)).RequireAuthorization();
        open.MapPut("/{id:guid}", ReviseOpenLicense).WithName(nameof(ReviseOpenLicense)).RequireAuthorization();
        open.MapPost("/{id:guid}/submit", SubmitOpenLicense).WithName(nameof(SubmitOpenLicense)).RequireAuthorization()
            .WithSummary("Run every check of spec §3.2 (R3.1–R3.8) and submit; each failing check is named in fieldErrors");
        open.MapPost("/{id:guid}/announcement", AnnounceOpenLicense).WithName(nameof(AnnounceOpenLicense)).RequireAuthorization();
        open.MapPost("/{id:guid}/withdraw", WithdrawOpenLicense).WithName(nameof(WithdrawOpenLicense)).RequireAuthorization();
        open.MapPost("/{id:guid}/withdrawal-announcement", AnnounceWithdrawal).WithName(nameof(AnnounceWithdrawal)).RequireAuthorization();
        open.MapPost("/{id:guid}/lapse", LapseOpenLicense).WithName(nameof(LapseOpenLicense)).RequireAuthorization();
        open.MapGet("/{id:guid}/grants", ListGrants).WithName(nameof(ListGrants)).RequireAuthorization();
        open.MapPost("/{id:guid}/grants", TakeLicence).WithName(nameof(TakeLicence)).RequireAuthorization()
            .WithSummary("Take the licence: record the written notice; effective once the payment is recorded too (R3.12)");
        open.MapPost("/{id:guid}/grants/{grantId:guid}/payment", RecordPayment).WithName(nameof(RecordPayment)).RequireAuthorization();
        open.MapPost("/{id:guid}/grants/{grantId:guid}/filing", RecordFiling).WithName(nameof(RecordFiling)).RequireAuthorization();
        open.MapPost("/{id:guid}/grants/{grantId:guid}/disputes", OpenDispute).WithName(nameof(OpenDispute)).RequireAuthorization();
        open.MapPost("/{id:guid}/grants/{grantId:guid}/disputes/{disputeId:guid}/resolve", ResolveDispute).WithName(nameof(ResolveDispute)).RequireAuthorization();

        var custody = app.MapGroup("/api/v1/custody-agreements").WithTags("Custody").RequireAuthorization();
        custody.MapGet("/", ListCustodyAgreements).WithName(nameof(ListCustodyAgreements)).WithSummary("Custody agreements the caller is a party to, with filters, sorting and paging");
        custody.MapGet("/export", ExportCustodyAgreements).WithName(nameof(ExportCustodyAgreements))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The custody agreement list's rows as Excel (.xlsx)")
            .WithDescription("Every agreement the caller's organisation is a party to (every one for platform admins) that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        custody.MapGet("/{id:guid}", GetCustodyAgreement).WithName(nameof(GetCustodyAgreement));
        custody.MapPost("/", CreateCustodyAgreement).WithName(nameof(CreateCustodyAgreement));
        custody.MapPost("/{id:guid}/activate", ActivateCustodyAgreement).WithName(nameof(ActivateCustodyAgreement));
        custody.MapPost("/{id:guid}/operations", OperateCustody).WithName(nameof(OperateCustody))
            .WithSummary("The operator lists or licenses within the mandate; anything outside it is refused with the reason");
        custody.MapPost("/{id:guid}/renewals", RenewCustodyAgreement).WithName(nameof(RenewCustodyAgreement));
        custody.MapPost("/{id:guid}/terminate", TerminateCustodyAgreement).WithName(nameof(TerminateCustodyAgreement));
        custody.MapPost("/{id:guid}/revenue-split", SplitCustodyRevenue).WithName(nameof(SplitCustodyRevenue));
    }

    // Patents
    internal static async Task<Results<Ok<PagedResult<PatentSummary>>, ProblemHttpResult>> ListPatents([AsParameters] PatentListQuery q, PatentService s, CancellationToken ct) => OkOr(await s.ListAsync(q, ct));
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportPatents(
        [AsParameters] PatentListQuery q, PatentService s, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await s.ExportAsync(q, ct), Pages.PatentListColumns.All, Pages.UiText.R("Patents"), "patents", clock.GetUtcNow());

    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> GetPatent(Guid id, PatentService s, CancellationToken ct) => OkOr(await s.GetAsync(id, ct));

    internal static async Task<Results<Created<PatentResponse>, ProblemHttpResult>> CreatePatent(PatentRequest r, PatentService s, CancellationToken ct)
    {
        var result = await s.CreateAsync(r, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/patents/{result.Value.Id}", result.Value);
    }

    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> UpdatePatent(Guid id, PatentRequest r, PatentService s, CancellationToken ct) => OkOr(await s.UpdateAsync(id, r, ct));

    internal static async Task<Results<Ok<PatentImportResponse>, ProblemHttpResult>> ImportPatents(
        IFormFile? file, [FromQuery] bool? skipInvalid, PatentService s, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return PatentImportErrors.FileRequired.ToProblem();
        await using var stream = file.OpenReadStream();
        return OkOr(await s.ImportAsync(stream, file.FileName, skipInvalid ?? false, null, ct));
    }

    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> ChangeLegalStatus(Guid id, LegalStatusRequest r, PatentService s, CancellationToken ct) => OkOr(await s.ChangeLegalStatusAsync(id, r, ct));
    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> RecordAnnualFeePaid(Guid id, FeePaidRequest r, PatentService s, CancellationToken ct) => OkOr(await s.RecordFeePaidAsync(id, r, ct));
    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> AddPledge(Guid id, PledgeRequest r, PatentService s, CancellationToken ct) => OkOr(await s.AddPledgeAsync(id, r, ct));
    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> ReleasePledge(Guid id, Guid pledgeId, PledgeReleaseRequest r, PatentService s, CancellationToken ct) => OkOr(await s.ReleasePledgeAsync(id, pledgeId, r, ct));
    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> SuspendPatent(Guid id, SuspensionRequest r, PatentService s, CancellationToken ct) => OkOr(await s.SuspendAsync(id, r, ct));
    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> LiftSuspension(Guid id, [FromQuery] int? version, PatentService s, CancellationToken ct) => OkOr(await s.LiftSuspensionAsync(id, version, ct));
    internal static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> RecordLicence(Guid id, LicenceRequest r, PatentService s, CancellationToken ct) => OkOr(await s.RecordLicenceAsync(id, r, ct));
    internal static async Task<Results<Ok<AnnualFeeQuote>, ProblemHttpResult>> QuoteAnnualFee(AnnualFeeQuoteRequest r, PatentService s, CancellationToken ct) => OkOr(await s.QuoteAnnualFeeAsync(r, ct));

    // Open licences
    internal static async Task<Results<Ok<PagedResult<OpenLicenseSummary>>, ProblemHttpResult>> ListOpenLicenses([AsParameters] OpenLicenseListQuery q, OpenLicenseService s, CancellationToken ct) => OkOr(await s.ListAsync(q, ct));
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportOpenLicenses(
        [AsParameters] OpenLicenseListQuery q, OpenLicenseService s, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await s.ExportAsync(q, ct), Pages.OpenLicenseListColumns.All, Pages.UiText.R("PatentOpenLicences"), "open-licenses", clock.GetUtcNow());
    internal static async Task<Results<Ok<IReadOnlyList<FilingTaskItem>>, ProblemHttpResult>> ListFilingTasks([FromQuery] bool? openOnly, OpenLicenseService s, CancellationToken ct) => OkOr(await s.ListFilingTasksAsync(openOnly ?? false, ct));
    internal static async Task<Results<Ok<IReadOnlyList<PatentChoice>>, ProblemHttpResult>> ListOpenLicencePatentChoices(OpenLicenseService s, CancellationToken ct) => OkOr(await s.PatentChoicesAsync(ct));

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteOpenLicense(Guid id, [FromQuery] int? version, OpenLicenseService s, CancellationToken ct)
    {
        var result = await s.DeleteAsync(id, version, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<OpenLicenseResponse>, ProblemHttpResult>> GetOpenLicense(Guid id, OpenLicenseService s, CancellationToken ct) => OkOr(await s.GetAsync(id, ct));

    internal static async Task<Results<Created<OpenLicenseResponse>, ProblemHttpResult>> DeclareOpenLicense(OpenLicenseRequest r, OpenLicenseService s, CancellationToken ct)
    {
        var result = await s.CreateAsync(r, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/open-licenses/{result.Value.Id}", result.Value);
    }

    internal static async Task<Results<Ok<OpenLicenseResponse>, ProblemHttpResult>> ReviseOpenLicense(Guid id, OpenLicenseRequest r, OpenLicenseService s, CancellationToken ct) => OkOr(await s.ReviseAsync(id, r, ct));
    internal static async Task<Results<Ok<OpenLicenseResponse>, ProblemHttpResult>> SubmitOpenLicense(Guid id, VersionRequest? body, OpenLicenseService s, CancellationToken ct) => OkOr(await s.SubmitAsync(id, body?.Version, ct));
    internal static async Task<Results<Ok<OpenLicenseResponse>, ProblemHttpResult>> AnnounceOpenLicense(Guid id, AnnouncementRequest r, OpenLicenseService s, CancellationToken ct) => OkOr(await s.AnnounceAsync(id, r, ct));
    internal static async Task<Results<Ok<OpenLicenseResponse>, ProblemHttpResult>> WithdrawOpenLicense(Guid id, VersionRequest? body, OpenLicenseService s, CancellationToken ct) => OkOr(await s.WithdrawAsync(id, body?.Version, ct));
    internal static async Task<Results<Ok<OpenLicenseResponse>, ProblemHttpResult>> AnnounceWithdrawal(Guid id, AnnouncementRequest r, OpenLicenseService s, CancellationToken ct) => OkOr(await s.AnnounceWithdrawalAsync(id, r, ct));
    internal static async Task<Results<Ok<OpenLicenseResponse>, ProblemHttpResult>> LapseOpenLicense(Guid id, LapseRequest r, OpenLicenseService s, CancellationToken ct) => OkOr(await s.LapseAsync(id, r, ct));
    internal static async Task<Results<Ok<IReadOnlyList<GrantDto>>, ProblemHttpResult>> ListGrants(Guid id, OpenLicenseService s, CancellationToken ct) => OkOr(await s.ListGrantsAsync(id, ct));

    internal static async Task<Results<Created<GrantDto>, ProblemHttpResult>> TakeLicence(Guid id, TakeLicenceRequest r, OpenLicenseService s, CancellationToken ct)
    {
        var result = await s.TakeLicenceAsync(id, r, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/open-licenses/{id}/grants/{result.Value.Id}", result.Value);
    }

    internal static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> RecordPayment(Guid id, Guid grantId, PaymentRequest r, OpenLicenseService s, CancellationToken ct) => OkOr(await s.RecordPaymentAsync(id, grantId, r, ct));
    internal static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> RecordFiling(Guid id, Guid grantId, FilingRequest r, OpenLicenseService s, CancellationToken ct) => OkOr(await s.RecordFilingAsync(id, grantId, r, ct));
    internal static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> OpenDispute(Guid id, Guid grantId, DisputeRequest r, OpenLicenseService s, CancellationToken ct) => OkOr(await s.OpenDisputeAsync(id, grantId, r, ct));
    internal static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> ResolveDispute(Guid id, Guid grantId, Guid disputeId, DisputeResolutionRequest r, OpenLicenseService s, CancellationToken ct) => OkOr(await s.ResolveDisputeAsync(id, grantId, disputeId, r, ct));

    // Custody
    internal static async Task<Results<Ok<PagedResult<CustodySummary>>, ProblemHttpResult>> ListCustodyAgreements([AsParameters] CustodyListQuery q, CustodyService s, CancellationToken ct) => OkOr(await s.ListAsync(q, ct));
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCustodyAgreements(
        [AsParameters] CustodyListQuery q, CustodyService s, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await s.ExportAsync(q, ct), Pages.CustodyListColumns.All, Pages.UiText.R("TechnologyCustody"), "custody-agreements", clock.GetUtcNow());
    internal static async Task<Results<Ok<CustodyAgreementResponse>, ProblemHttpResult>> GetCustodyAgreement(Guid id, CustodyService s, CancellationToken ct) => OkOr(await s.GetAsync(id, ct));

    internal static async Task<Results<Created<CustodyAgreementResponse>, ProblemHttpResult>> CreateCustodyAgreement(CustodyAgreementRequest r, CustodyService s, CancellationToken ct)
    {
        var result = await s.CreateAsync(r, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/custody-agreements/{result.Value.Id}", result.Value);
    }

    internal static async Task<Results<Ok<CustodyAgreementResponse>, ProblemHttpResult>> ActivateCustodyAgreement(Guid id, VersionRequest? body, CustodyService s, CancellationToken ct) => OkOr(await s.ActivateAsync(id, body?.Version, ct));
    internal static async Task<Results<Ok<CustodyOperationDto>, ProblemHttpResult>> OperateCustody(Guid id, CustodyOperationBody r, CustodyService s, CancellationToken ct) => OkOr(await s.OperateAsync(id, r, ct));
    internal static async Task<Results<Ok<CustodyAgreementResponse>, ProblemHttpResult>> RenewCustodyAgreement(Guid id, RenewalRequest r, CustodyService s, CancellationToken ct) => OkOr(await s.RenewAsync(id, r, ct));
    internal static async Task<Results<Ok<CustodyAgreementResponse>, ProblemHttpResult>> TerminateCustodyAgreement(Guid id, TerminationRequest r, CustodyService s, CancellationToken ct) => OkOr(await s.TerminateAsync(id, r, ct));
    internal static async Task<Results<Ok<IReadOnlyList<RevenueAllocation>>, ProblemHttpResult>> SplitCustodyRevenue(Guid id, RevenueSplitRequest r, CustodyService s, CancellationToken ct) => OkOr(await s.SplitRevenueAsync(id, r, ct));
}

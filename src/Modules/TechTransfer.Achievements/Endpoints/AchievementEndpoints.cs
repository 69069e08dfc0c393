using TechTransfer.Platform.Lists;
using TechTransfer.Achievements.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TechTransfer.Achievements.Features;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Endpoints;

internal static class AchievementEndpoints
{
    public static void MapAchievementEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/achievements").WithTags("Achievements").RequireAuthorization();
        g.MapGet("/", ListAchievements).WithName(nameof(ListAchievements)).WithSummary("List achievements (科技成果) visible to the caller, with paging and filters");
        g.MapGet("/export", ExportAchievements).WithName(nameof(ExportAchievements))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The achievement list's rows as Excel (.xlsx)")
            .WithDescription("Every row of the list's filters and order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        g.MapGet("/idle", ListIdleAchievements).WithName(nameof(ListIdleAchievements)).WithSummary("The office's idle achievements with ages (R5.3), with filters, sorting and paging");
        g.MapGet("/idle/export", ExportIdleAchievements).WithName(nameof(ExportIdleAchievements))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The idle achievement list's rows as Excel (.xlsx)")
            .WithDescription("Every idle achievement of the caller's office that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        g.MapPost("/idle/scan", ScanIdleAchievements).WithName(nameof(ScanIdleAchievements)).WithSummary("Run the daily idle check now (platform admin)");
        g.MapGet("/{id:guid}", GetAchievement).WithName(nameof(GetAchievement));
        g.MapPost("/", CreateAchievement).WithName(nameof(CreateAchievement)).WithSummary("A researcher starts a disclosure (draft)");
        g.MapPut("/{id:guid}", EditAchievement).WithName(nameof(EditAchievement));
        g.MapPost("/{id:guid}/disclose", DiscloseAchievement).WithName(nameof(DiscloseAchievement));
        g.MapPost("/{id:guid}/start-review", StartAchievementReview).WithName(nameof(StartAchievementReview));
        g.MapPost("/{id:guid}/register", RegisterAchievement).WithName(nameof(RegisterAchievement));
        g.MapPost("/{id:guid}/return", ReturnAchievement).WithName(nameof(ReturnAchievement));
        g.MapPost("/{id:guid}/decline", DeclineAchievement).WithName(nameof(DeclineAchievement));
        g.MapPut("/{id:guid}/evaluation", EvaluateAchievement).WithName(nameof(EvaluateAchievement));
        g.MapPut("/{id:guid}/conversion", UpdateAchievementConversion).WithName(nameof(UpdateAchievementConversion));
        g.MapPut("/{id:guid}/idle-justification", JustifyIdleAchievement).WithName(nameof(JustifyIdleAchievement));
        g.MapPut("/{id:guid}/confidentiality", SetAchievementConfidentiality).WithName(nameof(SetAchievementConfidentiality));
        g.MapPost("/{id:guid}/attachments", UploadAchievementAttachment).WithName(nameof(UploadAchievementAttachment)).DisableAntiforgery();
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAchievementAttachment).WithName(nameof(DownloadAchievementAttachment));
    }

    private static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> r) => r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);

    internal static async Task<Results<Ok<PagedResult<AchievementSummary>>, ProblemHttpResult>> ListAchievements(
        [AsParameters] AchievementListQuery query, AchievementService s, CancellationToken ct) => Reply(await s.ListAsync(query, ct));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAchievements(
        [AsParameters] AchievementListQuery query, AchievementService s, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await s.ExportAsync(query, ct), Pages.AchievementListColumns.All, UiText.R("Achievements"), "achievements", clock.GetUtcNow());

    internal static async Task<Results<Ok<PagedResult<IdleAchievementDto>>, ProblemHttpResult>> ListIdleAchievements(
        [AsParameters] IdleListQuery query, AchievementService s, CancellationToken ct) => Reply(await s.IdleListAsync(query, ct));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportIdleAchievements(
        [AsParameters] IdleListQuery query, AchievementService s, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await s.IdleExportAsync(query, ct), Pages.IdleListColumns.All, UiText.R("IdleAchievements"), "idle-achievements", clock.GetUtcNow());

    internal static async Task<Results<Ok<IdleAchievementScanner.ScanResult>, ProblemHttpResult>> ScanIdleAchievements(
        IdleAchievementScanner scanner, ICurrentUser user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.PlatformAdmin)) return Error.Forbidden.ToProblem();
        return TypedResults.Ok(await scanner.RunAsync(ct));
    }

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> GetAchievement(Guid id, AchievementService s, CancellationToken ct) =>
        Reply(await s.GetAsync(id, ct));

    internal static async Task<Results<Created<AchievementResponse>, ProblemHttpResult>> CreateAchievement(
        AchievementRequest request, AchievementService s, CancellationToken ct)
    {
        var r = await s.CreateAsync(request, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Created($"/api/v1/achievements/{r.Value.Id}", r.Value);
    }

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> EditAchievement(
        Guid id, AchievementRequest request, AchievementService s, CancellationToken ct) => Reply(await s.EditAsync(id, request, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> DiscloseAchievement(
        Guid id, [FromBody] VersionRequest? body, AchievementService s, CancellationToken ct) => Reply(await s.DiscloseAsync(id, body?.Version, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> StartAchievementReview(
        Guid id, [FromBody] VersionRequest? body, AchievementService s, CancellationToken ct) => Reply(await s.StartReviewAsync(id, body?.Version, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> RegisterAchievement(
        Guid id, [FromBody] ReasonRequest? body, AchievementService s, CancellationToken ct) => Reply(await s.RegisterAsync(id, body?.Reason, body?.Version, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> ReturnAchievement(
        Guid id, ReasonRequest body, AchievementService s, CancellationToken ct) => Reply(await s.ReturnAsync(id, body.Reason, body.Version, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> DeclineAchievement(
        Guid id, ReasonRequest body, AchievementService s, CancellationToken ct) => Reply(await s.DeclineAsync(id, body.Reason, body.Version, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> EvaluateAchievement(
        Guid id, EvaluationRequest body, AchievementService s, CancellationToken ct) => Reply(await s.EvaluateAsync(id, body, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> UpdateAchievementConversion(
        Guid id, ConversionRequest body, AchievementService s, CancellationToken ct) => Reply(await s.UpdateConversionAsync(id, body, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> JustifyIdleAchievement(
        Guid id, JustificationRequest body, AchievementService s, CancellationToken ct) => Reply(await s.JustifyIdleAsync(id, body.Justification, body.Version, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> SetAchievementConfidentiality(
        Guid id, ConfidentialityRequest body, AchievementService s, CancellationToken ct) => Reply(await s.SetConfidentialityAsync(id, body, ct));

    internal static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> UploadAchievementAttachment(
        Guid id, IFormFile? file, [FromForm] bool? confidential, AchievementService s, CancellationToken ct) =>
        Reply(await s.AddAttachmentAsync(id, file, confidential ?? false, ct));

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAchievementAttachment(
        Guid id, Guid attachmentId, AchievementService s, HttpContext http, CancellationToken ct)
    {
        var r = await s.OpenAttachmentAsync(id, attachmentId, ct);
        if (r.IsFailure) return r.Error!.ToProblem();
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers["Content-Security-Policy"] = "sandbox";
        return TypedResults.File(r.Value.Content, "application/octet-stream", r.Value.Attachment.FileName);
    }
}

internal static class RightsGrantEndpoints
{
    public static void MapRightsGrantEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/rights-grants").WithTags("RightsGrants").RequireAuthorization();
        g.MapGet("/", ListRightsGrants).WithName(nameof(ListRightsGrants)).WithSummary("List rights grants (赋权) visible to the caller, with filters, sorting and paging");
        g.MapGet("/export", ExportRightsGrants).WithName(nameof(ExportRightsGrants))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The rights grant list's rows as Excel (.xlsx)")
            .WithDescription("Every rights grant the caller may see that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        g.MapGet("/{id:guid}", GetRightsGrant).WithName(nameof(GetRightsGrant));
        g.MapPost("/", RequestRightsGrant).WithName(nameof(RequestRightsGrant)).WithSummary("Request a rights grant (R5.2; completers of idle achievements, R5.3)");
        g.MapPost("/{id:guid}/approve", ApproveRightsGrant).WithName(nameof(ApproveRightsGrant));
        g.MapPost("/{id:guid}/reject", RejectRightsGrant).WithName(nameof(RejectRightsGrant));
        g.MapPost("/{id:guid}/withdraw", WithdrawRightsGrant).WithName(nameof(WithdrawRightsGrant));
        g.MapPut("/{id:guid}/ownership-change", RecordOwnershipChange).WithName(nameof(RecordOwnershipChange));
        g.MapGet("/{id:guid}/certificate", GetRightsGrantCertificate).WithName(nameof(GetRightsGrantCertificate));
        g.MapGet("/{id:guid}/certificate.pdf", GetRightsGrantCertificatePdf).WithName(nameof(GetRightsGrantCertificatePdf))
            .WithSummary("The certificate of an approved grant (赋权证书) as a Chinese PDF").Produces(200, contentType: "application/pdf");
    }

    private static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> r) => r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);

    internal static async Task<Results<Ok<PagedResult<RightsGrantSummary>>, ProblemHttpResult>> ListRightsGrants(
        [AsParameters] RightsGrantListQuery query, RightsGrantService s, CancellationToken ct) => Reply(await s.ListAsync(query, ct));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportRightsGrants(
        [AsParameters] RightsGrantListQuery query, RightsGrantService s, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await s.ExportAsync(query, ct), Pages.RightsGrantListColumns.All, UiText.R("RightsGrants"), "rights-grants", clock.GetUtcNow());

    internal static async Task<Results<Ok<RightsGrantResponse>, ProblemHttpResult>> GetRightsGrant(Guid id, RightsGrantService s, CancellationToken ct) =>
        Reply(await s.GetAsync(id, ct));

    internal static async Task<Results<Created<RightsGrantResponse>, ProblemHttpResult>> RequestRightsGrant(
        RightsGrantRequest request, RightsGrantService s, CancellationToken ct)
    {
        var r = await s.RequestAsync(request, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Created($"/api/v1/rights-grants/{r.Value.Id}", r.Value);
    }

    internal static async Task<Results<Ok<RightsGrantResponse>, ProblemHttpResult>> ApproveRightsGrant(
        Guid id, [FromBody] ReasonRequest? body, RightsGrantService s, CancellationToken ct) => Reply(await s.ApproveAsync(id, body?.Reason, body?.Version, ct));

    internal static async Task<Results<Ok<RightsGrantResponse>, ProblemHttpResult>> RejectRightsGrant(
        Guid id, ReasonRequest body, RightsGrantService s, CancellationToken ct) => Reply(await s.RejectAsync(id, body.Reason, body.Version, ct));

    internal static async Task<Results<Ok<RightsGrantResponse>, ProblemHttpResult>> WithdrawRightsGrant(
        Guid id, [FromBody] VersionRequest? body, RightsGrantService s, CancellationToken ct) => Reply(await s.WithdrawAsync(id, body?.Version, ct));

    internal static async Task<Results<Ok<RightsGrantResponse>, ProblemHttpResult>> RecordOwnershipChange(
        Guid id, OwnershipChangeRequest body, RightsGrantService s, CancellationToken ct) =>
        Reply(await s.RecordOwnershipChangeAsync(id, body.FiledOn, body.Version, ct));

    internal static async Task<Results<Ok<RightsGrantCertificateResponse>, ProblemHttpResult>> GetRightsGrantCertificate(
        Guid id, RightsGrantService s, CancellationToken ct) => Reply(await s.CertificateAsync(id, ct));

    internal static async Task<IResult> GetRightsGrantCertificatePdf(Guid id, RightsGrantService s, CancellationToken ct)
    {
        var r = await s.CertificatePdfAsync(id, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.File(r.Value, "application/pdf", $"rights-grant-{id:N}.pdf");
    }
}

internal static class IncomeDistributionEndpoints
{
    public static void MapIncomeDistributionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/income-distributions").WithTags("IncomeDistributions").RequireAuthorization();
        g.MapGet("/", ListIncomeDistributions).WithName(nameof(ListIncomeDistributions)).WithSummary("List distribution plans (收益分配) with filters, sorting and paging");
        g.MapGet("/export", ExportIncomeDistributions).WithName(nameof(ExportIncomeDistributions))
            .Produces(StatusCodes.Status200OK, contentType: ListExport.ContentType)
            .WithSummary("The distribution plan list's rows as Excel (.xlsx)")
            .WithDescription("Every plan the caller may see that matches the list's filters, in its order (page and pageSize are ignored), headers and labels in the request's language; more than 10,000 rows is a 422 list.export_too_many_rows.");
        g.MapGet("/certified-income", ListCertifiedIncome).WithName(nameof(ListCertifiedIncome))
            .WithSummary("Certified technology income (技术性收入核定) of registered contracts that reference the achievement, with what is left to distribute");
        g.MapGet("/prefill", PrefillIncomeDistribution).WithName(nameof(PrefillIncomeDistribution))
            .WithSummary("A plan prefilled from a certified technology income (team share at the rule set's floor); save it with POST");
        g.MapGet("/rules", GetIncomeRules).WithName(nameof(GetIncomeRules)).WithSummary("The rule set and office share that apply to the caller's organisation on a date");
        g.MapGet("/settings", GetIncomeSettings).WithName(nameof(GetIncomeSettings)).WithSummary("The caller's organisation's transfer-office share (R4.4)");
        g.MapPut("/settings", ChangeIncomeSettings).WithName(nameof(ChangeIncomeSettings))
            .WithSummary("The transfer office sets its share of the remainder (R4.4); send the version read (0 before the first setting)");
        g.MapGet("/annual-report", GetAnnualConversionReport).WithName(nameof(GetAnnualConversionReport)).WithSummary("Annual conversion report (R4.7)");
        g.MapPost("/annual-report/{year:int}/submit", SubmitAnnualConversionReport).WithName(nameof(SubmitAnnualConversionReport));
        g.MapGet("/{id:guid}", GetIncomeDistribution).WithName(nameof(GetIncomeDistribution));
        g.MapPost("/", PlanIncomeDistribution).WithName(nameof(PlanIncomeDistribution)).WithSummary("Draft a plan; checked against the team-share floor (R4.1–R4.4)");
        g.MapPost("/{id:guid}/approve", ApproveIncomeDistribution).WithName(nameof(ApproveIncomeDistribution));
        g.MapPost("/{id:guid}/payouts", RecordIncomePayout).WithName(nameof(RecordIncomePayout)).WithSummary("Record a payout (R4.5, R4.6)");
        g.MapPost("/{id:guid}/profit-years", RecordIncomeProfitYear).WithName(nameof(RecordIncomeProfitYear))
            .WithSummary("Self or cooperative implementation: record a year's operating profit; the team's share of it is split among the team (R4.2)");
    }

    private static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> r) => r.IsFailure ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);

    internal static async Task<Results<Ok<PagedResult<IncomeSummary>>, ProblemHttpResult>> ListIncomeDistributions(
        [AsParameters] IncomeListQuery query, IncomeDistributionService s, CancellationToken ct) => Reply(await s.ListAsync(query, ct));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportIncomeDistributions(
        [AsParameters] IncomeListQuery query, IncomeDistributionService s, TimeProvider clock, CancellationToken ct) =>
        ListQuery.File(await s.ExportAsync(query, ct), Pages.IncomeListColumns.All, UiText.R("IncomeDistribution"), "income-distributions", clock.GetUtcNow());

    internal static async Task<Results<Ok<IReadOnlyList<CertifiedIncomeDto>>, ProblemHttpResult>> ListCertifiedIncome(
        Guid achievementId, IncomeDistributionService s, CancellationToken ct) => Reply(await s.CertifiedIncomeForAsync(achievementId, ct));

    internal static async Task<Results<Ok<IncomePlanRequest>, ProblemHttpResult>> PrefillIncomeDistribution(
        Guid achievementId, Guid certificationId, IncomeDistributionService s, CancellationToken ct) =>
        Reply(await s.PrefillFromCertificationAsync(achievementId, certificationId, ct));

    internal static async Task<Results<Ok<RuleSetDto>, ProblemHttpResult>> GetIncomeRules(
        IncomeDistributionService s, TimeProvider clock, CancellationToken ct, DateOnly? date = null) => Reply(await s.RulesForAsync(date ?? clock.Today(), ct));

    internal static async Task<Results<Ok<IncomeSettingsResponse>, ProblemHttpResult>> GetIncomeSettings(IncomeDistributionService s, CancellationToken ct) =>
        Reply(await s.SettingsAsync(ct));

    internal static async Task<Results<Ok<IncomeSettingsResponse>, ProblemHttpResult>> ChangeIncomeSettings(
        IncomeSettingsRequest body, IncomeDistributionService s, CancellationToken ct) => Reply(await s.ChangeSettingsAsync(body, ct));

    internal static async Task<Results<Ok<AnnualReportResponse>, ProblemHttpResult>> GetAnnualConversionReport(
        int year, IncomeDistributionService s, CancellationToken ct) => Reply(await s.AnnualReportAsync(year, ct));

    internal static async Task<Results<Ok<AnnualReportResponse>, ProblemHttpResult>> SubmitAnnualConversionReport(
        int year, IncomeDistributionService s, CancellationToken ct) => Reply(await s.SubmitAnnualReportAsync(year, ct));

    internal static async Task<Results<Ok<IncomeResponse>, ProblemHttpResult>> GetIncomeDistribution(Guid id, IncomeDistributionService s, CancellationToken ct) =>
        Reply(await s.GetAsync(id, ct));

    internal static async Task<Results<Created<IncomeResponse>, ProblemHttpResult>> PlanIncomeDistribution(
        IncomePlanRequest request, IncomeDistributionService s, CancellationToken ct)
    {
        var r = await s.PlanAsync(request, ct);
        return r.IsFailure ? r.Error!.ToProblem() : TypedResults.Created($"/api/v1/income-distributions/{r.Value.Id}", r.Value);
    }

    internal static async Task<Results<Ok<IncomeResponse>, ProblemHttpResult>> ApproveIncomeDistribution(
        Guid id, [FromBody] VersionRequest? body, IncomeDistributionService s, CancellationToken ct) => Reply(await s.ApproveAsync(id, body?.Version, ct));

    internal static async Task<Results<Ok<IncomeResponse>, ProblemHttpResult>> RecordIncomeProfitYear(
        Guid id, ProfitYearRequest body, IncomeDistributionService s, CancellationToken ct) => Reply(await s.RecordProfitYearAsync(id, body, ct));

    internal static async Task<Results<Ok<IncomeResponse>, ProblemHttpResult>> RecordIncomePayout(
        Guid id, PayoutRequest body, IncomeDistributionService s, CancellationToken ct) => Reply(await s.RecordPayoutAsync(id, body, ct));
}

using TechTransfer.Data;
using TechTransfer.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Features.Patents;
using TechTransfer.Platform.Jobs;

namespace TechTransfer.Patents.Features;

/// <summary>[CFG] The rights-expiry job (section <c>Patents:RightsExpiry</c>).</summary>
public sealed class RightsExpiryOptions
{
    public const string Section = "Patents:RightsExpiry";

    /// <summary>Whether the host runs the job (tests that drive it themselves turn it off).</summary>
    public bool RunJob { get; set; } = true;

    /// <summary>How often the job runs on the <see cref="TimeProvider"/>; it also runs once at start. Default: hourly.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>What one run of the rights-expiry job changed.</summary>
public sealed record RightsExpiryRun(int PatentsExpired, int DeclarationsLapsed, int CustodyExpired, int PatentsLapsedForFees = 0)
{
    public int Total => PatentsExpired + DeclarationsLapsed + CustodyExpired + PatentsLapsedForFees;
}

/// <summary>
/// Applies, by the clock, what dates alone decide (all on business dates in Asia/Shanghai):
/// an in-force patent whose annual fee is still unpaid when the grace period ends lapses (未缴年费终止, R3.16,
/// 专利法实施细则第一百一十五条), terminated from the fee's due date; an in-force patent past its term becomes Expired; an
/// in-force open-licence declaration lapses when its patent ended or its announced licence term is over (spec §3.3); an
/// active custody agreement past its term becomes Expired. The rules are the entities' own (<c>LapseIfFeesUnpaid</c>,
/// <c>ExpireIfTermEnded</c>, <c>LapseIfEnded</c>); the patentee's transfer office (and, for a declaration, every licensee
/// organisation) is notified; every change is saved in one transaction and audited by the save interceptor. A second run
/// on the same day changes nothing. A run that loses a race with a user's save changes nothing and is retried next tick.
/// </summary>
public sealed partial class RightsExpiryService(PatentsDb data, TimeProvider clock, IOptions<OpenLicensingOptions> options,
    ILogger<RightsExpiryService> logger)
{
    private TechTransferDbContext Db => data.Context;

    public async Task<RightsExpiryRun> ApplyDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = BusinessTime.DateOf(now);
        var grace = options.Value.AnnualFeeGraceMonths;
        // A fee due on d is unpaid after its grace when today > d + grace months; every such d is before today − (grace − 1)
        // months, so this bound selects a superset in SQL and the entity decides.
        var feeCutoff = today.AddMonths(-Math.Max(grace - 1, 0));

        var candidates = await Db.Set<Patent>()
            .Where(p => p.LegalStatus == PatentLegalStatus.InForce
                        && (p.ExpiryDate < today || (p.AnnualFeePaidUntil != null && p.AnnualFeePaidUntil < feeCutoff)))
            .ToListAsync(ct);
        var lapsedForFees = candidates.Where(p => p.LapseIfFeesUnpaid(today, grace, now)).ToList();
        foreach (var p in lapsedForFees) LapseNotices.PatentLapsedForFees(Db, p, now);
        var patentsExpired = candidates.Count(p => p.ExpireIfTermEnded(today, now));
        var ended = candidates.Where(p => p.LegalStatus != PatentLegalStatus.InForce).Select(p => p.Id).ToList();

        // Patents changed above are tracked: the query returns those same instances with their new status.
        var declarations = await (
            from d in Db.Set<OpenLicenseDeclaration>()
            join p in Db.Set<Patent>() on d.PatentId equals p.Id
            where (d.Status == OpenLicenseStatus.Active || d.Status == OpenLicenseStatus.WithdrawalSubmitted)
                  && (d.LicenseTermEnd < today || ended.Contains(p.Id)
                      || p.LegalStatus == PatentLegalStatus.Lapsed || p.LegalStatus == PatentLegalStatus.Abandoned
                      || p.LegalStatus == PatentLegalStatus.Invalidated || p.LegalStatus == PatentLegalStatus.Expired)
            select new { Declaration = d, Patent = p }).ToListAsync(ct);
        var declarationsLapsed = 0;
        foreach (var x in declarations.Where(x => x.Declaration.LapseIfEnded(x.Patent.LegalStatus, today)))
        {
            LapseNotices.DeclarationLapsed(Db, x.Declaration, now);
            declarationsLapsed++;
        }

        var custody = await Db.Set<CustodyAgreement>().Where(a => a.Status == CustodyStatus.Active && a.TermEnd < today).ToListAsync(ct);
        var custodyExpired = custody.Count(a => a.ExpireIfTermEnded(today));

        var run = new RightsExpiryRun(patentsExpired, declarationsLapsed, custodyExpired, lapsedForFees.Count);
        if (run.Total == 0) return run;
        if (await Db.SaveOrConflictAsync(ct) is not null)
        {
            LogRaced();
            return new RightsExpiryRun(0, 0, 0);
        }
        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rights expiry: a record changed while the run applied its changes; nothing was saved, the next run retries")]
    private partial void LogRaced();
}

/// <summary>
/// Hosted job: runs <see cref="RightsExpiryService"/> once at start and then every <see cref="RightsExpiryOptions.Interval"/>
/// on the injected <see cref="TimeProvider"/> (<see cref="ScheduledJob"/>).
/// </summary>
public sealed partial class RightsExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RightsExpiryOptions> options,
    ILogger<RightsExpiryJob> logger) : ScheduledJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunJob;
    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct) => await ApplyAsync(services, ct);

    /// <summary>One run in its own scope (what each tick does), returning what it changed.</summary>
    public async Task<RightsExpiryRun> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await ApplyAsync(scope.ServiceProvider, ct);
    }

    private async Task<RightsExpiryRun> ApplyAsync(IServiceProvider services, CancellationToken ct)
    {
        var run = await services.GetRequiredService<RightsExpiryService>().ApplyDueAsync(ct);
        if (run.Total > 0) LogApplied(run.PatentsLapsedForFees, run.PatentsExpired, run.DeclarationsLapsed, run.CustodyExpired);
        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rights expiry: {FeeLapsed} patents lapsed for unpaid fees, {Patents} patents expired, {Declarations} open-licence declarations lapsed, {Custody} custody agreements expired")]
    private partial void LogApplied(int feeLapsed, int patents, int declarations, int custody);
}

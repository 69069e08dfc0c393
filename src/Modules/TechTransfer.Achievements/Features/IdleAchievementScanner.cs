using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Platform.Jobs;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;

namespace TechTransfer.Achievements.Features;

/// <summary>
/// One run of the idle-achievement check (R5.3, R5.4): evaluates every registered, fiscally funded achievement
/// against the idle rule set of its organisation's jurisdiction (from the registry); newly flagged ones notify their
/// completers and the office. An achievement of an organisation missing from the registry is skipped (logged).
/// </summary>
public sealed class IdleAchievementScanner(TechTransferDbContext db, TimeProvider clock, IOptions<AchievementsOptions> options,
    IOrganizationFactsLookup organizations, ILogger<IdleAchievementScanner> log)
{
    public sealed record ScanResult(int Checked, int Flagged, int Cleared);

    public async Task<ScanResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var today = BusinessTime.DateOf(now);
        var candidates = await db.Set<Achievement>()
            .Where(a => a.Status == AchievementStatus.Registered && a.FundingSource == FundingSource.Fiscal)
            .ToListAsync(ct);
        int flagged = 0, cleared = 0;
        var jurisdictions = new Dictionary<Guid, SharedKernel.Organizations.Jurisdiction?>();
        foreach (var a in candidates)
        {
            if (!jurisdictions.TryGetValue(a.OwnerOrganizationId, out var jurisdiction))
                jurisdictions[a.OwnerOrganizationId] = jurisdiction = (await organizations.FindAsync(a.OwnerOrganizationId, ct))?.Jurisdiction;
            if (jurisdiction is not { } j)
            {
                log.LogWarning("Idle check skipped achievement {Id}: organisation {Org} is not in the registry", a.Id, a.OwnerOrganizationId);
                continue;
            }
            var rules = RuleSetSelector.Select(o.EffectiveIdleRuleSets, j, today);
            if (rules.IsFailure) continue;
            var wasIdle = a.EligibleForCompleterLedConversion;
            if (!a.EvaluateIdle(rules.Value, now)) continue;
            if (!wasIdle && a.EligibleForCompleterLedConversion)
            {
                flagged++;
                var link = $"/achievements/{a.Id}";
                foreach (var uid in a.CompleterUserIds)
                    db.Add(Notification.ToUser(uid, $"成果“{a.Title}”登记满一年未转化，您可申请赋权后自行转化",
                        $"\"{a.TitleEn ?? a.Title}\" has been idle for over a year; you may request a rights grant to convert it", link, now, NotificationKinds.IdleAchievement));
                db.Add(Notification.ToOrganization(a.OwnerOrganizationId, Roles.InstitutionAdmin, $"闲置成果：{a.Title}",
                    $"Idle achievement: {a.TitleEn ?? a.Title}", "/achievements/idle", now, NotificationKinds.IdleAchievement));
            }
            else if (wasIdle && !a.EligibleForCompleterLedConversion) cleared++;
        }
        await db.SaveChangesAsync(ct); // jobs write as the system; a concurrent office edit of the same record fails this run, the next one retries
        log.LogInformation("Idle achievements: {Checked} checked, {Flagged} flagged, {Cleared} cleared", candidates.Count, flagged, cleared);
        return new ScanResult(candidates.Count, flagged, cleared);
    }
}

/// <summary>[CFG] The daily idle job.</summary>
public sealed class IdleJobOptions
{
    public const string Section = "Achievements:IdleJob";
    public bool Enabled { get; set; } = true;
    /// <summary>Delay after start before the first run.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Runs <see cref="IdleAchievementScanner"/> once a day, timed by <see cref="TimeProvider"/> (<see cref="ScheduledJob"/>).</summary>
public sealed class IdleAchievementJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdleJobOptions> options, ILogger<IdleAchievementJob> log)
    : ScheduledJob(scopes, clock, log)
{
    protected override bool Enabled => options.Value.Enabled;
    protected override TimeSpan InitialDelay => options.Value.InitialDelay;
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IdleAchievementScanner>().RunAsync(ct);
}

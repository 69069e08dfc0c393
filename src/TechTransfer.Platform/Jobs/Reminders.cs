using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;

namespace TechTransfer.Platform.Jobs;

/// <summary>
/// A module's deadline reminders (到期提醒): the notifications due now for deadlines that have not passed (or just
/// passed), each with a <see cref="Notification.DedupKey"/> naming the record and the deadline. The job writes only
/// those whose key was never written, so however often it runs a reminder is sent once; a moved deadline is a new key.
/// </summary>
public interface IReminderSource
{
    Task<IReadOnlyList<Notification>> DueAsync(DateTimeOffset now, CancellationToken ct);
}

/// <summary>[CFG] <c>Reminders</c>: how often the reminder job runs (default hourly) and whether it runs by itself.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>False in test hosts, which call <see cref="DeadlineReminderJob.RunOnceAsync"/> after moving the clock.</summary>
    public bool RunJob { get; set; } = true;
}

/// <summary>Writes the reminders of every <see cref="IReminderSource"/>, never twice (the unique dedup key).</summary>
public sealed class DeadlineReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineReminderJob> logger,
    IOptions<ReminderOptions> options, IHostEnvironment environment) : ScheduledJob(scopes, clock, logger)
{
    private readonly TimeProvider _time = clock;

    protected override bool Enabled => options.Value.RunJob && !environment.IsEnvironment("Testing");
    protected override TimeSpan Interval => options.Value.Interval;
    protected override TimeSpan InitialDelay => TimeSpan.FromSeconds(30);

    public Task RunOnceAsync(CancellationToken ct) => RunInScopeAsync(ct);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<TechTransferDbContext>();
        var now = _time.GetUtcNow();
        foreach (var source in services.GetServices<IReminderSource>())
        {
            var due = (await source.DueAsync(now, ct)).Where(n => n.DedupKey is not null).GroupBy(n => n.DedupKey!).Select(g => g.First()).ToList();
            if (due.Count == 0) continue;
            var keys = due.Select(n => n.DedupKey!).ToList();
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in keys.Chunk(500))
                written.UnionWith(await db.Notifications.Where(n => n.DedupKey != null && chunk.Contains(n.DedupKey)).Select(n => n.DedupKey!).ToListAsync(ct));
            var fresh = due.Where(n => !written.Contains(n.DedupKey!)).ToList();
            if (fresh.Count == 0) continue;
            db.Notifications.AddRange(fresh);
            await db.SaveChangesAsync(ct); // a concurrent run that wrote the same key loses on the unique index and retries next tick
        }
    }
}

public static class ReminderServiceCollectionExtensions
{
    public static IServiceCollection AddDeadlineReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.Interval >= TimeSpan.FromMinutes(1) && o.Interval <= TimeSpan.FromDays(1), "Reminders:Interval must be between 1 minute and 1 day.")
            .ValidateOnStart();
        services.AddSingleton<DeadlineReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineReminderJob>());
        return services;
    }
}

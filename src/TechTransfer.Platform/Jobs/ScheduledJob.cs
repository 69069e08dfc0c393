using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TechTransfer.Platform.Jobs;

/// <summary>
/// A background job driven by the clock: after <see cref="InitialDelay"/> it runs once, then every <see cref="Interval"/>,
/// both measured on the injected <see cref="TimeProvider"/> (tests move a fake clock instead of waiting); missed intervals
/// are never caught up one by one. Each run has its
/// own DI scope, so its own DbContext; a failed run is logged and tried again at the next tick, never retried in a loop.
/// Modules write only what one run does (<see cref="RunAsync"/>) and which [CFG] options switch and pace it.
/// </summary>
public abstract partial class ScheduledJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected IServiceScopeFactory Scopes => scopes;

    /// <summary>Off in configurations (and test hosts) that must not run the job by themselves.</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    protected virtual TimeSpan InitialDelay => TimeSpan.Zero;

    /// <summary>One run, given the services of its own scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>One run in a fresh scope: what each tick does (tests call it through the concrete job).</summary>
    protected async Task RunInScopeAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        await RunAsync(scope.ServiceProvider, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        try
        {
            if (InitialDelay > TimeSpan.Zero) await Task.Delay(InitialDelay, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = clock.GetUtcNow();
                try
                {
                    await RunInScopeAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, GetType().Name, ex);
                }
                // One wait per run, measured from the run's start: a clock that jumps (a paused VM, a test moving a fake
                // clock by weeks) wakes the job once at the new time instead of once per missed interval — a periodic
                // timer on a fake clock fires every one of them (16 days at 1 s = 1.4 million ticks).
                var wait = started + Interval - clock.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job}: run failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string job, Exception ex);
}

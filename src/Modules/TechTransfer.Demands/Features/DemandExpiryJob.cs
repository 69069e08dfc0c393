using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Stores Expired on published demands past their deadline (DM.10), once at start and then every
/// <see cref="DemandsOptions.ExpiryCheckInterval"/> (daily by default) on the injected <see cref="TimeProvider"/>. Reads do
/// not wait for it: <c>StatusAt(now)</c> already shows such a demand as expired.
/// </summary>
internal sealed partial class DemandExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DemandsOptions> options,
    ILogger<DemandExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunExpiryJob) return;
        using var timer = new PeriodicTimer(options.Value.ExpiryCheckInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<DemandService>().ExpireDueAsync(stoppingToken);
                if (expired > 0) LogExpired(expired);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demand expiry: {Count} published demands passed their deadline and were marked expired")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demand expiry run failed; it will run again at the next interval")]
    private partial void LogFailed(Exception ex);
}

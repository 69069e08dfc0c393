using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.Platform.Jobs;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Stores Expired on published demands past their deadline (DM.10), once at start and then every
/// <see cref="DemandsOptions.ExpiryCheckInterval"/> (daily by default) on the injected <see cref="TimeProvider"/>. Reads do
/// not wait for it: <c>StatusAt(now)</c> already shows such a demand as expired.
/// </summary>
internal sealed partial class DemandExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DemandsOptions> options,
    ILogger<DemandExpiryJob> logger) : ScheduledJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunExpiryJob;
    protected override TimeSpan Interval => options.Value.ExpiryCheckInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var expired = await services.GetRequiredService<DemandService>().ExpireDueAsync(ct);
        if (expired > 0) LogExpired(expired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demand expiry: {Count} published demands passed their deadline and were marked expired")]
    private partial void LogExpired(int count);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.Platform.Jobs;
using TechTransfer.Settlement.Domain;

namespace TechTransfer.Settlement.Features;

/// <summary>
/// The deposit job: every [CFG] <see cref="DepositOptions.JobInterval"/> (default 5 minutes, well inside the [CFG] 5
/// working days a loser's deposit may wait after the close) it releases, applies and forfeits held deposits as the
/// auction rules now say (<see cref="DepositSettler"/>). Not started in the "Testing" environment (tests run it).
/// </summary>
public sealed class DepositJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DepositJob> logger, IOptions<DepositOptions> options, IHostEnvironment environment)
    : ScheduledJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunJob && !environment.IsEnvironment("Testing");
    protected override TimeSpan Interval => options.Value.JobInterval;
    protected override TimeSpan InitialDelay => TimeSpan.FromSeconds(20);

    public Task RunOnceAsync(CancellationToken ct = default) => RunInScopeAsync(ct);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<DepositSettler>().RunAsync(ct);
}

/// <summary>Checks [CFG] <c>Settlement:Deposits</c> at start.</summary>
public sealed class DepositOptionsValidator : IValidateOptions<DepositOptions>
{
    public ValidateOptionsResult Validate(string? name, DepositOptions o)
    {
        var failures = new List<string>();
        if (o.ReleaseWorkingDays is < 1 or > 30) failures.Add("Settlement:Deposits:ReleaseWorkingDays must be between 1 and 30.");
        if (o.JobInterval < TimeSpan.FromSeconds(1) || o.JobInterval > TimeSpan.FromDays(1))
            failures.Add("Settlement:Deposits:JobInterval must be between 1 second and 1 day (deposits must be released within the working days).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

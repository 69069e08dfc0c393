using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>
/// Counts sign-in attempts per client address and per user name with ASP.NET Core's rate limiters (fixed windows of
/// <see cref="LoginThrottleOptions.Window"/>, chained: an attempt needs a permit from both). The sign-in service asks
/// it before it looks anything up, for the API and the sign-in page alike. It is not the rate-limiting middleware:
/// the user-name partition needs the request body (JSON or form), which a middleware partitioner cannot read, and the
/// page must show the refusal in place.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<LoginAttempt> _limiter;

    public LoginThrottle(IOptions<LoginThrottleOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<LoginAttempt, string>(a =>
                RateLimitPartition.GetFixedWindowLimiter(a.Address, _ => Window(o.PerAddress, o.Window))),
            PartitionedRateLimiter.Create<LoginAttempt, string>(a =>
                RateLimitPartition.GetFixedWindowLimiter(a.UserName, _ => Window(o.PerUserName, o.Window))));
    }

    /// <summary>Takes one attempt; null when allowed, else how long until the next is (at least one second).</summary>
    public TimeSpan? TryAttempt(string? clientAddress, string? userName)
    {
        var attempt = new LoginAttempt(clientAddress ?? "unknown", Normalize(userName));
        using var lease = _limiter.AttemptAcquire(attempt);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.FromSeconds(1)
            ? retryAfter
            : TimeSpan.FromSeconds(1);
    }

    /// <summary>User names compare case-insensitively (as Identity does); a very long one is cut so it cannot bloat the partition keys.</summary>
    private static string Normalize(string? userName)
    {
        var name = (userName ?? "").Trim().ToUpperInvariant();
        return name.Length > 256 ? name[..256] : name;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose() => _limiter.Dispose();

    private readonly record struct LoginAttempt(string Address, string UserName);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TechTransfer.Data.Identity;

namespace TechTransfer.Composition.Accounts;

/// <summary>
/// Whether a signed-in principal (bearer token or cookie) still stands for a live session: its user exists, is not locked
/// out, and has the security stamp the principal was issued with. Lockout, a password change, a role change, removal and
/// sign-out all change the stamp (or remove the user). The answer for a user is cached for at most
/// <see cref="SessionLifetimeOptions.RevalidationInterval"/> (30 s by default, one minute at most), so revocation reaches every
/// app instance within that time; the instance that made the change forgets its cached answer at once.
/// </summary>
public sealed class UserSessions(IMemoryCache cache, TimeProvider clock, IOptions<SessionLifetimeOptions> options, IOptions<IdentityOptions> identity)
{
    private sealed record Snapshot(bool Exists, string? Stamp, bool LockedOut, DateTimeOffset CheckedAt);

    /// <summary>
    /// The check, with the user store resolved from <paramref name="services"/> only when the cached answer has to be renewed
    /// (a request answered from the cache builds no <see cref="UserManager{TUser}"/> and no database context).
    /// </summary>
    public Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services) =>
        IsCurrentAsync(principal, () => services.GetRequiredService<UserManager<PlatformUser>>());

    public Task<bool> IsCurrentAsync(ClaimsPrincipal principal, UserManager<PlatformUser> users) => IsCurrentAsync(principal, () => users);

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, Func<UserManager<PlatformUser>> userManager)
    {
        if (!Guid.TryParse(principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType), out var userId)) return false;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (string.IsNullOrEmpty(stamp)) return false;

        var now = clock.GetUtcNow();
        if (!cache.TryGetValue(Key(userId), out Snapshot? snapshot) || snapshot is null || now - snapshot.CheckedAt >= options.Value.RevalidationInterval || now < snapshot.CheckedAt)
        {
            var users = userManager();
            var user = await users.FindByIdAsync(userId.ToString());
            // lockout as Identity itself judges it (its lockout times are on the system clock)
            snapshot = new Snapshot(user is not null, user?.SecurityStamp, user is not null && await users.IsLockedOutAsync(user), now);
            // evicted by real time as well, so the cache never holds more than the recently active users
            cache.Set(Key(userId), snapshot, TimeSpan.FromMinutes(1));
        }
        return snapshot.Exists && snapshot.Stamp == stamp && !snapshot.LockedOut;
    }

    /// <summary>Drops the cached answer for a user whose stamp, lockout or existence this instance has just changed.</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => "tt:session:" + userId.ToString("N");
}

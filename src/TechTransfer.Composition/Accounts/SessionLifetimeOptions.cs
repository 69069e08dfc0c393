using System.ComponentModel.DataAnnotations;

namespace TechTransfer.Composition.Accounts;

/// <summary>
/// Lifetimes of what a sign-in hands out (<c>Security:Sessions</c>). A bearer access token lives
/// <see cref="AccessTokenLifetime"/>; <c>POST /api/v1/auth/refresh</c> exchanges the refresh token (valid
/// <see cref="RefreshTokenLifetime"/>) for new tokens while the account still exists, is not locked out and its security
/// stamp is unchanged. Every <see cref="RevalidationInterval"/> at most, a bearer token or a UI cookie is checked against
/// the account again (stamp, lockout, existence), so revocation takes effect within that interval (one minute at most).
/// </summary>
public sealed class SessionLifetimeOptions
{
    public const string Section = "Security:Sessions";

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")] public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")] public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")] public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}

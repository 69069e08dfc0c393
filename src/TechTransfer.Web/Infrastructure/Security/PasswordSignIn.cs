using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using TechTransfer.Data.Identity;
using TechTransfer.SharedKernel;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>The outcome of a password check: the user, or an error (with the wait when the attempt was throttled).</summary>
public sealed record PasswordCheck(PlatformUser? User, Error? Error, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// The one password check behind <c>POST /api/v1/auth/login</c> and the sign-in page. In order: the request's shape
/// (422), the throttle per client address and user name (429), then the password — and it answers the same, in the same
/// time, whether the user name exists or not:
/// <list type="bullet">
/// <item>unknown user name: the password is verified against a fixed dummy hash with the same hasher, then 401
/// <c>auth.invalid_credentials</c>;</item>
/// <item>known user, wrong password: Identity counts the failure (lockout after 5), then the same 401, even when this
/// failure locked the account;</item>
/// <item>locked account: the password is still verified; 423 <c>auth.locked_out</c> only for the right password, else the
/// same 401 (so a lockout does not reveal that the account exists).</item>
/// </list>
/// The caller signs the user in with its own scheme (bearer for the API, cookie for the page).
/// </summary>
public sealed class PasswordSignIn(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, IPasswordHasher<PlatformUser> hasher,
    LoginThrottle throttle, UnknownUserPassword unknownUser)
{
    public async Task<PasswordCheck> CheckAsync(string? userName, string? password, IPAddress? clientAddress)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(userName)) errors.Add(AuthErrors.UserNameRequired);
        if (string.IsNullOrEmpty(password)) errors.Add(AuthErrors.PasswordRequired);
        if (errors.ToError() is { } invalid) return new PasswordCheck(null, invalid);

        if (throttle.TryAttempt(clientAddress?.ToString(), userName) is { } wait)
            return new PasswordCheck(null, AuthErrors.TooManyAttempts(wait), wait);

        var user = await users.FindByNameAsync(userName!.Trim());
        if (user is null)
        {
            unknownUser.Verify(hasher, password!);
            return new PasswordCheck(null, AuthErrors.InvalidCredentials);
        }
        if (await users.IsLockedOutAsync(user))
            return new PasswordCheck(null, await users.CheckPasswordAsync(user, password!) ? AuthErrors.LockedOut : AuthErrors.InvalidCredentials);

        var result = await signIn.CheckPasswordSignInAsync(user, password!, lockoutOnFailure: true);
        return result.Succeeded ? new PasswordCheck(user, null) : new PasswordCheck(null, AuthErrors.InvalidCredentials);
    }
}

/// <summary>
/// A hash of a random password, made once with the platform's hasher, that an unknown user name's password is
/// verified against so that the answer takes as long as for a real account.
/// </summary>
public sealed class UnknownUserPassword
{
    private static readonly PlatformUser Nobody = new() { Id = Guid.Empty, UserName = "" };
    private string? _hash;

    public void Verify(IPasswordHasher<PlatformUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}

/// <summary>
/// The caller's own password change, for <c>POST /api/v1/auth/password</c> and the page <c>/account/password</c>:
/// throttled like a sign-in (it checks the current password), then <see cref="UserAdministration.ChangePasswordAsync"/>,
/// which ends every session of the user.
/// </summary>
public sealed class PasswordChange(UserAdministration users, LoginThrottle throttle)
{
    public async Task<(Result Result, TimeSpan? RetryAfter)> ChangeAsync(Guid userId, string? userName, IPAddress? clientAddress,
        string? currentPassword, string? newPassword)
    {
        if (throttle.TryAttempt(clientAddress?.ToString(), userName) is { } wait)
            return (AuthErrors.TooManyAttempts(wait), wait);
        return (await users.ChangePasswordAsync(userId, currentPassword, newPassword), null);
    }
}

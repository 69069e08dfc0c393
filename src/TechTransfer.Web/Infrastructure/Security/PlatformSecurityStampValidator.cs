using TechTransfer.Composition;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TechTransfer.Composition.Accounts;
using TechTransfer.Data.Identity;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>
/// The cookie side: Identity's <see cref="SecurityStampValidator{TUser}"/> (every
/// <see cref="SessionLifetimeOptions.RevalidationInterval"/>, configured as its <c>ValidationInterval</c>), with the same rule as
/// bearer tokens — a locked-out account is signed out as well, not only a changed stamp.
/// </summary>
public sealed class PlatformSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<PlatformUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<PlatformUser>(options, signInManager, logger)
{
    protected override async Task<PlatformUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        if (user is null) return null;
        return await SignInManager.UserManager.IsLockedOutAsync(user) ? null : user;
    }
}

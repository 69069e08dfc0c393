using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TechTransfer.Data.Identity;
using TechTransfer.Platform;

namespace TechTransfer.Web.Infrastructure;

/// <summary>Adds the organisation and display name to the principal, for cookies and bearer tokens alike.</summary>
public sealed class PlatformClaimsFactory(UserManager<PlatformUser> users, RoleManager<PlatformRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, PlatformRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganizationId is { } org) identity.AddClaim(new Claim(PlatformClaims.OrganizationId, org.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, user.DisplayName));
        return identity;
    }
}

/// <summary>Identity's own messages (password rules, duplicate names) in the request's language.</summary>
public sealed class BilingualIdentityErrorDescriber : IdentityErrorDescriber
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IdentityError, Tuple<string, string>> Texts = new();

    private static IdentityError E(string code, string zh, string en)
    {
        var error = new IdentityError { Code = code, Description = SharedKernel.Bilingual.T(zh, en) };
        Texts.AddOrUpdate(error, Tuple.Create(zh, en));
        return error;
    }

    /// <summary>Both languages of an error this describer made; the description twice for any other.</summary>
    public static (string Zh, string En) Both(IdentityError error) =>
        Texts.TryGetValue(error, out var t) ? (t.Item1, t.Item2) : (error.Description, error.Description);

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符", $"The password needs at least {length} characters.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码须包含数字", "The password needs a digit.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码须包含小写字母", "The password needs a lower-case letter.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码须包含大写字母", "The password needs an upper-case letter.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码须包含符号", "The password needs a symbol.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名 {userName} 已存在", $"The user name {userName} is taken.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"用户名 {userName} 只能包含字母、数字和 -._@+", $"The user name {userName} may contain only letters, digits and -._@+.");
}

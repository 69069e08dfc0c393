using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TechTransfer.Data.Identity;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition.Accounts;

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

/// <summary>Identity's own messages (password rules, duplicate names) from <see cref="IdentityErrors"/>, in the request's language.</summary>
public sealed class BilingualIdentityErrorDescriber : IdentityErrorDescriber
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IdentityError, FieldError> Errors = new();

    private static IdentityError E(FieldError error)
    {
        var identity = new IdentityError { Code = error.Code[IdentityErrors.CodePrefix.Length..], Description = Bilingual.T(error.Zh, error.En) };
        Errors.AddOrUpdate(identity, error);
        return identity;
    }

    /// <summary>
    /// The field error of an Identity failure, in both languages: a password rule under <paramref name="passwordField"/>,
    /// anything else under <c>userName</c>. A failure this describer did not make is <see cref="IdentityErrors.Other"/>.
    /// </summary>
    public static FieldError FieldErrorOf(IdentityError error, string passwordField) =>
        (Errors.TryGetValue(error, out var known) ? known : IdentityErrors.Other(error.Code, error.Description))
        with { Field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : "userName" };

    public override IdentityError PasswordTooShort(int length) => E(IdentityErrors.PasswordTooShort(length));
    public override IdentityError PasswordRequiresDigit() => E(IdentityErrors.PasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => E(IdentityErrors.PasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => E(IdentityErrors.PasswordRequiresUpper);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(IdentityErrors.PasswordRequiresNonAlphanumeric);
    public override IdentityError DuplicateUserName(string userName) => E(IdentityErrors.DuplicateUserName(userName));
    public override IdentityError InvalidUserName(string? userName) => E(IdentityErrors.InvalidUserName(userName));
}

/// <summary>
/// ASP.NET Core Identity's failures (password rules, user names), in both languages. Their codes are
/// <c>identity.</c> followed by Identity's own error code, PascalCase as Identity spells it (<c>identity.PasswordTooShort</c>):
/// clients match on them, so they keep Identity's spelling (the one allowance of the catalogue check's code shape).
/// </summary>
public static class IdentityErrors
{
    public const string CodePrefix = "identity.";

    public static FieldError PasswordTooShort(int length) => new("password", CodePrefix + nameof(IdentityErrorDescriber.PasswordTooShort),
        $"密码至少需要 {length} 个字符", $"The password needs at least {length} characters.");

    public static readonly FieldError PasswordRequiresDigit = new("password", CodePrefix + nameof(IdentityErrorDescriber.PasswordRequiresDigit),
        "密码须包含数字", "The password needs a digit.");

    public static readonly FieldError PasswordRequiresLower = new("password", CodePrefix + nameof(IdentityErrorDescriber.PasswordRequiresLower),
        "密码须包含小写字母", "The password needs a lower-case letter.");

    public static readonly FieldError PasswordRequiresUpper = new("password", CodePrefix + nameof(IdentityErrorDescriber.PasswordRequiresUpper),
        "密码须包含大写字母", "The password needs an upper-case letter.");

    public static readonly FieldError PasswordRequiresNonAlphanumeric = new("password", CodePrefix + nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric),
        "密码须包含符号", "The password needs a symbol.");

    public static FieldError DuplicateUserName(string userName) => new("userName", CodePrefix + nameof(IdentityErrorDescriber.DuplicateUserName),
        $"用户名 {userName} 已存在", $"The user name {userName} is taken.");

    public static FieldError InvalidUserName(string? userName) => new("userName", CodePrefix + nameof(IdentityErrorDescriber.InvalidUserName),
        $"用户名 {userName} 只能包含字母、数字和 -._@+", $"The user name {userName} may contain only letters, digits and -._@+.");

    /// <summary>Any other failure Identity reports (it describes it in English only), under its own code.</summary>
    public static FieldError Other(string identityCode, string description) => new("userName", CodePrefix + identityCode,
        $"账户未能修改：{description}", $"The account could not be changed: {description}");
}

using Microsoft.AspNetCore.Identity;

namespace TechTransfer.Data.Identity;

/// <summary>A person who signs in (用户). Belongs to one organisation; roles come from ASP.NET Core Identity.</summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public Guid? OrganizationId { get; set; }
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the password was last set (by the user or reset by an administrator); audited, unlike the hash.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    /// <summary>The language of the user's e-mails: "zh-CN" (default) or "en", chosen on the notification preferences page.</summary>
    public string? PreferredLanguage { get; set; }
}

public sealed class PlatformRole : IdentityRole<Guid>
{
    public PlatformRole() { }
    public PlatformRole(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}

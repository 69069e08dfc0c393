using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Common;

/// <summary>
/// Who acts on a demand or challenge, as the domain needs to know it: user, organisation, roles, and whether the
/// user is platform staff (平台管理员, or a 技术经理人 of the platform's own organisation — rule DM.9).
/// </summary>
public sealed record Actor(Guid UserId, Guid? OrganizationId, IReadOnlySet<string> Roles, bool IsPlatformStaff)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool BelongsTo(Guid organizationId) => OrganizationId is { } org && org == organizationId;

    public static Actor Create(Guid userId, Guid? organizationId, Guid? platformOrganizationId, params string[] roles)
    {
        var set = new HashSet<string>(roles, StringComparer.Ordinal);
        var staff = set.Contains(SharedKernel.Roles.PlatformAdmin)
            || (set.Contains(SharedKernel.Roles.TechManager) && platformOrganizationId is { } p && organizationId == p);
        return new Actor(userId, organizationId, set, staff);
    }

    /// <summary>The actor for the signed-in user, or null when nobody is signed in.</summary>
    public static Actor? From(ICurrentUser user, Guid? platformOrganizationId) =>
        user is { IsAuthenticated: true, UserId: { } id }
            ? Create(id, user.OrganizationId, platformOrganizationId, SharedKernel.Roles.All.Where(user.IsInRole).ToArray())
            : null;
}

using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Common;

/// <summary>
/// Who acts on a demand or challenge, as the domain needs to know it: user, organisation, roles, and whether the
/// user is platform staff: a 平台管理员, or a 技术经理人 of the platform (rule DM.9). When
/// <c>reviewerOrganizationId</c> is configured only technology managers of that organisation count; otherwise every
/// technology manager registered on the platform does.
/// </summary>
public sealed record Actor(Guid UserId, Guid? OrganizationId, IReadOnlySet<string> Roles, bool IsPlatformStaff)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool BelongsTo(Guid organizationId) => OrganizationId is { } org && org == organizationId;

    public static Actor Create(Guid userId, Guid? organizationId, Guid? reviewerOrganizationId, params string[] roles)
    {
        var set = new HashSet<string>(roles, StringComparer.Ordinal);
        var staff = set.Contains(SharedKernel.Roles.PlatformAdmin)
            || (set.Contains(SharedKernel.Roles.TechManager) && (reviewerOrganizationId is null || organizationId == reviewerOrganizationId));
        return new Actor(userId, organizationId, set, staff);
    }

    /// <summary>The actor for the signed-in user, or null when nobody is signed in.</summary>
    public static Actor? From(ICurrentUser user, Guid? reviewerOrganizationId) =>
        user is { IsAuthenticated: true, UserId: { } id }
            ? Create(id, user.OrganizationId, reviewerOrganizationId, SharedKernel.Roles.All.Where(user.IsInRole).ToArray())
            : null;
}

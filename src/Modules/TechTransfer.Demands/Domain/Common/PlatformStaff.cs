using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Common;

/// <summary>
/// Rule DM.9, the one definition of "platform staff" for demands and challenges: a 平台管理员, or a 技术经理人 of the
/// platform. When <see cref="ReviewerOrganizationId"/> is configured (<c>Demands:ReviewerOrganizationId</c>) only technology
/// managers of that organisation count; otherwise every technology manager registered on the platform does. Applied to the
/// one caller model, <see cref="ICurrentUser"/> (rule tests use <see cref="Caller"/>).
/// </summary>
public sealed record PlatformStaff(Guid? ReviewerOrganizationId)
{
    public bool Includes(ICurrentUser caller) =>
        caller.IsInRole(Roles.PlatformAdmin)
        || (caller.IsInRole(Roles.TechManager) && (ReviewerOrganizationId is null || caller.OrganizationId == ReviewerOrganizationId));
}

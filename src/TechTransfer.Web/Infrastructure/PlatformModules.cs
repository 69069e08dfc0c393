using TechTransfer.Achievements;
using TechTransfer.Demands;
using TechTransfer.Organizations;
using TechTransfer.Patents;
using TechTransfer.Platform;

namespace TechTransfer.Web.Infrastructure;

/// <summary>The modules of the platform, in navigation order. Adding a module = one line here (see docs/architecture.md).</summary>
public static class PlatformModules
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new OrganizationsModule(),
        new TechTransfer.Contracts.ContractsModule(),
        new PatentsModule(),
        new AchievementsModule(),
        new DemandsModule(),
    ];
}

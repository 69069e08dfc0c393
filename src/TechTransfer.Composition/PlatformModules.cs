using TechTransfer.Achievements;
using TechTransfer.Demands;
using TechTransfer.Organizations;
using TechTransfer.Patents;
using TechTransfer.Platform;

namespace TechTransfer.Composition;

/// <summary>The modules of the platform, in navigation order. Adding a module = one line here (see docs/architecture.md).</summary>
public static class PlatformModules
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new OrganizationsModule(),
        new AchievementsModule(),
        new PatentsModule(),
        new DemandsModule(),
        new TechTransfer.Search.SearchModule(),
        new TechTransfer.Contracts.ContractsModule(),
        new TechTransfer.Exchange.ExchangeModule(),
        new TechTransfer.Settlement.SettlementModule(),
    ];
}

using TechTransfer.Demands.Features;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel.Fields;
using static TechTransfer.Demands.Pages.PageText;

namespace TechTransfer.Demands.Pages;

/// <summary>The columns of the challenge list's Excel export: the page's columns, labels in the current language.</summary>
internal static class ChallengeListColumns
{
    public static IReadOnlyList<ListColumn<ChallengeSummary>> All =>
    [
        new(R("Challenge"), c => c.Title),
        new(R("Field"), c => TechnicalFields.Label(c.Field)),
        new(R("Kind"), c => Kind(c.Kind)),
        new(R("Reward"), c => $"{Reward(c.RewardKind)} {Money(c.RewardYuan)}"),
        new(R("Applications"), c => $"{Date(c.ApplicationOpensAt)} – {Date(c.ApplicationClosesAt)}"),
        new(R("Phase"), c => Phase(c.Phase)),
    ];
}

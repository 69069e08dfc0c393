using TechTransfer.Achievements.Features;
using TechTransfer.Platform.Lists;
using static TechTransfer.Achievements.Pages.UiText;

namespace TechTransfer.Achievements.Pages;

/// <summary>The columns of the rights grant list's Excel export: the page's columns, labels in the current language.</summary>
internal static class RightsGrantListColumns
{
    public static IReadOnlyList<ListColumn<RightsGrantSummary>> All =>
    [
        new(R("Achievement3"), g => Title(g.AchievementTitle, g.AchievementTitleEn)),
        new(R("ByCompleter"), g => g.RequestedByCompleter ? R("Yes") : R("No")),
        new(R("Type"), g => GrantTypeLabel(g.GrantType)),
        new(R("Status"), g => GrantStatusLabel(g.Status)),
        new(R("Requested"), g => Date(g.RequestedAt)),
        new(R("Certificate"), g => g.CertificateNo),
    ];
}

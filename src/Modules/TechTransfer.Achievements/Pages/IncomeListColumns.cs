using TechTransfer.Achievements.Features;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using static TechTransfer.Achievements.Pages.UiText;

namespace TechTransfer.Achievements.Pages;

/// <summary>The columns of the income plan list's Excel export: the page's columns, labels in the current language.</summary>
internal static class IncomeListColumns
{
    public static IReadOnlyList<ListColumn<IncomeSummary>> All =>
    [
        new(R("Achievement3"), d => Title(d.AchievementTitle, d.AchievementTitleEn)),
        new(R("Mode"), d => Mode(d.Mode)),
        new(R("IncomeDate"), d => BusinessTime.Show(d.IncomeDate)),
        new(R("Gross2"), d => d.GrossIncome),
        new(R("Net"), d => d.NetIncome),
        new(R("TeamShare3"), d => Pct(d.TeamSharePercent)),
        new(R("TeamAmount"), d => d.TeamAmount),
        new(R("Status"), d => PlanStatus(d.Status)),
    ];
}

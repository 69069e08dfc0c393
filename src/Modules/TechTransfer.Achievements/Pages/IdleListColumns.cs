using TechTransfer.Achievements.Features;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using static TechTransfer.Achievements.Pages.UiText;

namespace TechTransfer.Achievements.Pages;

/// <summary>The columns of the idle achievement list's Excel export: the page's columns, labels in the current language.</summary>
internal static class IdleListColumns
{
    public static IReadOnlyList<ListColumn<IdleAchievementDto>> All =>
    [
        new(R("Title"), a => Title(a.Title, a.TitleEn)),
        new(R("Registered"), a => Date(a.RegisteredAt)),
        new(R("AgeDays"), a => a.AgeDays),
        new(R("Flagged"), a => Date(a.FlaggedAt)),
        new(R("Completers"), a => string.Join(Bilingual.CurrentIsEnglish ? ", " : "、", a.Completers)),
        new(R("StateMayImplementOrLicense"), a => a.StateMayImplementOrLicense ? R("Yes") : R("No")),
    ];
}

using TechTransfer.Achievements.Features;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel.Fields;
using static TechTransfer.Achievements.Pages.UiText;

namespace TechTransfer.Achievements.Pages;

/// <summary>The columns of the achievement list's Excel export: the page's columns, labels in the current language.</summary>
internal static class AchievementListColumns
{
    public static IReadOnlyList<ListColumn<AchievementSummary>> All =>
    [
        new(R("Title"), a => Title(a.Title, a.TitleEn)),
        new(R("Field"), a => TechnicalFields.Label(a.TechnicalField)),
        new(R("IP"), a => Ip(a.IpType)),
        new("TRL", a => a.Trl),
        new(R("Status"), a => Status(a.Status)),
        new(R("Conversion3"), a => Conversion(a.ConversionStatus)),
        new(R("Updated"), a => Date(a.UpdatedAt)),
    ];
}

using TechTransfer.Patents.Features.Custody;
using TechTransfer.Platform.Lists;
using static TechTransfer.Patents.Pages.UiText;

namespace TechTransfer.Patents.Pages;

/// <summary>The columns of the custody agreement list's Excel export: the page's columns, labels in the current language.</summary>
internal static class CustodyListColumns
{
    public static IReadOnlyList<ListColumn<CustodySummary>> All =>
    [
        new(R("Agreement"), a => a.AgreementNo),
        new(R("Subject"), a => Title(a.SubjectTitle, a.SubjectTitleEn)),
        new(R("Operator"), a => a.OperatorName),
        new(R("PriceFloor"), a => a.PriceFloorYuan),
        new(R("TermStart"), a => Date(a.TermStart)),
        new(R("TermEnd"), a => Date(a.TermEnd)),
        new(R("Status"), a => CustodyDisplay(a.DisplayStatus)),
    ];
}

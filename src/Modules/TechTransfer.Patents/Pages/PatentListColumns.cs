using TechTransfer.Patents.Features.Patents;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using static TechTransfer.Patents.Pages.UiText;

namespace TechTransfer.Patents.Pages;

/// <summary>The columns of the patent list's Excel export: the page's columns, labels in the current language.</summary>
internal static class PatentListColumns
{
    public static IReadOnlyList<ListColumn<PatentSummary>> All =>
    [
        new(R("ApplicationNo"), p => p.ApplicationNo),
        new(R("Title"), p => Title(p.Title, p.TitleEn)),
        new(R("Type2"), p => Of(p.Type)),
        new(R("Filed2"), p => Date(p.FilingDate)),
        new(R("Expires"), p => Date(p.ExpiryDate)),
        new(R("FeesPaidUntil"), p => Date(p.AnnualFeePaidUntil)),
        new(R("Status2"), p => Of(p.LegalStatus)),
    ];
}

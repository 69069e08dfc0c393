using TechTransfer.Patents.Features.OpenLicenses;
using TechTransfer.Platform.Lists;
using static TechTransfer.Patents.Pages.UiText;

namespace TechTransfer.Patents.Pages;

/// <summary>The columns of the open-licence lists' Excel export (catalogue and "mine"), labels in the current language.</summary>
internal static class OpenLicenseListColumns
{
    public static IReadOnlyList<ListColumn<OpenLicenseSummary>> All =>
    [
        new(R("PatentNo"), d => d.PatentNo),
        new(R("Patent"), d => Title(d.PatentTitle, d.PatentTitleEn)),
        new(R("PatentType"), d => Of(d.PatentType)),
        new(R("Patentee"), d => d.PatenteeNames),
        new(R("Fee"), d => Fee(d.PaymentMode, d.FixedFeeYuan, d.InitialPaymentYuan, d.RoyaltyRatePercent, d.RoyaltyBase)),
        new(R("TermStart2"), d => Date(d.LicenseTermStart)),
        new(R("TermEnd2"), d => Date(d.LicenseTermEnd)),
        new(R("Announcement"), d => d.AnnouncementNo),
        new(R("AnnouncementDate"), d => Date(d.AnnouncementDate)),
        new(R("Status"), d => Of(d.Status)),
    ];
}

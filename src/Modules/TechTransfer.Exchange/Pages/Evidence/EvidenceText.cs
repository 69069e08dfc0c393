using TechTransfer.Exchange.Domain.Evidence;
using TechTransfer.Exchange.Features.Evidence;
using TechTransfer.Exchange.Pages.Listings;

namespace TechTransfer.Exchange.Pages.Evidence;

/// <summary>Labels of the evidence pages from ExchangeText.resx: step kinds (<c>Evidence_Kind_*</c>), chains, problems, the state.</summary>
public static class EvidenceText
{
    public static string Kind(string kind) => AttestationPdf.KindLabel(kind, System.Globalization.CultureInfo.CurrentUICulture);

    /// <summary>The chain's kind (listing, lot, deal) from its key <c>kind:id</c>.</summary>
    public static string Chain(string chain) => ListingText.R("Evidence_Chain_" + chain.Split(':')[0]);

    public static string Problem(EvidenceProblem p) => ListingText.R("Evidence_Problem_" + p);

    public static string State(DealVerification v) =>
        ListingText.R(v.FirstBreak is not null ? "Evidence_State_Broken" : v.RecordCount == 0 ? "Evidence_State_Empty" : "Evidence_State_Verified");
}

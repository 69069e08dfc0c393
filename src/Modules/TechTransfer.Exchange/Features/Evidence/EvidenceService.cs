using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Evidence;
using TechTransfer.Exchange.Features.Deals;
using TechTransfer.Exchange.Pages.Listings;
using TechTransfer.Platform.Pdf;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Patents;

namespace TechTransfer.Exchange.Features.Evidence;

/// <summary>
/// The attestation of a deal (确权 · 鉴证): the public verification (anyone, by the deal's id: chain heads, record counts,
/// the steps by kind and time and the first broken link — nothing confidential) and the transaction attestation
/// certificate (交易鉴证书, PDF) for the deal's parties and the operator (others 404, the deal's own visibility).
/// </summary>
public sealed class EvidenceService(
    TechTransferDbContext db, ICurrentUser user, EvidenceVerifier verifier, IOrganizationFactsLookup organizations, IPatentFactsLookup patents)
{
    /// <summary>The public verification page of a deal, relative to the platform's address (the certificate prints it absolute).</summary>
    public static string PublicPath(Guid dealId) => $"/evidence/deals/{dealId:D}";

    public async Task<Result<DealVerification>> VerifyAsync(Guid dealId, CancellationToken ct) =>
        await verifier.VerifyDealAsync(dealId, ct) is { } v ? v : DealErrors.NotFound;

    /// <summary>交易鉴证书: parties, object, price, the steps, the chain head and the address of the public verification page.</summary>
    public async Task<Result<(byte[] Pdf, string FileName)>> CertificateAsync(Guid dealId, string baseUrl, CancellationToken ct)
    {
        var deal = await DealService.VisibleTo(db.Set<ExchangeDeal>().AsNoTracking(), user).FirstOrDefaultAsync(d => d.Id == dealId, ct);
        if (deal is null) return DealErrors.NotFound;
        var verification = (await verifier.VerifyDealAsync(dealId, ct))!;
        var seller = await organizations.FindAsync(deal.SellerOrganizationId, ct);
        var buyer = deal.BuyerOrganizationId is { } b ? await organizations.FindAsync(b, ct) : null;
        var objectText = deal.Title;
        if (deal.ObjectType == DealObjectType.Patents)
        {
            var facts = await patents.PatentsAsync(deal.ObjectIds, ct);
            var listed = deal.ObjectIds.Where(facts.ContainsKey).Select(id => $"{facts[id].Title}（{facts[id].ApplicationNo}）").ToList();
            if (listed.Count > 0) objectText = string.Join("；", listed);
        }
        var url = baseUrl.TrimEnd('/') + PublicPath(deal.Id);
        return (AttestationPdf.Render(deal, seller?.NameZh ?? "—", buyer?.NameZh ?? "—", objectText, verification, url), $"attestation-{deal.DealNo}.pdf");
    }
}

/// <summary>交易鉴证书 as a Chinese PDF (PDFsharp + the platform's CJK font, <see cref="PdfSheet"/>).</summary>
public static class AttestationPdf
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string KindLabel(string kind, CultureInfo culture)
    {
        try { return ListingText.In("Evidence_Kind_" + kind.Replace('.', '_'), culture); }
        catch (KeyNotFoundException) { return kind; }
    }

    public static byte[] Render(ExchangeDeal d, string seller, string buyer, string objectText, DealVerification v, string url)
    {
        using var sheet = PdfSheet.Begin("交易鉴证书", "Transaction Attestation Certificate", $"交易鉴证书 {d.DealNo}", subject: d.Title, created: v.VerifiedAt);
        sheet.Rows(
        [
            ("鉴证编号", "Certificate No.", "JZ-" + d.DealNo),
            ("成交编号", "Deal No.", d.DealNo),
            ("项目名称", "Project", d.Title),
            ("交易标的", "Object", objectText),
            ("交易方式", "Deal type", DealConfirmationPdf.DealTypeZh(d.DealType)),
            ("转让方/许可方", "Transferor / licensor", seller),
            ("受让方/被许可方", "Buyer", buyer),
            ("成交价", "Price", DealConfirmationPdf.Money(d.PriceYuan)),
            ("成交日期", "Deal date", d.DealDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
            ("交易状态", "Status", d.Status switch { DealStatus.Confirmed => "已确认", DealStatus.Annulled => "已作废", _ => "待签署" }),
        ]);
        sheet.Paragraph("交易过程", "Steps of the deal, as kept in the evidence chain");
        foreach (var s in v.Steps)
            sheet.Row(BusinessTime.ShowTime(s.At), s.Chain.Split(':')[0], $"{KindLabel(s.Kind, Zh)}（第 {s.Sequence} 号记录）");
        sheet.Paragraph("证据链", "Evidence chain");
        sheet.Rows(
        [
            ("证据链头", "Chain head (SHA-256)", v.ChainHead),
            ("记录数", "Records", v.RecordCount.ToString(CultureInfo.InvariantCulture)),
            ("核验结果", "Verification", v.Verified ? $"完整，核验于 {BusinessTime.ShowTime(v.VerifiedAt)}" : "证据链不完整，请联系交易所"),
            ("公开核验地址", "Public verification", url),
        ]);
        return sheet.Footer("本鉴证书所载交易过程均已按顺序记入哈希证据链（SHA-256）；任何人可在上述地址核验证据链头与记录是否被篡改。",
            "Every step above is kept in order in a SHA-256 hash chain; anyone can check at the address above that its head and records are unaltered.").ToBytes();
    }
}

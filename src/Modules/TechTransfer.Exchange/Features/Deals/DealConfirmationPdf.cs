using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.Platform.Pdf;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>
/// 成交确认书 (R6.6): the deal confirmation as a Chinese PDF (PDFsharp + WenQuanYi Micro Hei, stack.md §6) — parties,
/// object, deal type, price, each side's commission, settlement, dates and the state of both signatures. Each signature keeps the SHA-256 of
/// the PDF as rendered for the signer at that moment.
/// </summary>
public static class DealConfirmationPdf
{
    public static IReadOnlyList<(string Zh, string En, string Value)> Rows(ExchangeDeal d, string seller, string buyer, IReadOnlyList<DealPatent> patents)
    {
        var objectText = d.ObjectType == DealObjectType.Patents && patents.Count > 0
            ? string.Join("；", patents.Select(p => $"{p.Title}（{p.ApplicationNo}）"))
            : d.Title;
        var rows = new List<(string, string, string)>
        {
            ("成交编号", "Deal No.", d.DealNo),
            ("成交方式", "Method", d.Origin == DealOrigin.Auction ? "拍卖成交" : "挂牌/协议定价成交"),
            ("项目名称", "Project", d.Title),
            ("交易标的", "Object", objectText),
            ("交易方式", "Deal type", DealTypeZh(d.DealType)),
            ("转让方/许可方", "Transferor / licensor", seller),
            ("受让方/被许可方", "Buyer", buyer),
            ("成交价", "Price", Money(d.PriceYuan)),
            ("卖方佣金", "Seller's commission", $"{Money(d.SellerCommissionYuan)}（{d.SellerCommissionPercent.ToString("0.##", CultureInfo.InvariantCulture)}%）"),
            ("买方佣金", "Buyer's commission", $"{Money(d.BuyerCommissionYuan)}（{d.BuyerCommissionPercent.ToString("0.##", CultureInfo.InvariantCulture)}%）"),
            ("结算方式", "Settlement", d.Settlement == DealSettlement.LumpSum
                ? $"一次性支付，于 {d.PaymentDueOn:yyyy-MM-dd} 前付清"
                : "分期支付：" + string.Join("；", d.Instalments.Select((x, i) => $"第{i + 1}期 {x.DueDate:yyyy-MM-dd} {Money(x.AmountYuan)}{(x.Milestone is { } m ? "（" + m + "）" : "")}"))),
            ("成交日期", "Deal date", d.DealDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
            ("买受人签署", "Buyer's signature", d.BuyerSignedAt is { } b ? $"已签署 {BusinessTime.ShowTime(b)}" : "待签署"),
            ("交易所签署", "Exchange's signature", d.OperatorSignedAt is { } o ? $"已签署 {BusinessTime.ShowTime(o)}" : "待签署"),
            ("状态", "Status", d.Status switch { DealStatus.Confirmed => "已确认", DealStatus.Annulled => "已作废", _ => "待签署" }),
        };
        return rows;
    }

    public static string DealTypeZh(ListingDealType t) => t switch
    {
        ListingDealType.Transfer => "转让",
        ListingDealType.ExclusiveLicence => "独占许可",
        ListingDealType.SoleLicence => "排他许可",
        ListingDealType.OrdinaryLicence => "普通许可",
        _ => "作价投资",
    };

    public static byte[] Render(ExchangeDeal d, string seller, string buyer, IReadOnlyList<DealPatent> patents)
    {
        CjkPdfFont.EnsureRegistered();
        using var doc = new PdfDocument();
        doc.Info.Title = $"成交确认书 {d.DealNo}";
        doc.Info.Subject = d.Title;
        doc.Info.Creator = "TechTransfer";
        doc.Info.CreationDate = d.CreatedAt.UtcDateTime;
        var page = doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(CjkPdfFont.Family, 22);
            var label = new XFont(CjkPdfFont.Family, 10.5);
            var value = new XFont(CjkPdfFont.Family, 11);
            var small = new XFont(CjkPdfFont.Family, 8.5);
            double w = page.Width.Point, x0 = 60, x1 = 200, y = 64;
            g.DrawRectangle(new XPen(XColors.DarkRed, 2), 30, 30, w - 60, page.Height.Point - 60);
            g.DrawString("成交确认书", title, XBrushes.DarkRed, new XRect(0, y, w, 30), XStringFormats.TopCenter);
            y += 34;
            g.DrawString("Deal Confirmation", label, XBrushes.Gray, new XRect(0, y, w, 16), XStringFormats.TopCenter);
            y += 34;
            foreach (var (zh, en, v) in Rows(d, seller, buyer, patents))
            {
                g.DrawString(zh, label, XBrushes.Black, new XRect(x0, y, 140, 14), XStringFormats.TopLeft);
                g.DrawString(en, small, XBrushes.Gray, new XRect(x0, y + 14, 140, 12), XStringFormats.TopLeft);
                var lines = Wrap(v, 30).Take(6).ToList();
                foreach (var line in lines)
                {
                    g.DrawString(line, value, XBrushes.Black, new XRect(x1, y, w - x1 - 50, 16), XStringFormats.TopLeft);
                    y += 16;
                }
                y += Math.Max(0, 30 - lines.Count * 16) + 4;
            }
            y += 6;
            g.DrawString("双方在平台内签署即表示确认上述成交事项（《拍卖法》第五十二条）；价款及佣金按约定期限支付。", small, XBrushes.Gray,
                new XRect(x0, y, w - 120, 12), XStringFormats.TopLeft);
            g.DrawString("Signing in the platform confirms the deal above; the price and commission are due as stated.", small, XBrushes.Gray,
                new XRect(x0, y + 13, w - 120, 12), XStringFormats.TopLeft);
        }
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }

    private static string Money(decimal yuan) => $"{yuan.ToString("N2", CultureInfo.InvariantCulture)} 元";

    private static IEnumerable<string> Wrap(string s, int width)
    {
        if (s.Length <= width) { yield return s; yield break; }
        for (var i = 0; i < s.Length; i += width) yield return s.Substring(i, Math.Min(width, s.Length - i));
    }
}

using System.Globalization;
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
        using var sheet = PdfSheet.Begin("成交确认书", "Deal Confirmation", $"成交确认书 {d.DealNo}", subject: d.Title, created: d.CreatedAt);
        return sheet.Rows(Rows(d, seller, buyer, patents))
            .Footer("双方在平台内签署即表示确认上述成交事项（《拍卖法》第五十二条）；价款及佣金按约定期限支付。",
                "Signing in the platform confirms the deal above; the price and commission are due as stated.").ToBytes();
    }

    internal static string Money(decimal yuan) => $"{yuan.ToString("N2", CultureInfo.InvariantCulture)} 元";
}

using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Platform.Pdf;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features.Certificate;

/// <summary>One line of the certificate: the label in both languages and the value.</summary>
public sealed record CertificateRow(string Zh, string En, string Value);

/// <summary>技术合同登记证明: the registration certificate as a Chinese PDF (PDFsharp 6.2.4 + WenQuanYi Micro Hei, stack.md §6).</summary>
public static class CertificatePdf
{
    public const string FontFamily = CjkPdfFont.Family;

    /// <summary>
    /// What the certificate attests, line by line. R2.6: a mixed contract is registered with its stated technical part as
    /// its total (合同成交额（技术部分）), and the certificate says so.
    /// </summary>
    public static IReadOnlyList<CertificateRow> Rows(TechnologyContract c, string registryOfficeName)
    {
        var sellers = string.Join("；", c.Parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).Select(p => p.Name));
        var buyers = string.Join("；", c.Parties.Where(p => p.Role == PartyRole.Buyer).OrderBy(p => p.Order).Select(p => p.Name));
        var (catZh, catEn) = ContractCategories.Label(c.Category);
        var (subZh, _) = ContractCategories.Label(c.SubType);
        var mixed = c.IsMixedContract && c.StatedTechnicalPartAmount is not null;
        return
        [
            new("合同登记编号", "Registration No.", c.RegistrationNo ?? ""),
            new("项目名称", "Project", c.ProjectName),
            new("合同类别", "Category", c.SubType == ContractSubType.None ? $"{catZh}（{catEn}）" : $"{catZh} / {subZh}（{catEn}）"),
            new("卖方", "Seller", sellers),
            new("买方", "Buyer", buyers),
            new("签订日期", "Signed", c.SignedDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
            new("合同有效期", "Term", $"{c.ValidFrom:yyyy-MM-dd} 至 {c.ValidTo:yyyy-MM-dd}"),
            mixed
                ? new("合同成交额（技术部分）", "Total amount (technical part of a mixed contract)", Money(c.RegisterableAmount))
                : new("合同成交额", "Total amount", Money(c.RegisterableAmount)),
            new("核定技术交易额", "Assessed technology transaction amount", Money(c.AssessedTechTransactionAmount ?? 0)),
            new("登记日期", "Registered", c.RegisteredAt is { } r ? BusinessTime.DateOf(r).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : ""),
            new("登记机构", "Registry", registryOfficeName),
        ];
    }

    public static Result<byte[]> Render(TechnologyContract c, string registryOfficeName)
    {
        if (!c.IsEffectivelyRegistered || c.RegistrationNo is null) return ContractErrors.NotRegistered;
        CjkPdfFont.EnsureRegistered();

        using var doc = new PdfDocument();
        doc.Info.Title = $"技术合同登记证明 {c.RegistrationNo}";
        doc.Info.Subject = c.ProjectName;
        doc.Info.Creator = "TechTransfer";
        var page = doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(FontFamily, 22);
            var label = new XFont(FontFamily, 10.5);
            var value = new XFont(FontFamily, 11.5);
            var small = new XFont(FontFamily, 8.5);
            double w = page.Width.Point, x0 = 60, x1 = 200, y = 70;

            g.DrawRectangle(new XPen(XColors.DarkRed, 2), 30, 30, w - 60, page.Height.Point - 60);
            g.DrawString("技术合同登记证明", title, XBrushes.DarkRed, new XRect(0, y, w, 30), XStringFormats.TopCenter);
            y += 34;
            g.DrawString("Certificate of Technology Contract Registration", label, XBrushes.Gray, new XRect(0, y, w, 16), XStringFormats.TopCenter);
            y += 40;

            var rows = Rows(c, registryOfficeName);
            foreach (var (zh, en, v) in rows)
            {
                g.DrawString(zh, label, XBrushes.Black, new XRect(x0, y, 140, 14), XStringFormats.TopLeft);
                g.DrawString(en, small, XBrushes.Gray, new XRect(x0, y + 14, 140, 12), XStringFormats.TopLeft);
                foreach (var line in Wrap(v, 38))
                {
                    g.DrawString(line, value, XBrushes.Black, new XRect(x1, y, w - x1 - 50, 16), XStringFormats.TopLeft);
                    y += 17;
                }
                y += 18;
            }
            if (c.IsMixedContract && c.StatedTechnicalPartAmount is not null)
            {
                g.DrawString("混合合同：仅就约定的技术部分认定登记。", label, XBrushes.DarkRed, new XRect(x0, y, w - 120, 14), XStringFormats.TopLeft);
                y += 20;
            }
            if (c.Status == RegistrationStatus.ChangeRegistered)
            {
                g.DrawString("本合同已办理变更登记。", label, XBrushes.DarkRed, new XRect(x0, y, w - 120, 14), XStringFormats.TopLeft);
                y += 20;
            }
            y += 10;
            g.DrawString("本证明依据《技术合同认定登记管理办法》出具，仅证明合同已经认定登记；税收优惠以主管税务机关认定为准。", small, XBrushes.Gray,
                new XRect(x0, y, w - 120, 12), XStringFormats.TopLeft);
            g.DrawString("This certificate only attests the registration; tax treatment is decided by the tax authority.", small, XBrushes.Gray,
                new XRect(x0, y + 13, w - 120, 12), XStringFormats.TopLeft);
        }
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }

    private static string Money(decimal yuan) => $"{yuan.ToString("N2", CultureInfo.InvariantCulture)} 元（{Yuan.Display(yuan, false)}）";

    private static IEnumerable<string> Wrap(string s, int width)
    {
        if (s.Length <= width) { yield return s; yield break; }
        for (var i = 0; i < s.Length; i += width) yield return s.Substring(i, Math.Min(width, s.Length - i));
    }
}

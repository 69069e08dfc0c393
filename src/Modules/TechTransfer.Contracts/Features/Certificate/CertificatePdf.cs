using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features.Certificate;

/// <summary>技术合同登记证明: the registration certificate as a Chinese PDF (PDFsharp 6.2.4 + WenQuanYi Micro Hei, stack.md §6).</summary>
public static class CertificatePdf
{
    public const string FontFamily = "CJK";

    public static Result<byte[]> Render(TechnologyContract c, string registryOfficeName)
    {
        if (!c.IsEffectivelyRegistered || c.RegistrationNo is null) return ContractErrors.NotRegistered;
        CjkFontResolver.EnsureRegistered();

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

            var sellers = string.Join("；", c.Parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).Select(p => p.Name));
            var buyers = string.Join("；", c.Parties.Where(p => p.Role == PartyRole.Buyer).OrderBy(p => p.Order).Select(p => p.Name));
            var (catZh, catEn) = ContractCategories.Label(c.Category);
            var (subZh, _) = ContractCategories.Label(c.SubType);
            var rows = new (string Zh, string En, string Value)[]
            {
                ("合同登记编号", "Registration No.", c.RegistrationNo),
                ("项目名称", "Project", c.ProjectName),
                ("合同类别", "Category", c.SubType == ContractSubType.None ? $"{catZh}（{catEn}）" : $"{catZh} / {subZh}（{catEn}）"),
                ("卖方", "Seller", sellers),
                ("买方", "Buyer", buyers),
                ("签订日期", "Signed", c.SignedDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
                ("合同有效期", "Term", $"{c.ValidFrom:yyyy-MM-dd} 至 {c.ValidTo:yyyy-MM-dd}"),
                ("合同成交额", "Total amount", Money(c.TotalAmount)),
                ("核定技术交易额", "Assessed technology transaction amount", Money(c.AssessedTechTransactionAmount ?? 0)),
                ("登记日期", "Registered", c.RegisteredAt is { } r ? ChinaTime.Today(r).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : ""),
                ("登记机构", "Registry", registryOfficeName),
            };
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

/// <summary>
/// PDFsharp font resolver for Chinese: PDFsharp cannot read .ttc, so face 0 of WenQuanYi Micro Hei is extracted as a TTF.
/// The font path can be set with TECHTRANSFER_CJK_FONT.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();
    private static byte[]? _font;

    public static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    ];

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new CjkFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(CertificatePdf.FontFamily);

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (_font is not null) return _font;
            var path = Environment.GetEnvironmentVariable("TECHTRANSFER_CJK_FONT") is { Length: > 0 } p ? p : Candidates.FirstOrDefault(File.Exists)
                       ?? throw new FileNotFoundException("No CJK font found: install fonts-wqy-microhei or set TECHTRANSFER_CJK_FONT.");
            return _font = Ttc.Extract(File.ReadAllBytes(path), 0);
        }
    }
}

/// <summary>Copies face i of a TrueType Collection into a standalone sfnt (stack.md §6).</summary>
internal static class Ttc
{
    private static uint U32(byte[] b, int o) => (uint)(b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]);

    private static void W32(byte[] b, int o, uint v)
    {
        b[o] = (byte)(v >> 24); b[o + 1] = (byte)(v >> 16); b[o + 2] = (byte)(v >> 8); b[o + 3] = (byte)v;
    }

    public static byte[] Extract(byte[] ttc, int i)
    {
        if (U32(ttc, 0) != 0x74746366) return ttc;
        var off = (int)U32(ttc, 12 + 4 * i);
        var n = ttc[off + 4] << 8 | ttc[off + 5];
        var hdr = 12 + 16 * n;
        var t = Enumerable.Range(0, n).Select(k => ((int)U32(ttc, off + 12 + 16 * k + 8), (int)U32(ttc, off + 12 + 16 * k + 12))).ToList();
        var r = new byte[hdr + t.Sum(x => (x.Item2 + 3) & ~3)];
        Array.Copy(ttc, off, r, 0, hdr);
        var p = hdr;
        for (var k = 0; k < n; k++)
        {
            Array.Copy(ttc, t[k].Item1, r, p, t[k].Item2);
            W32(r, 12 + 16 * k + 8, (uint)p);
            p += (t[k].Item2 + 3) & ~3;
        }
        return r;
    }
}

using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TechTransfer.Achievements.Domain;
using TechTransfer.Platform.Pdf;

namespace TechTransfer.Achievements.Features;

/// <summary>赋权证书 as a Chinese PDF (English under each line), drawn with the platform's CJK font like the contract certificate.</summary>
public static class RightsGrantCertificatePdf
{
    public static byte[] Render(RightsGrantCertificate certificate)
    {
        CjkPdfFont.EnsureRegistered();
        using var doc = new PdfDocument();
        doc.Info.Title = $"科技成果赋权证书 {certificate.Number}";
        doc.Info.Creator = "TechTransfer";
        var page = doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(CjkPdfFont.Family, 22);
            var value = new XFont(CjkPdfFont.Family, 12);
            var small = new XFont(CjkPdfFont.Family, 8.5);
            double w = page.Width.Point, x0 = 70, y = 70;

            g.DrawRectangle(new XPen(XColors.DarkRed, 2), 30, 30, w - 60, page.Height.Point - 60);
            g.DrawString("科技成果赋权证书", title, XBrushes.DarkRed, new XRect(0, y, w, 30), XStringFormats.TopCenter);
            y += 34;
            g.DrawString("Certificate of Rights Grant for a Scientific and Technological Achievement", small, XBrushes.Gray, new XRect(0, y, w, 14), XStringFormats.TopCenter);
            y += 44;
            foreach (var (zh, en) in certificate.Lines)
            {
                foreach (var line in Wrap(zh, 36))
                {
                    g.DrawString(line, value, XBrushes.Black, new XRect(x0, y, w - 2 * x0, 16), XStringFormats.TopLeft);
                    y += 17;
                }
                foreach (var line in Wrap(en, 90))
                {
                    g.DrawString(line, small, XBrushes.Gray, new XRect(x0, y, w - 2 * x0, 12), XStringFormats.TopLeft);
                    y += 12;
                }
                y += 12;
            }
            y += 10;
            g.DrawString("本证书依据单位赋权决定出具；所有权变更须按规定办理登记后对外生效。", small, XBrushes.Gray, new XRect(x0, y, w - 2 * x0, 12), XStringFormats.TopLeft);
            g.DrawString("Issued on the unit's grant decision; a change of ownership takes effect towards others once registered.", small, XBrushes.Gray,
                new XRect(x0, y + 13, w - 2 * x0, 12), XStringFormats.TopLeft);
        }
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }

    private static IEnumerable<string> Wrap(string s, int width)
    {
        if (s.Length <= width) { yield return s; yield break; }
        for (var i = 0; i < s.Length; i += width) yield return s.Substring(i, Math.Min(width, s.Length - i));
    }
}

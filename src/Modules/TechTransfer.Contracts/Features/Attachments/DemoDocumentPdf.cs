using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TechTransfer.Platform.Pdf;
using TechTransfer.Contracts.Features.Certificate;

namespace TechTransfer.Contracts.Features.Attachments;

/// <summary>
/// A one-page Chinese PDF for the demo dataset's attachment files (contract text, 技术性收入核定表, 承诺书): a title, labelled
/// rows and closing paragraphs, drawn with the certificate's CJK font. Demo content only; real files are uploaded.
/// </summary>
internal static class DemoDocumentPdf
{
    public static byte[] Render(string title, string subtitle, IReadOnlyList<(string Label, string Value)> rows, IReadOnlyList<string> paragraphs)
    {
        CjkPdfFont.EnsureRegistered();
        using var doc = new PdfDocument();
        doc.Info.Title = title;
        doc.Info.Creator = "TechTransfer demo data";
        var page = doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var head = new XFont(CertificatePdf.FontFamily, 18);
            var text = new XFont(CertificatePdf.FontFamily, 10.5);
            var small = new XFont(CertificatePdf.FontFamily, 8.5);
            double w = page.Width.Point, x0 = 60, y = 60;
            g.DrawString(title, head, XBrushes.Black, new XRect(0, y, w, 24), XStringFormats.TopCenter);
            y += 28;
            g.DrawString(subtitle, small, XBrushes.Gray, new XRect(0, y, w, 12), XStringFormats.TopCenter);
            y += 30;
            foreach (var (label, value) in rows)
            {
                g.DrawString(label, text, XBrushes.Black, new XRect(x0, y, 130, 14), XStringFormats.TopLeft);
                foreach (var line in Wrap(value, 36))
                {
                    g.DrawString(line, text, XBrushes.Black, new XRect(x0 + 140, y, w - x0 - 200, 14), XStringFormats.TopLeft);
                    y += 16;
                }
                y += 6;
            }
            y += 10;
            foreach (var p in paragraphs)
            {
                foreach (var line in Wrap(p, 44))
                {
                    g.DrawString(line, text, XBrushes.Black, new XRect(x0, y, w - 2 * x0, 14), XStringFormats.TopLeft);
                    y += 16;
                }
                y += 8;
            }
            g.DrawString("（演示数据 · Demo data）", small, XBrushes.Gray, new XRect(x0, page.Height.Point - 60, w - 2 * x0, 12), XStringFormats.TopLeft);
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

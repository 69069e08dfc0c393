using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TechTransfer.Platform.Pdf;

/// <summary>
/// The platform's one-column A4 document (certificates, confirmations): a framed page, a dark-red Chinese title with its
/// English subtitle, then label/value rows (the Chinese label with its English below, the value beside it), paragraphs,
/// notes and a small grey footer — all in <see cref="CjkPdfFont"/> (PDFsharp 6.2.4, stack.md §6). Text is wrapped to the
/// column by its measured width (Latin text at spaces where it can), and whatever does not fit starts a new framed page,
/// so a long value is never cut. A module gives the words; the drawing lives here:
/// <code>
/// using var sheet = PdfSheet.Begin("成交确认书", "Deal Confirmation", $"成交确认书 {no}");
/// return sheet.Rows(rows).Footer("……", "…").ToBytes();
/// </code>
/// </summary>
public sealed class PdfSheet : IDisposable
{
    private const double Margin = 60, ValueX = 200, Right = 50, Top = 60, Bottom = 56, LineHeight = 16;

    private readonly PdfDocument _doc = new();
    private readonly XFont _title, _label, _value, _paragraph, _small;
    private PdfPage _page = null!;
    private XGraphics _g = null!;
    private double _y;

    private PdfSheet(string documentTitle, string? subject, DateTimeOffset? created)
    {
        CjkPdfFont.EnsureRegistered();
        _doc.Info.Title = documentTitle;
        if (subject is not null) _doc.Info.Subject = subject;
        _doc.Info.Creator = "TechTransfer";
        if (created is { } c) _doc.Info.CreationDate = c.UtcDateTime;
        _title = new XFont(CjkPdfFont.Family, 22);
        _label = new XFont(CjkPdfFont.Family, 10.5);
        _value = new XFont(CjkPdfFont.Family, 11);
        _paragraph = new XFont(CjkPdfFont.Family, 12);
        _small = new XFont(CjkPdfFont.Family, 8.5);
        NewPage();
    }

    /// <summary>Starts the document with its heading; <paramref name="created"/> fixes the creation date (a document whose
    /// bytes are hashed must render the same twice).</summary>
    public static PdfSheet Begin(string title, string subtitle, string documentTitle, string? subject = null, DateTimeOffset? created = null)
    {
        var sheet = new PdfSheet(documentTitle, subject, created);
        sheet._y = Top + 10;
        sheet._g.DrawString(title, sheet._title, XBrushes.DarkRed, new XRect(0, sheet._y, sheet.Width, 30), XStringFormats.TopCenter);
        sheet._y += 34;
        foreach (var line in sheet.Wrap(subtitle, sheet._label, sheet.Width - 2 * Margin))
        {
            sheet._g.DrawString(line, sheet._label, XBrushes.Gray, new XRect(0, sheet._y, sheet.Width, 16), XStringFormats.TopCenter);
            sheet._y += 14;
        }
        sheet._y += 24;
        return sheet;
    }

    private double Width => _page.Width.Point;
    private double Height => _page.Height.Point;

    /// <summary>One labelled row: the Chinese label, its English below in grey, the value wrapped beside them.</summary>
    public PdfSheet Row(string zh, string en, string value)
    {
        var lines = Wrap(value, _value, Width - ValueX - Right);
        var height = Math.Max(30, lines.Count * LineHeight) + 6;
        Ensure(Math.Min(height, 3 * LineHeight));
        _g.DrawString(zh, _label, XBrushes.Black, new XRect(Margin, _y, ValueX - Margin - 8, 14), XStringFormats.TopLeft);
        _g.DrawString(en, _small, XBrushes.Gray, new XRect(Margin, _y + 14, ValueX - Margin - 8, 12), XStringFormats.TopLeft);
        var top = _y;
        foreach (var line in lines)
        {
            if (Ensure(LineHeight)) top = _y;
            _g.DrawString(line, _value, XBrushes.Black, new XRect(ValueX, _y, Width - ValueX - Right, LineHeight), XStringFormats.TopLeft);
            _y += LineHeight;
        }
        _y = Math.Max(_y, top + 30) + 6;
        return this;
    }

    public PdfSheet Rows(IEnumerable<(string Zh, string En, string Value)> rows)
    {
        foreach (var (zh, en, value) in rows) Row(zh, en, value);
        return this;
    }

    /// <summary>A full-width paragraph in Chinese with its English below in small grey type.</summary>
    public PdfSheet Paragraph(string zh, string en)
    {
        foreach (var line in Wrap(zh, _paragraph, Width - 2 * Margin)) Line(line, _paragraph, XBrushes.Black, 17);
        foreach (var line in Wrap(en, _small, Width - 2 * Margin)) Line(line, _small, XBrushes.Gray, 12);
        _y += 12;
        return this;
    }

    /// <summary>A remark that must stand out (dark red), e.g. "本合同已办理变更登记。".</summary>
    public PdfSheet Note(string text)
    {
        foreach (var line in Wrap(text, _label, Width - 2 * Margin)) Line(line, _label, XBrushes.DarkRed, 16);
        _y += 4;
        return this;
    }

    /// <summary>The closing remark in both languages, small and grey.</summary>
    public PdfSheet Footer(string zh, string en)
    {
        _y += 10;
        foreach (var line in Wrap(zh, _small, Width - 2 * Margin)) Line(line, _small, XBrushes.Gray, 13);
        foreach (var line in Wrap(en, _small, Width - 2 * Margin)) Line(line, _small, XBrushes.Gray, 13);
        return this;
    }

    public byte[] ToBytes()
    {
        _g.Dispose();
        using var ms = new MemoryStream();
        _doc.Save(ms, false);
        return ms.ToArray();
    }

    public void Dispose()
    {
        _g.Dispose();
        _doc.Dispose();
    }

    private void Line(string text, XFont font, XBrush brush, double height)
    {
        Ensure(height);
        _g.DrawString(text, font, brush, new XRect(Margin, _y, Width - 2 * Margin, height), XStringFormats.TopLeft);
        _y += height;
    }

    /// <summary>Starts a new page when <paramref name="height"/> more does not fit; whether it did.</summary>
    private bool Ensure(double height)
    {
        if (_y + height <= Height - Bottom) return false;
        _g.Dispose();
        NewPage();
        return true;
    }

    private void NewPage()
    {
        _page = _doc.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _g = XGraphics.FromPdfPage(_page);
        _g.DrawRectangle(new XPen(XColors.DarkRed, 2), 30, 30, Width - 60, Height - 60);
        _y = Top;
    }

    /// <summary>The lines of <paramref name="text"/> that fit <paramref name="width"/>: Chinese breaks between any two
    /// characters, Latin text at the last space of the line where there is one.</summary>
    internal List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var rest = paragraph.TrimEnd();
            while (rest.Length > 0)
            {
                var n = 1;
                while (n < rest.Length && _g.MeasureString(rest[..(n + 1)], font).Width <= width) n++;
                if (n < rest.Length && rest[n] != ' ' && rest[n - 1] < 0x2E80 && rest[..n].LastIndexOf(' ') is > 0 and var space) n = space;
                lines.Add(rest[..n].TrimEnd());
                rest = rest[n..].TrimStart();
            }
            if (paragraph.Trim().Length == 0) lines.Add("");
        }
        return lines;
    }
}

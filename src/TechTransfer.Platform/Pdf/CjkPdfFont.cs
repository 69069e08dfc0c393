using PdfSharp.Fonts;

namespace TechTransfer.Platform.Pdf;

/// <summary>
/// The platform's font for Chinese PDFs (PDFsharp 6.2.4, stack.md §6): every family resolves to face 0 of WenQuanYi Micro
/// Hei, extracted from its .ttc because PDFsharp cannot read collections. Modules draw with
/// <c>new XFont(CjkPdfFont.Family, size)</c> after <see cref="EnsureRegistered"/>. The font path can be set with
/// TECHTRANSFER_CJK_FONT.
/// </summary>
public sealed class CjkPdfFont : IFontResolver
{
    /// <summary>The face name every family resolves to (the same name the Contracts certificate uses).</summary>
    public const string Family = "CJK";

    private static readonly Lock Gate = new();
    private static byte[]? _font;

    public static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    ];

    /// <summary>Installs this resolver as PDFsharp's global resolver unless one is already installed (it is process-wide).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new CjkPdfFont();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Family);

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (_font is not null) return _font;
            var path = Environment.GetEnvironmentVariable("TECHTRANSFER_CJK_FONT") is { Length: > 0 } p ? p : Candidates.FirstOrDefault(File.Exists)
                       ?? throw new FileNotFoundException("No CJK font found: install fonts-wqy-microhei or set TECHTRANSFER_CJK_FONT.");
            return _font = ExtractFace(File.ReadAllBytes(path), 0);
        }
    }

    /// <summary>Copies face <paramref name="index"/> of a TrueType Collection into a standalone sfnt; a plain TTF is returned as is.</summary>
    public static byte[] ExtractFace(byte[] ttc, int index)
    {
        static uint U32(byte[] b, int o) => (uint)(b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]);
        static void W32(byte[] b, int o, uint v)
        {
            b[o] = (byte)(v >> 24); b[o + 1] = (byte)(v >> 16); b[o + 2] = (byte)(v >> 8); b[o + 3] = (byte)v;
        }

        if (U32(ttc, 0) != 0x74746366) return ttc; // not 'ttcf'
        var off = (int)U32(ttc, 12 + 4 * index);
        var n = ttc[off + 4] << 8 | ttc[off + 5];
        var hdr = 12 + 16 * n;
        var tables = Enumerable.Range(0, n).Select(k => ((int)U32(ttc, off + 12 + 16 * k + 8), (int)U32(ttc, off + 12 + 16 * k + 12))).ToList();
        var r = new byte[hdr + tables.Sum(x => (x.Item2 + 3) & ~3)];
        Array.Copy(ttc, off, r, 0, hdr);
        var p = hdr;
        for (var k = 0; k < n; k++)
        {
            Array.Copy(ttc, tables[k].Item1, r, p, tables[k].Item2);
            W32(r, 12 + 16 * k + 8, (uint)p);
            p += (tables[k].Item2 + 3) & ~3;
        }
        return r;
    }
}

using System.IO.Compression;

namespace TechTransfer.Contracts.Features.Attachments;

/// <summary>
/// Recognises a file's type from its first bytes (magic numbers), never from its name or the declared Content-Type:
/// PDF, PNG, JPEG, GIF, TIFF; Office Open XML (.docx/.xlsx/.pptx: a ZIP whose parts name the application) and legacy
/// Office (.doc/.xls/.ppt: an OLE2 compound file, told apart by the file extension). Anything else is unknown (null).
/// </summary>
public static class ContentSniffer
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string Tiff = "image/tiff";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string Doc = "application/msword";
    public const string Xls = "application/vnd.ms-excel";
    public const string Ppt = "application/vnd.ms-powerpoint";

    public static readonly IReadOnlyCollection<string> KnownTypes = [Pdf, Png, Jpeg, Gif, Tiff, Docx, Xlsx, Pptx, Doc, Xls, Ppt];

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> GifMagic => "GIF8"u8;
    private static ReadOnlySpan<byte> TiffLe => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBe => [0x4D, 0x4D, 0x00, 0x2A];
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> Ole2Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The content type of a seekable stream (read from its start; the position is restored), or null when unknown.</summary>
    public static string? Detect(Stream content, string fileName)
    {
        var start = content.Position;
        Span<byte> head = stackalloc byte[8];
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = start;
        head = head[..n];
        if (head.StartsWith(PdfMagic)) return Pdf;
        if (head.StartsWith(PngMagic)) return Png;
        if (head.StartsWith(JpegMagic)) return Jpeg;
        if (head.StartsWith(GifMagic)) return Gif;
        if (head.StartsWith(TiffLe) || head.StartsWith(TiffBe)) return Tiff;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.StartsWith(Ole2Magic))
            return extension switch { ".doc" => Doc, ".xls" => Xls, ".ppt" => Ppt, _ => null };
        if (head.StartsWith(ZipMagic))
        {
            try
            {
                using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
                var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (!names.Contains("[Content_Types].xml")) return null;
                if (names.Contains("word/document.xml")) return Docx;
                if (names.Contains("xl/workbook.xml")) return Xlsx;
                if (names.Contains("ppt/presentation.xml")) return Pptx;
                return null;
            }
            catch (InvalidDataException)
            {
                return null;
            }
            finally
            {
                content.Position = start;
            }
        }
        return null;
    }
}

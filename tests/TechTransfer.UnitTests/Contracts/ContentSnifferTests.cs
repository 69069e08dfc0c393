using System.IO.Compression;
using System.Text;
using TechTransfer.Contracts.Features.Attachments;

namespace TechTransfer.UnitTests.Contracts;

/// <summary>Attachment types are recognised from the content (magic bytes), not from the name.</summary>
public sealed class ContentSnifferTests
{
    private static string? Sniff(byte[] bytes, string name) => ContentSniffer.Detect(new MemoryStream(bytes), name);

    [Fact]
    public void Pdf_png_and_jpeg_are_recognised_by_their_magic_bytes()
    {
        Assert.Equal(ContentSniffer.Pdf, Sniff(Encoding.ASCII.GetBytes("%PDF-1.7\n..."), "x.bin"));
        Assert.Equal(ContentSniffer.Png, Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "x.pdf"));
        Assert.Equal(ContentSniffer.Jpeg, Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "scan.jpg"));
    }

    [Fact]
    public void A_text_file_named_pdf_is_not_a_pdf()
    {
        Assert.Null(Sniff(Encoding.UTF8.GetBytes("这不是 PDF 文件"), "合同.pdf"));
    }

    [Fact]
    public void A_docx_is_a_zip_with_a_word_document_part_and_a_plain_zip_is_refused()
    {
        Assert.Equal(ContentSniffer.Docx, Sniff(Zip("[Content_Types].xml", "word/document.xml"), "合同.docx"));
        Assert.Equal(ContentSniffer.Xlsx, Sniff(Zip("[Content_Types].xml", "xl/workbook.xml"), "表.xlsx"));
        Assert.Null(Sniff(Zip("readme.txt"), "合同.docx"));
    }

    [Fact]
    public void Legacy_office_files_are_told_apart_by_extension_and_an_unknown_extension_is_refused()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        Assert.Equal(ContentSniffer.Doc, Sniff(ole, "合同.doc"));
        Assert.Equal(ContentSniffer.Xls, Sniff(ole, "表.XLS"));
        Assert.Null(Sniff(ole, "setup.msi"));
    }

    [Fact]
    public void Detection_leaves_the_stream_where_it_was()
    {
        var s = new MemoryStream(Zip("[Content_Types].xml", "word/document.xml"));
        ContentSniffer.Detect(s, "a.docx");
        Assert.Equal(0, s.Position);
    }

    private static byte[] Zip(params string[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(e).Open());
                w.Write("<x/>");
            }
        return ms.ToArray();
    }
}

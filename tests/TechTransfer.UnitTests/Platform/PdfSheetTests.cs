using TechTransfer.Platform.Pdf;
using UglyToad.PdfPig;

namespace TechTransfer.UnitTests.Platform;

/// <summary>The platform's certificate layout: labelled rows, wrapped values and page breaks, all inside the frame.</summary>
public sealed class PdfSheetTests
{
    [Fact]
    public void A_long_value_wraps_inside_the_frame_and_rows_that_do_not_fit_start_a_new_page()
    {
        var longValue = string.Concat(Enumerable.Repeat("一种基于深度学习的锂电池极片缺陷检测方法及系统；", 8));
        using var sheet = PdfSheet.Begin("成交确认书", "Deal Confirmation", "成交确认书 T-1");
        sheet.Row("交易标的", "Object", longValue);
        for (var i = 0; i < 40; i++) sheet.Row($"第{i + 1}项", $"Item {i + 1}", $"值{i + 1}");
        var pdf = sheet.Footer("页脚说明。", "A footer in English that is long enough to need wrapping at a space rather than inside a word, twice over, and more.").ToBytes();

        using var doc = PdfDocument.Open(pdf);
        Assert.True(doc.NumberOfPages >= 2, $"{doc.NumberOfPages} page(s)");
        var text = string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("第40项", text);
        Assert.Contains("页脚说明", text);
        Assert.Equal(8, text.Split("缺陷检测方法及系统").Length - 1); // every character of the long value, none cut
        foreach (var page in doc.GetPages())
            Assert.All(page.Letters, l =>
            {
                Assert.InRange(l.BoundingBox.Left, 30, page.Width - 30);
                Assert.InRange(l.BoundingBox.Right, 30, page.Width - 30);
                Assert.InRange(l.BoundingBox.Bottom, 30, page.Height - 30);
            });
        Assert.DoesNotContain(doc.GetPages().SelectMany(p => p.GetWords()), w => w.Text is "wrappi" or "twic"); // Latin breaks at spaces
    }
}

using TechTransfer.Achievements.Domain;
using TechTransfer.Achievements.Features;
using UglyToad.PdfPig;
using static TechTransfer.UnitTests.Achievements.AchievementTestData;

namespace TechTransfer.UnitTests.Achievements;

/// <summary>The rights-grant certificate (赋权证书) is a PDF whose text is the certificate's Chinese lines, in an embedded CJK font.</summary>
public sealed class RightsGrantCertificatePdfTests
{
    private readonly DateTimeOffset _now = Clock().GetUtcNow();

    private RightsGrantCertificate ApprovedOwnershipCertificate()
    {
        var a = Registered(_now);
        var terms = new RightsGrantTerms(GrantType.Ownership, 30m, [new("张伟", People.ZhangWei, 42m), new("李娜", People.LiNa, 28m)],
            null, null, 30m, 70m, "转化净收入单位 30%、完成人团队 70%", "重大转化事项由单位与完成人共同决策", "专利维持费由完成人承担", FeeBearer.Completers);
        var grant = RightsGrant.Request(a, terms, People.Office, new RightsGrantOptions(), _now).Value;
        Assert.True(grant.Approve(People.Office, _now.AddDays(1)).IsSuccess);
        return grant.Certificate().Value;
    }

    [Fact]
    public void The_pdf_parses_and_its_text_holds_the_chinese_certificate_lines()
    {
        var certificate = ApprovedOwnershipCertificate();
        var pdf = RightsGrantCertificatePdf.Render(certificate);

        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(1, doc.NumberOfPages);
        var text = string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("科技成果赋权证书", text);
        Assert.Contains($"证书编号：{certificate.Number}", text);
        Assert.Contains("赋权方式：所有权", text);
        Assert.Contains("完成人张伟：42%", text);
        Assert.Contains(certificate.Lines[1].Zh.Replace(" ", ""), text); // 成果名称：…
    }

    [Fact]
    public void The_chinese_font_is_embedded()
    {
        using var doc = PdfDocument.Open(RightsGrantCertificatePdf.Render(ApprovedOwnershipCertificate()));
        var letters = doc.GetPage(1).Letters;
        Assert.Contains(letters, l => l.FontName?.Contains("WenQuanYi", StringComparison.Ordinal) == true);
    }
}

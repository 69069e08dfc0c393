using System.Text;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Features.Certificate;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

public sealed class CertificatePdfTests
{
    [Fact]
    public void Registered_contract_renders_a_pdf_with_an_embedded_chinese_font()
    {
        var c = Registered();
        var r = CertificatePdf.Render(c, "上海市技术合同登记处");
        Assert.True(r.IsSuccess);
        var text = Encoding.Latin1.GetString(r.Value);
        Assert.StartsWith("%PDF-", text);
        Assert.Contains("FontFile2", text);
        Assert.Contains("WenQuanYi", text);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "tt-certificate-test.pdf"), r.Value);
    }

    [Fact]
    public void Unregistered_contract_has_no_certificate()
    {
        Assert.Equal(ContractErrors.NotRegistered.Code, CertificatePdf.Render(Accepted(), "上海").Error?.Code);
    }
}

using TechTransfer.Achievements.Domain;
using TechTransfer.Platform.Pdf;

namespace TechTransfer.Achievements.Features;

/// <summary>赋权证书 as a Chinese PDF (English under each line), drawn with the platform's CJK font like the contract certificate.</summary>
public static class RightsGrantCertificatePdf
{
    public static byte[] Render(RightsGrantCertificate certificate)
    {
        using var sheet = PdfSheet.Begin("科技成果赋权证书", "Certificate of Rights Grant for a Scientific and Technological Achievement",
            $"科技成果赋权证书 {certificate.Number}");
        foreach (var (zh, en) in certificate.Lines) sheet.Paragraph(zh, en);
        return sheet.Footer("本证书依据单位赋权决定出具；所有权变更须按规定办理登记后对外生效。",
            "Issued on the unit's grant decision; a change of ownership takes effect towards others once registered.").ToBytes();
    }
}

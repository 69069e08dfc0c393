using System.Globalization;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Platform.Pdf;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features.Certificate;

/// <summary>One line of the certificate: the label in both languages and the value.</summary>
public sealed record CertificateRow(string Zh, string En, string Value);

/// <summary>技术合同登记证明: the registration certificate as a Chinese PDF (PDFsharp 6.2.4 + WenQuanYi Micro Hei, stack.md §6).</summary>
public static class CertificatePdf
{
    public const string FontFamily = CjkPdfFont.Family;

    /// <summary>
    /// What the certificate attests, line by line. R2.6: a mixed contract is registered with its stated technical part as
    /// its total (合同成交额（技术部分）), and the certificate says so.
    /// </summary>
    public static IReadOnlyList<CertificateRow> Rows(TechnologyContract c, string registryOfficeName)
    {
        var sellers = string.Join("；", c.Parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).Select(p => p.Name));
        var buyers = string.Join("；", c.Parties.Where(p => p.Role == PartyRole.Buyer).OrderBy(p => p.Order).Select(p => p.Name));
        var (catZh, catEn) = ContractCategories.Label(c.Category);
        var (subZh, _) = ContractCategories.Label(c.SubType);
        var mixed = c.IsMixedContract && c.StatedTechnicalPartAmount is not null;
        return
        [
            new("合同登记编号", "Registration No.", c.RegistrationNo ?? ""),
            new("项目名称", "Project", c.ProjectName),
            new("合同类别", "Category", c.SubType == ContractSubType.None ? $"{catZh}（{catEn}）" : $"{catZh} / {subZh}（{catEn}）"),
            new("卖方", "Seller", sellers),
            new("买方", "Buyer", buyers),
            new("签订日期", "Signed", c.SignedDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
            new("合同有效期", "Term", $"{c.ValidFrom:yyyy-MM-dd} 至 {c.ValidTo:yyyy-MM-dd}"),
            mixed
                ? new("合同成交额（技术部分）", "Total amount (technical part of a mixed contract)", Money(c.RegisterableAmount))
                : new("合同成交额", "Total amount", Money(c.RegisterableAmount)),
            new("核定技术交易额", "Assessed technology transaction amount", Money(c.AssessedTechTransactionAmount ?? 0)),
            new("登记日期", "Registered", c.RegisteredAt is { } r ? BusinessTime.DateOf(r).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : ""),
            new("登记机构", "Registry", registryOfficeName),
        ];
    }

    public static Result<byte[]> Render(TechnologyContract c, string registryOfficeName)
    {
        if (!c.IsEffectivelyRegistered || c.RegistrationNo is null) return ContractErrors.NotRegistered;
        using var sheet = PdfSheet.Begin("技术合同登记证明", "Certificate of Technology Contract Registration",
            $"技术合同登记证明 {c.RegistrationNo}", subject: c.ProjectName);
        sheet.Rows(Rows(c, registryOfficeName).Select(r => (r.Zh, r.En, r.Value)));
        if (c.IsMixedContract && c.StatedTechnicalPartAmount is not null) sheet.Note("混合合同：仅就约定的技术部分认定登记。");
        if (c.Status == RegistrationStatus.ChangeRegistered) sheet.Note("本合同已办理变更登记。");
        return sheet.Footer("本证明依据《技术合同认定登记管理办法》出具，仅证明合同已经认定登记；税收优惠以主管税务机关认定为准。",
            "This certificate only attests the registration; tax treatment is decided by the tax authority.").ToBytes();
    }

    private static string Money(decimal yuan) => $"{yuan.ToString("N2", CultureInfo.InvariantCulture)} 元（{Yuan.Display(yuan, false)}）";
}

using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Pages;

/// <summary>Labels for the module's pages in the current UI language (Chinese first, English complete).</summary>
public static class UiText
{
    public static string T(string zh, string en) => Bilingual.T(zh, en);
    public static string L((string Zh, string En) label) => Bilingual.T(label.Zh, label.En);
    public static string Of(PatentType t) => L(EnumLabels.Of(t));
    public static string Of(PatentLegalStatus s) => L(EnumLabels.Of(s));
    public static string Of(LicenseScope s) => L(EnumLabels.Of(s));
    public static string Of(PaymentMode m) => L(EnumLabels.Of(m));
    public static string Of(OpenLicenseStatus s) => L(OpenLicenseErrors.StatusLabel(s));
    public static string Of(CustodyDealType t) => L(CustodyErrors.Label(t));

    public static string Of(CustodyStatus s) => s switch
    {
        CustodyStatus.Draft => T("待经营方确认", "Awaiting operator"),
        CustodyStatus.Active => T("生效", "Active"),
        CustodyStatus.Terminated => T("已终止", "Terminated"),
        _ => s.ToString(),
    };

    public static string CustodyDisplay(string display) => display switch
    {
        "Draft" => T("待经营方确认", "Awaiting operator"),
        "Active" => T("生效", "Active"),
        "Expired" => T("已到期", "Expired"),
        "Terminated" => T("已终止", "Terminated"),
        _ => display,
    };

    public static string Of(OpenLicenseGrantStatus s) => s switch
    {
        OpenLicenseGrantStatus.Pending => T("待付款", "Awaiting payment"),
        OpenLicenseGrantStatus.Effective => T("已生效", "Effective"),
        _ => T("已取消", "Cancelled"),
    };

    public static string Of(DisputeChannel c) => c switch
    {
        DisputeChannel.Negotiation => T("协商", "Negotiation"),
        DisputeChannel.CnipaMediation => T("国家知识产权局调解", "CNIPA mediation"),
        _ => T("人民法院诉讼", "Court"),
    };

    public static string Of(RoyaltyBase b) => b switch
    {
        RoyaltyBase.ProductPrice => T("产品价格", "product price"),
        RoyaltyBase.IncrementalOutputValue => T("新增产值", "incremental output value"),
        RoyaltyBase.Profit => T("利润", "profit"),
        RoyaltyBase.SalesRevenue => T("销售额", "sales revenue"),
        _ => T("其他", "other"),
    };

    public static string Money(decimal? yuan) => yuan is { } y ? Yuan.Display(y, Bilingual.CurrentIsEnglish) : "—";

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd") ?? "—";

    /// <summary>The fee standard in words, e.g. "一次总付 8 万元" or "入门费 1 万元 + 销售额 2.5%".</summary>
    public static string Fee(PaymentMode mode, decimal? fixedFee, decimal? initial, decimal? rate, RoyaltyBase? royaltyBase) => mode switch
    {
        PaymentMode.LumpSumOnce => $"{Of(mode)} {Money(fixedFee)}",
        PaymentMode.LumpSumInstallments => T($"总额 {Money(fixedFee)}，首期 {Money(initial)}", $"Total {Money(fixedFee)}, first instalment {Money(initial)}"),
        PaymentMode.Royalty => T($"{Of(royaltyBase ?? RoyaltyBase.SalesRevenue)}的 {rate}%", $"{rate}% of {Of(royaltyBase ?? RoyaltyBase.SalesRevenue)}")
            + (initial is > 0 ? T($"，首付 {Money(initial)}", $", initial payment {Money(initial)}") : ""),
        PaymentMode.EntryFeePlusRoyalty => T($"入门费 {Money(initial)} + {Of(royaltyBase ?? RoyaltyBase.SalesRevenue)}的 {rate}%",
            $"Entry fee {Money(initial)} + {rate}% of {Of(royaltyBase ?? RoyaltyBase.SalesRevenue)}"),
        _ => "",
    };
}

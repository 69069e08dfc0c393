using System.Globalization;
using System.Resources;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Pages;

/// <summary>
/// Display helpers for the module's pages in the current UI language. Page strings live in Resources/PatentsText.resx
/// (zh-CN) and PatentsText.en.resx; pages use the injected <c>L</c>, these static helpers use <see cref="R"/>.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Strings = new("TechTransfer.Patents.Resources.PatentsText", typeof(PatentsText).Assembly);

    /// <summary>A string of PatentsText.resx in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string R(string key, params object?[] args)
    {
        var text = Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"PatentsText has no '{key}'.");
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    /// <summary>The current language of a bilingual value that comes from the domain (an error, a warning), not a page string.</summary>
    public static string Pick(string zh, string en) => Bilingual.T(zh, en);
    /// <summary>A record's title in the current language: the English value on English pages where there is one.</summary>
    public static string Title(string zh, string? en) => Bilingual.CurrentIsEnglish && !string.IsNullOrWhiteSpace(en) ? en : zh;
    public static string L((string Zh, string En) label) => Bilingual.T(label.Zh, label.En);
    public static string Of(PatentType t) => L(EnumLabels.Of(t));
    public static string Of(PatentLegalStatus s) => L(EnumLabels.Of(s));
    public static string Of(LicenseScope s) => L(EnumLabels.Of(s));
    public static string Of(PaymentMode m) => L(EnumLabels.Of(m));
    public static string Of(OpenLicenseStatus s) => L(OpenLicenseErrors.StatusLabel(s));
    public static string Of(CustodyDealType t) => L(CustodyErrors.Label(t));

    public static string Of(CustodyStatus s) => s switch
    {
        CustodyStatus.Draft => R("AwaitingOperator"),
        CustodyStatus.Active => R("Active"),
        CustodyStatus.Terminated => R("Terminated"),
        CustodyStatus.Expired => R("Expired"),
        _ => s.ToString(),
    };

    public static string CustodyDisplay(string display) => display switch
    {
        "Draft" => R("AwaitingOperator"),
        "Active" => R("Active"),
        "Expired" => R("Expired"),
        "Terminated" => R("Terminated"),
        _ => display,
    };

    public static string Of(OpenLicenseGrantStatus s) => s switch
    {
        OpenLicenseGrantStatus.Pending => R("AwaitingPayment"),
        OpenLicenseGrantStatus.Effective => R("Effective"),
        _ => R("Cancelled"),
    };

    public static string Of(DisputeChannel c) => c switch
    {
        DisputeChannel.Negotiation => R("Negotiation"),
        DisputeChannel.CnipaMediation => R("CNIPAMediation"),
        _ => R("Court"),
    };

    public static string Of(RoyaltyBase b) => b switch
    {
        RoyaltyBase.ProductPrice => R("ProductPrice"),
        RoyaltyBase.IncrementalOutputValue => R("IncrementalOutputValue"),
        RoyaltyBase.Profit => R("Profit"),
        RoyaltyBase.SalesRevenue => R("SalesRevenue"),
        _ => R("Other"),
    };

    /// <summary>
    /// The name of the form a static-SSR request posted (Blazor's <c>_handler</c> field), or null. A page keeps that form in
    /// its render tree while the request is dispatched even when the record's state no longer offers it, so a stale form
    /// (the record changed since the page was shown) reaches its handler and gets the conflict message instead of a
    /// framework error.
    /// </summary>
    public static string? PostedForm(Microsoft.AspNetCore.Http.HttpContext? http) =>
        http is not null && Microsoft.AspNetCore.Http.HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            ? http.Request.Form["_handler"].ToString() is { Length: > 0 } name ? name : null
            : null;

    public static string Money(decimal? yuan) => yuan is { } y ? Yuan.Display(y, Bilingual.CurrentIsEnglish) : "—";

    public static string Date(DateOnly? d) => BusinessTime.Show(d);

    /// <summary>The fee standard in words, e.g. "一次总付 8 万元" or "入门费 1 万元 + 销售额 2.5%".</summary>
    public static string Fee(PaymentMode mode, decimal? fixedFee, decimal? initial, decimal? rate, RoyaltyBase? royaltyBase) => mode switch
    {
        PaymentMode.LumpSumOnce => $"{Of(mode)} {Money(fixedFee)}",
        PaymentMode.LumpSumInstallments => R("FeeInstalments", Money(fixedFee), Money(initial)),
        PaymentMode.Royalty => R("FeeRoyalty", Of(royaltyBase ?? RoyaltyBase.SalesRevenue), rate)
            + (initial is > 0 ? R("FeeInitialPayment", Money(initial)) : ""),
        PaymentMode.EntryFeePlusRoyalty => R("FeeEntryPlusRoyalty", Money(initial), Of(royaltyBase ?? RoyaltyBase.SalesRevenue), rate),
        _ => "",
    };
}

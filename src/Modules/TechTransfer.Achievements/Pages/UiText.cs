using System.Globalization;
using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Pages;

/// <summary>Bilingual labels of the module's pages (Chinese first).</summary>
internal static class UiText
{
    public static string T(string zh, string en) => Bilingual.T(zh, en);
    public static string L((string Zh, string En) label) => Bilingual.T(label.Zh, label.En);
    public static string Status(AchievementStatus s) => L(AchievementLabels.Status(s));
    public static string Conversion(ConversionStatus s) => L(AchievementLabels.Conversion(s));
    public static string Mode(ConversionMode? m) => m is { } v ? L(AchievementLabels.Mode(v)) : "—";
    public static string Ip(IpType t) => L(AchievementLabels.Ip(t));
    public static string Funding(FundingSource f) => L(AchievementLabels.Funding(f));
    public static string Title(string zh, string? en) => Bilingual.CurrentIsEnglish && !string.IsNullOrWhiteSpace(en) ? en : zh;
    public static string Date(DateTimeOffset? d) => d?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
    public static string Money(decimal v) => Yuan.Display(v, Bilingual.CurrentIsEnglish);
    public static string Pct(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string GrantTypeLabel(GrantType t) => t switch
    {
        Domain.GrantType.Ownership => T("所有权", "Ownership"),
        Domain.GrantType.LongTermUseRight => T("长期使用权", "Long-term use right"),
        _ => T("使用、转让、投资权", "Use, transfer and investment rights"),
    };

    public static string GrantStatusLabel(RightsGrantStatus s) => s switch
    {
        RightsGrantStatus.Submitted => T("待审批", "Submitted"),
        RightsGrantStatus.Approved => T("已批准", "Approved"),
        RightsGrantStatus.Rejected => T("不予批准", "Rejected"),
        _ => T("已撤回", "Withdrawn"),
    };

    public static string Potential(PotentialRating p) => p switch
    {
        PotentialRating.High => T("高", "High"),
        PotentialRating.Medium => T("中", "Medium"),
        _ => T("低", "Low"),
    };

    public static string ProofOfConcept(ProofOfConceptStatus p) => p switch
    {
        ProofOfConceptStatus.NotNeeded => T("无需", "Not needed"),
        ProofOfConceptStatus.Planned => T("计划中", "Planned"),
        ProofOfConceptStatus.InProgress => T("进行中", "In progress"),
        ProofOfConceptStatus.Validated => T("已验证", "Validated"),
        _ => T("未通过", "Failed"),
    };

    public static string FeeBearerLabel(FeeBearer f) => f switch
    {
        FeeBearer.Unit => T("单位", "Unit"),
        FeeBearer.Completers => T("完成人", "Completers"),
        _ => T("共同承担", "Shared"),
    };

    public static string PlanStatus(IncomeDistributionStatus s) => s == IncomeDistributionStatus.Draft ? T("草稿", "Draft") : T("已批准", "Approved");

    public static string Deduction(DeductionKind k) => k switch
    {
        DeductionKind.RelatedTaxes => T("相关税费", "Related taxes"),
        DeductionKind.MaintenanceCosts => T("维护费用", "Maintenance costs"),
        _ => T("交易直接费用", "Direct transaction costs"),
    };

    /// <summary>The error's messages in the current language (field messages, or the main message).</summary>
    public static IReadOnlyList<string> Messages(Error e) =>
        e.FieldErrors.Count > 0 ? e.FieldErrors.Select(f => Bilingual.CurrentIsEnglish ? f.En : f.Zh).ToList() : [Bilingual.CurrentIsEnglish ? e.En : e.Zh];
}

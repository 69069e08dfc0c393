using System.Globalization;
using System.Resources;
using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Pages;

/// <summary>
/// Display helpers of the module's pages. Page strings live in Resources/AchievementsText.resx (zh-CN) and
/// AchievementsText.en.resx: pages use the injected <c>L</c>, these static helpers <see cref="R"/>.
/// </summary>
internal static class UiText
{
    private static readonly ResourceManager Strings = new("TechTransfer.Achievements.Resources.AchievementsText", typeof(AchievementsText).Assembly);

    /// <summary>A string of AchievementsText.resx in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string R(string key, params object?[] args)
    {
        var text = Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"AchievementsText has no '{key}'.");
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    /// <summary>The current language of a bilingual value that comes from the domain (a reason, an error), not a page string.</summary>
    public static string T(string zh, string en) => Bilingual.T(zh, en);
    public static string L((string Zh, string En) label) => Bilingual.T(label.Zh, label.En);
    public static string Status(AchievementStatus s) => L(AchievementLabels.Status(s));
    public static string Conversion(ConversionStatus s) => L(AchievementLabels.Conversion(s));
    public static string Mode(ConversionMode? m) => m is { } v ? L(AchievementLabels.Mode(v)) : "—";
    public static string Ip(IpType t) => L(AchievementLabels.Ip(t));
    public static string Funding(FundingSource f) => L(AchievementLabels.Funding(f));
    public static string Title(string zh, string? en) => Bilingual.CurrentIsEnglish && !string.IsNullOrWhiteSpace(en) ? en : zh;
    public static string Date(DateTimeOffset? d) => BusinessTime.ShowDate(d);
    public static string Money(decimal v) => Yuan.Display(v, Bilingual.CurrentIsEnglish);
    /// <summary>A status-history action by its label (<c>start_review</c> → 开始审核; <c>conversion:InProgress</c> → 转化进展：转化中).</summary>
    public static string HistoryAction(string action)
    {
        if (action.StartsWith("conversion:", StringComparison.Ordinal))
            return Enum.TryParse<ConversionStatus>(action["conversion:".Length..], out var c) ? R("History.conversion", Conversion(c)) : action;
        return Strings.GetString("History." + action, CultureInfo.CurrentUICulture) ?? action;
    }

    /// <summary>A history note; a conversion entry's first part is its mode, stored by name, shown by its label.</summary>
    public static string HistoryNote(string action, string? note)
    {
        if (note is null || !action.StartsWith("conversion:", StringComparison.Ordinal)) return note ?? "";
        var parts = note.Split("; ");
        if (Enum.TryParse<ConversionMode>(parts[0], out var mode) && !int.TryParse(parts[0], out _)) parts[0] = Mode(mode);
        return string.Join("; ", parts);
    }

    public static string Pct(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string GrantTypeLabel(GrantType t) => t switch
    {
        Domain.GrantType.Ownership => R("Ownership"),
        Domain.GrantType.LongTermUseRight => R("LongTermUseRight"),
        _ => R("UseTransferAndInvestmentRights"),
    };

    public static string GrantStatusLabel(RightsGrantStatus s) => s switch
    {
        RightsGrantStatus.Submitted => R("Submitted2"),
        RightsGrantStatus.Approved => R("Approved"),
        RightsGrantStatus.Rejected => R("Rejected"),
        _ => R("Withdrawn"),
    };

    public static string Potential(PotentialRating p) => p switch
    {
        PotentialRating.High => R("High"),
        PotentialRating.Medium => R("Medium"),
        _ => R("Low"),
    };

    public static string ProofOfConcept(ProofOfConceptStatus p) => p switch
    {
        ProofOfConceptStatus.NotNeeded => R("NotNeeded"),
        ProofOfConceptStatus.Planned => R("Planned"),
        ProofOfConceptStatus.InProgress => R("InProgress"),
        ProofOfConceptStatus.Validated => R("Validated"),
        _ => R("Failed"),
    };

    public static string FeeBearerLabel(FeeBearer f) => f switch
    {
        FeeBearer.Unit => R("Unit2"),
        FeeBearer.Completers => R("Completers"),
        _ => R("Shared"),
    };

    public static string PlanStatus(IncomeDistributionStatus s) => s == IncomeDistributionStatus.Draft ? R("Draft") : R("Approved");

    public static string Deduction(DeductionKind k) => k switch
    {
        DeductionKind.RelatedTaxes => R("RelatedTaxes"),
        DeductionKind.MaintenanceCosts => R("MaintenanceCosts"),
        _ => R("DirectTransactionCosts"),
    };

    /// <summary>The error's messages in the current language (field messages, or the main message).</summary>
    public static IReadOnlyList<string> Messages(Error e) =>
        e.FieldErrors.Count > 0 ? e.FieldErrors.Select(f => Bilingual.CurrentIsEnglish ? f.En : f.Zh).ToList() : [Bilingual.CurrentIsEnglish ? e.En : e.Zh];
}

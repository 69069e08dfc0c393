using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;

namespace TechTransfer.Achievements;

/// <summary>
/// [CFG] Configuration of the module, bound from the "Achievements" section, with the defaults below and validated at
/// start-up. Whose rules apply to an organisation (national or Shanghai) is not configuration: it is the organisation's
/// jurisdiction in the registry. The transfer office's share is kept per organisation (<see cref="IncomeSettings"/>);
/// <see cref="DefaultTtoSharePercent"/> applies until an office sets its own.
/// </summary>
public sealed class AchievementsOptions
{
    public const string Section = "Achievements";

    public AttachmentOptions Attachments { get; set; } = new();
    public RightsGrantOptions RightsGrants { get; set; } = new();
    /// <summary>Versioned income rule sets; empty means <see cref="IncomeRuleSet.Defaults"/>.</summary>
    public List<IncomeRuleSet> IncomeRuleSets { get; set; } = [];
    /// <summary>Versioned idle rule sets; empty means <see cref="IdleRuleSet.Defaults"/>.</summary>
    public List<IdleRuleSet> IdleRuleSets { get; set; } = [];
    /// <summary>The transfer office's share of the remainder (R4.4) for an organisation that has not set its own.</summary>
    public decimal DefaultTtoSharePercent { get; set; } = 10m;

    public IReadOnlyList<IncomeRuleSet> EffectiveIncomeRuleSets => IncomeRuleSets.Count > 0 ? IncomeRuleSets : IncomeRuleSet.Defaults;
    public IReadOnlyList<IdleRuleSet> EffectiveIdleRuleSets => IdleRuleSets.Count > 0 ? IdleRuleSets : IdleRuleSet.Defaults;
}

/// <summary>Refuses to start with a [CFG] value that would make a rule meaningless.</summary>
internal sealed class AchievementsOptionsValidator : IValidateOptions<AchievementsOptions>
{
    public ValidateOptionsResult Validate(string? name, AchievementsOptions o)
    {
        var problems = new List<string>();
        if (o.DefaultTtoSharePercent is < 0 or > 100) problems.Add("Achievements:DefaultTtoSharePercent must be between 0 and 100");
        if (o.RightsGrants.MinimumLongTermUseYears is < 1 or > 99) problems.Add("Achievements:RightsGrants:MinimumLongTermUseYears must be 1 to 99");
        problems.AddRange(o.EffectiveIncomeRuleSets.SelectMany(r => r.Problems()));
        foreach (var r in o.EffectiveIdleRuleSets)
            if (r.IdlePeriodYears < 1 || r.StateInterventionPeriodYears is < 1) problems.Add($"{r.RuleSetId}: idle periods are at least one year");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

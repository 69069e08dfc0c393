using TechTransfer.Achievements.Domain;

namespace TechTransfer.Achievements;

/// <summary>[CFG] Configuration of the module, bound from the "Achievements" section, with the defaults below.</summary>
public sealed class AchievementsOptions
{
    public const string Section = "Achievements";

    public AttachmentOptions Attachments { get; set; } = new();
    public RightsGrantOptions RightsGrants { get; set; } = new();
    /// <summary>Versioned income rule sets; empty means <see cref="IncomeRuleSet.Defaults"/>.</summary>
    public List<IncomeRuleSet> IncomeRuleSets { get; set; } = [];
    /// <summary>Versioned idle rule sets; empty means <see cref="IdleRuleSet.Defaults"/>.</summary>
    public List<IdleRuleSet> IdleRuleSets { get; set; } = [];
    /// <summary>Per-organisation settings (jurisdiction, transfer office share).</summary>
    public List<OrganizationIncomeSettings> Organizations { get; set; } = [];
    public Jurisdiction DefaultJurisdiction { get; set; } = Jurisdiction.Shanghai;
    public decimal DefaultTtoSharePercent { get; set; } = 10m;
    /// <summary>Institutions' local time zone offset for dates (Shanghai, UTC+8).</summary>
    public TimeSpan LocalUtcOffset { get; set; } = TimeSpan.FromHours(8);

    public IReadOnlyList<IncomeRuleSet> EffectiveIncomeRuleSets => IncomeRuleSets.Count > 0 ? IncomeRuleSets : IncomeRuleSet.Defaults;
    public IReadOnlyList<IdleRuleSet> EffectiveIdleRuleSets => IdleRuleSets.Count > 0 ? IdleRuleSets : IdleRuleSet.Defaults;

    public OrganizationIncomeSettings For(Guid organizationId) =>
        Organizations.FirstOrDefault(o => o.OrganizationId == organizationId)
        ?? new OrganizationIncomeSettings { OrganizationId = organizationId, Jurisdiction = DefaultJurisdiction, TtoSharePercent = DefaultTtoSharePercent };
}

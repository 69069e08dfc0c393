using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Achievements.Domain;

/// <summary>
/// Who may do what, said once for the module's domain methods, which take the one caller model (<see cref="ICurrentUser"/>;
/// rule tests pass a <see cref="Caller"/>).
/// </summary>
public static class AchievementCallers
{
    /// <summary>The transfer office (技术转移办公室) of the given organisation.</summary>
    public static bool IsOfficeOf(this ICurrentUser caller, Guid organizationId) =>
        caller.IsInRole(Roles.InstitutionAdmin) && caller.OrganizationId == organizationId;

    /// <summary>The signed-in person with this user id.</summary>
    public static bool Is(this ICurrentUser caller, Guid userId) => caller.UserId == userId;

    public static bool IsPlatformAdmin(this ICurrentUser caller) => caller.IsInRole(Roles.PlatformAdmin);
}

/// <summary>A versioned rule set chosen by jurisdiction and the record's relevant date (spec R0.2).</summary>
public interface IVersionedRuleSet
{
    string RuleSetId { get; }
    Jurisdiction Jurisdiction { get; }
    DateOnly EffectiveFrom { get; }
    DateOnly? EffectiveTo { get; }
    string SourceRef { get; }
}

public static class RuleSetSelector
{
    /// <summary>The rule set of the jurisdiction in force on <paramref name="date"/> (latest EffectiveFrom wins).</summary>
    public static Result<T> Select<T>(IEnumerable<T> ruleSets, Jurisdiction jurisdiction, DateOnly date)
        where T : IVersionedRuleSet
    {
        var match = ruleSets
            .Where(r => r.Jurisdiction == jurisdiction && r.EffectiveFrom <= date && (r.EffectiveTo is null || date <= r.EffectiveTo))
            .OrderByDescending(r => r.EffectiveFrom)
            .FirstOrDefault();
        return match is null ? AchievementErrors.NoRuleSet(jurisdiction, date) : match;
    }
}

using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Domain;

/// <summary>
/// Who performs a domain operation: user, organisation and roles. Every transition takes one, so the domain itself
/// decides "right role in the right organisation" and the rules are testable without a web host.
/// </summary>
public sealed record Actor(Guid UserId, Guid OrganizationId, IReadOnlyCollection<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role);

    public bool IsOfficeOf(Guid organizationId) => Has(SharedKernel.Roles.InstitutionAdmin) && OrganizationId == organizationId;

    public static Actor Researcher(Guid userId, Guid organizationId) => new(userId, organizationId, [SharedKernel.Roles.Researcher]);

    public static Actor Office(Guid userId, Guid organizationId) => new(userId, organizationId, [SharedKernel.Roles.InstitutionAdmin]);

    /// <summary>The system itself (daily jobs, seeding). Never authorised for user transitions.</summary>
    public static readonly Actor System = new(Guid.Empty, Guid.Empty, []);

    /// <summary>The actor for the signed-in user, or null when not signed in or without an organisation.</summary>
    public static Actor? From(ICurrentUser user) =>
        user is { IsAuthenticated: true, UserId: { } uid, OrganizationId: { } org }
            ? new Actor(uid, org, SharedKernel.Roles.All.Where(user.IsInRole).ToArray())
            : null;
}

/// <summary>Legal regime whose rules apply (spec R0.2).</summary>
public enum Jurisdiction
{
    /// <summary>全国 (转化法, 进步法)</summary>
    National = 0,
    /// <summary>上海 (上海市促进科技成果转化条例, 上海市科学技术进步条例)</summary>
    Shanghai = 1,
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

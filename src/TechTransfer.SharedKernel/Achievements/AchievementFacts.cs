namespace TechTransfer.SharedKernel.Achievements;

/// <summary>
/// What another module may know of an achievement (科技成果) to offer it (the Exchange's listings and their public
/// notice, R6.9): its owner (the rights holder), title, technical field, IPC codes, completers' names and whether the
/// unit registered it. Read through <see cref="IAchievementFactsLookup"/>, implemented by the Achievements module.
/// </summary>
public sealed record AchievementFacts(
    Guid AchievementId,
    Guid OwnerOrganizationId,
    string Title,
    string TechnicalField,
    IReadOnlyList<string> IpcCodes,
    IReadOnlyList<string> CompleterNames,
    bool Registered,
    string? TitleEn = null);

/// <summary>Implemented by the Achievements module.</summary>
public interface IAchievementFactsLookup
{
    /// <summary>The achievement's facts, or null when there is no such achievement.</summary>
    Task<AchievementFacts?> FindAsync(Guid achievementId, CancellationToken ct);

    /// <summary>The English titles of the achievements named that have one (for a record that keeps a copy of the Chinese title).</summary>
    Task<IReadOnlyDictionary<Guid, string>> EnglishTitlesAsync(IReadOnlyCollection<Guid> achievementIds, CancellationToken ct);

    /// <summary>Achievements the organisation owns that are not declined, newest first (at most <paramref name="take"/>): for pickers.</summary>
    Task<IReadOnlyList<AchievementFacts>> OwnedByAsync(Guid organizationId, int take, CancellationToken ct);
}

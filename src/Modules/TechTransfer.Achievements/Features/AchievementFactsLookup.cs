using Microsoft.EntityFrameworkCore;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel.Achievements;

namespace TechTransfer.Achievements.Features;

/// <summary><see cref="IAchievementFactsLookup"/> for other modules (the Exchange's listings and public notices): one achievement by id.</summary>
internal sealed class AchievementFactsLookup(TechTransferDbContext db) : IAchievementFactsLookup
{
    public async Task<AchievementFacts?> FindAsync(Guid achievementId, CancellationToken ct)
    {
        var a = await db.Set<Achievement>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == achievementId, ct);
        return a is null ? null : Facts(a);
    }

    public async Task<IReadOnlyList<AchievementFacts>> OwnedByAsync(Guid organizationId, int take, CancellationToken ct)
    {
        var rows = await db.Set<Achievement>().AsNoTracking()
            .Where(a => a.OwnerOrganizationId == organizationId && a.Status != AchievementStatus.Declined)
            .OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return rows.Select(Facts).ToList();
    }

    private static AchievementFacts Facts(Achievement a) => new(a.Id, a.OwnerOrganizationId, a.Title, a.TechnicalField, a.IpcCodes,
        a.Completers.Select(c => c.Name).ToList(), a.Status == AchievementStatus.Registered,
        string.IsNullOrWhiteSpace(a.TitleEn) ? null : a.TitleEn.Trim());

    public async Task<IReadOnlyDictionary<Guid, string>> EnglishTitlesAsync(IReadOnlyCollection<Guid> achievementIds, CancellationToken ct)
    {
        if (achievementIds.Count == 0) return new Dictionary<Guid, string>();
        var rows = await db.Set<Achievement>().AsNoTracking().Where(a => achievementIds.Contains(a.Id) && a.TitleEn != null && a.TitleEn != "")
            .Select(a => new { a.Id, a.TitleEn }).ToListAsync(ct);
        return rows.Where(r => !string.IsNullOrWhiteSpace(r.TitleEn)).ToDictionary(r => r.Id, r => r.TitleEn!.Trim());
    }
}

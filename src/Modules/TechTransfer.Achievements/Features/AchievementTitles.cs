using Microsoft.EntityFrameworkCore;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;

namespace TechTransfer.Achievements.Features;

/// <summary>
/// The English title of an achievement, for records that keep a copy of its Chinese title (a rights grant, an income
/// distribution plan): English pages and notifications show it where the achievement has one.
/// </summary>
internal static class AchievementTitles
{
    public static async Task<string?> EnglishAsync(TechTransferDbContext db, Guid achievementId, CancellationToken ct)
    {
        var en = await db.Set<Achievement>().AsNoTracking().Where(a => a.Id == achievementId).Select(a => a.TitleEn).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(en) ? null : en.Trim();
    }
}

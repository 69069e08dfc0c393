using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Achievements.Features;

/// <summary>
/// Achievements in the search index. Drafts are not indexed; confidential or unregistered ones are indexed as not
/// public, visible to the owning organisation, the named people and the completers. Confidential fields never leave.
/// </summary>
internal sealed class AchievementSearchSource(TechTransferDbContext db) : ISearchDocumentSource
{
    public (string Zh, string En)? StatusLabel(string status) =>
        Enum.TryParse<AchievementStatus>(status, out var s) && !int.TryParse(status, out _) ? AchievementLabels.Status(s) : null;

    public string Type => SearchDocumentTypes.Achievement;

    public async Task<SearchDocument?> LoadAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Set<Achievement>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null || a.Status == AchievementStatus.Draft ? null : ToDocument(a);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var a in db.Set<Achievement>().AsNoTracking().Where(x => x.Status != AchievementStatus.Draft)
                           .OrderBy(x => x.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return ToDocument(a);
    }

    internal static SearchDocument ToDocument(Achievement a) => new()
    {
        Type = SearchDocumentTypes.Achievement,
        Id = a.Id,
        Title = a.Title,
        TitleEn = a.TitleEn,
        Body = a.Abstract,
        BodyEn = a.AbstractEn,
        Keywords = a.Keywords,
        Field = a.TechnicalField,
        IpcCodes = a.IpcCodes,
        Trl = a.Trl is >= 1 and <= 9 ? a.Trl : null,
        OrganizationId = a.OwnerOrganizationId,
        Status = a.Status.ToString(),
        Date = a.UpdatedAt,
        IsPublic = a.IsPublic,
        VisibleToOrganizations = [a.OwnerOrganizationId],
        VisibleToUsers = a.NamedViewerUserIds.Concat(a.CompleterUserIds).Append(a.CreatedByUserId).Distinct().ToList(),
        Url = $"/achievements/{a.Id}",
    };
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Organizations.Features;

/// <summary>Organisations in the search index: public directory fields only (contacts never leave the module).</summary>
internal sealed class OrganizationSearchSource(TechTransferDbContext db) : ISearchDocumentSource
{
    public (string Zh, string En)? StatusLabel(string status) =>
        Enum.TryParse<OrganizationKind>(status, out var k) && !int.TryParse(status, out _) ? OrganizationKindText.Label(k) : null;

    public string Type => SearchDocumentTypes.Organization;

    public async Task<SearchDocument?> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        return org is null ? null : ToDocument(org);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var org in db.Set<Organization>().AsNoTracking().OrderBy(o => o.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return ToDocument(org);
    }

    private static SearchDocument ToDocument(Organization o) => new()
    {
        Type = SearchDocumentTypes.Organization,
        Id = o.Id,
        Title = o.NameZh,
        TitleEn = o.NameEn,
        Body = o.DescriptionZh ?? "",
        BodyEn = o.DescriptionEn,
        DivisionCode = o.DivisionCode,
        OrganizationId = o.Id,
        OrganizationName = o.NameZh,
        Status = o.Kind.ToString(),
        Date = o.UpdatedAt,
        IsPublic = true,
        Url = $"/organizations/{o.Id}",
    };
}

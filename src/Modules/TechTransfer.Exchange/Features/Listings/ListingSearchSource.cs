using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Exchange.Features.Listings;

/// <summary>
/// Listings in the search index and in demand matching (like achievements and patents): title, description, conditions
/// and the listed patents as text; field, IPC, price and status as facets. Public once published; before that (and
/// after withdrawal) only the lister and the holder find it. Confidential details never leave the module.
/// </summary>
internal sealed class ListingSearchSource(TechTransferDbContext db) : ISearchDocumentSource
{
    public string Type => SearchDocumentTypes.Listing;

    public async Task<SearchDocument?> LoadAsync(Guid id, CancellationToken ct)
    {
        var listing = await db.Set<Listing>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        return listing is null ? null : ToDocument(listing);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var l in db.Set<Listing>().AsNoTracking().OrderBy(l => l.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return ToDocument(l);
    }

    internal static SearchDocument ToDocument(Listing l) => new()
    {
        Type = SearchDocumentTypes.Listing,
        Id = l.Id,
        Title = l.Title,
        TitleEn = l.TitleEn,
        Body = string.Join("\n", new[] { l.Description, l.Conditions }.Concat(l.Patents.Select(p => $"{p.ApplicationNo} {p.Title}"))
            .Where(s => !string.IsNullOrWhiteSpace(s))),
        Keywords = [l.ListingNo],
        Field = l.TechnicalField,
        IpcCodes = l.IpcCodes,
        PriceMinYuan = l.PriceYuan,
        PriceMaxYuan = l.PriceYuan,
        OrganizationId = l.HolderOrganizationId,
        Status = l.Status.ToString(),
        Date = l.ReviewedAt ?? l.UpdatedAt,
        IsPublic = l.IsPublic,
        VisibleToOrganizations = l.ListerOrganizationId == l.HolderOrganizationId ? [l.HolderOrganizationId] : [l.HolderOrganizationId, l.ListerOrganizationId],
        Url = $"/exchange/listings/{l.Id}",
    };
}

/// <summary>Listings other requests name by id (match feedback): visible ones only, by <see cref="ListingService.VisibleTo"/>.</summary>
internal sealed class ListingReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.Listing;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var found = await ListingService.VisibleTo(db.Set<Listing>().AsNoTracking(), caller).Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Demands in the search index (DM.13): text of need, goal and basis; field, IPC, budget and region as facets. Drafts,
/// demands under review and private demands are not public: only the owner organisation (and platform admins) find them.
/// Contacts never leave the module.
/// </summary>
internal sealed class DemandSearchSource(TechTransferDbContext db, TimeProvider clock) : ISearchDocumentSource
{
    public (string Zh, string En)? StatusLabel(string status) =>
        Enum.TryParse<DemandStatus>(status, out var s) && !int.TryParse(status, out _) ? DemandLabels.Status(s) : null;

    public string Type => SearchDocumentTypes.Demand;

    public async Task<SearchDocument?> LoadAsync(Guid id, CancellationToken ct)
    {
        var demand = await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        return demand is null ? null : ToDocument(demand, clock.GetUtcNow());
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await foreach (var d in db.Set<Demand>().AsNoTracking().OrderBy(d => d.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return ToDocument(d, now);
    }

    internal static SearchDocument ToDocument(Demand d, DateTimeOffset now) => new()
    {
        Type = SearchDocumentTypes.Demand,
        Id = d.Id,
        Title = d.Title,
        Body = string.Join("\n", new[] { d.Need, d.Goal, d.ExistingBasis }.Where(s => !string.IsNullOrWhiteSpace(s))),
        Keywords = d.Keywords,
        Field = d.Field,
        IpcCodes = d.IpcCodes,
        PriceMinYuan = d.BudgetMinYuan,
        PriceMaxYuan = d.BudgetMaxYuan,
        DivisionCode = d.DivisionCode,
        OrganizationId = d.OwnerOrganizationId,
        Status = d.StatusAt(now).ToString(),
        Date = d.PublishedAt ?? d.UpdatedAt,
        IsPublic = d.IsPublic,
        VisibleToOrganizations = [d.OwnerOrganizationId],
        Url = $"/demands/{d.Id}",
    };
}

/// <summary>Challenges in the search index: public once published; drafts only for the owner organisation.</summary>
internal sealed class ChallengeSearchSource(TechTransferDbContext db, TimeProvider clock) : ISearchDocumentSource
{
    public (string Zh, string En)? StatusLabel(string status) =>
        Enum.TryParse<ChallengePhase>(status, out var p) && !int.TryParse(status, out _) ? ChallengeLabels.Phase(p) : null;

    public string Type => SearchDocumentTypes.Challenge;

    public async Task<SearchDocument?> LoadAsync(Guid id, CancellationToken ct)
    {
        var challenge = await db.Set<Challenge>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return challenge is null ? null : ToDocument(challenge, clock.GetUtcNow());
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await foreach (var c in db.Set<Challenge>().AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return ToDocument(c, now);
    }

    internal static SearchDocument ToDocument(Challenge c, DateTimeOffset now) => new()
    {
        Type = SearchDocumentTypes.Challenge,
        Id = c.Id,
        Title = c.Title,
        Body = c.Description + "\n" + c.Requirements,
        Keywords = [ChallengeLabels.Kind(c.Kind).Zh],
        Field = c.Field,
        IpcCodes = c.IpcCodes,
        PriceMinYuan = c.RewardYuan,
        PriceMaxYuan = c.RewardYuan,
        DivisionCode = c.DivisionCode,
        OrganizationId = c.OwnerOrganizationId,
        Status = c.PhaseAt(now).ToString(),
        Date = c.PublishedAt ?? c.UpdatedAt,
        IsPublic = c.IsPublic,
        VisibleToOrganizations = [c.OwnerOrganizationId],
        Url = $"/challenges/{c.Id}",
    };
}

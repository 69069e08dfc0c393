using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Evidence;
using TechTransfer.Exchange.Domain.Evidence;

namespace TechTransfer.Exchange.Features.Evidence;

/// <summary>
/// Appends evidence records (<see cref="IEvidenceLog"/>): the chain's head — tracked on <paramref name="db"/> when an earlier
/// step of the same save already moved it, else read, else opened — gives the next record, both tracked and saved by the
/// caller's save. Concurrent appends on one chain: the head's <c>Version</c> token lets one save win; the other gets the
/// shared 409 and stores nothing (the unique (chain, sequence) index holds too).
/// </summary>
public sealed class EvidenceLog : IEvidenceLog
{
    public Task AppendAsync(TechTransferDbContext db, EvidenceEntry entry, CancellationToken ct) => Append(db, entry, ct);

    /// <summary>The append itself (the Exchange's own use cases call it directly: one line per step, before their save).</summary>
    public static async Task Append(TechTransferDbContext db, EvidenceEntry entry, CancellationToken ct)
    {
        var head = await HeadAsync(db, entry.Chain, ct);
        if (head is null)
        {
            head = EvidenceChainHead.Open(entry.Chain, entry.At);
            db.Add(head);
        }
        db.Add(head.Append(entry.Kind, entry.At, entry.ActorUserId, entry.Facts.Values));
    }

    /// <summary>The chain's head as this unit of work sees it (tracked first: an append earlier in the same save counts).</summary>
    internal static async Task<EvidenceChainHead?> HeadAsync(TechTransferDbContext db, string chain, CancellationToken ct) =>
        db.ChangeTracker.Entries<EvidenceChainHead>().Select(e => e.Entity).FirstOrDefault(h => h.Key == chain)
        ?? await db.Set<EvidenceChainHead>().FirstOrDefaultAsync(h => h.Key == chain, ct);
}

using TechTransfer.SharedKernel.Evidence;

namespace TechTransfer.Data.Evidence;

/// <summary>One step of a deal to be kept as evidence: the chain it belongs to, what happened, who did it, when, and its facts.</summary>
public sealed record EvidenceEntry(string Chain, string Kind, Guid? ActorUserId, DateTimeOffset At, EvidenceFacts Facts);

/// <summary>
/// The evidence hash chain (确权 · 鉴证), implemented by the Exchange module. <see cref="AppendAsync"/> adds the next record
/// of the entry's chain to <paramref name="db"/> — tracked, not saved: it commits with the step that caused it, in the
/// same transaction, or not at all. Two steps racing on one chain never fork it: the chain's head carries a version
/// token and the records a unique (chain, sequence) index, so the later save fails (409) and leaves no trace.
/// </summary>
public interface IEvidenceLog
{
    Task AppendAsync(TechTransferDbContext db, EvidenceEntry entry, CancellationToken ct);
}

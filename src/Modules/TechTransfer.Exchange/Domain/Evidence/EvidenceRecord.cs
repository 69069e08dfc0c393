using TechTransfer.SharedKernel.Evidence;

namespace TechTransfer.Exchange.Domain.Evidence;

/// <summary>
/// One record of an evidence chain (append-only: no code updates or deletes it). <see cref="Facts"/> is the canonical JSON
/// of the step's facts as hashed; <see cref="Hash"/> = SHA-256 of the record's canonical form, which includes
/// <see cref="PreviousHash"/> (<see cref="EvidenceChain"/>).
/// </summary>
public sealed class EvidenceRecord
{
    public const int ChainMax = 60, KindMax = 60, FactsMax = 8000;

    private EvidenceRecord() { }

    public Guid Id { get; private set; }
    public string ChainKey { get; private set; } = "";
    public long Sequence { get; private set; }
    public string Kind { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string Facts { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal static EvidenceRecord Create(string chain, long sequence, string kind, DateTimeOffset at, Guid? actor, string facts, string previous)
    {
        var r = new EvidenceRecord
        {
            Id = Guid.NewGuid(), ChainKey = chain, Sequence = sequence, Kind = kind, At = EvidenceFacts.Truncate(at), ActorUserId = actor,
            Facts = facts, PreviousHash = previous,
        };
        r.Hash = EvidenceChain.HashOf(r);
        return r;
    }

    /// <summary>For rule tests and the benchmark: a record as read back from storage, whatever its stored hash.</summary>
    public static EvidenceRecord Stored(string chain, long sequence, string kind, DateTimeOffset at, Guid? actor, string facts, string previous, string hash) =>
        new() { Id = Guid.NewGuid(), ChainKey = chain, Sequence = sequence, Kind = kind, At = at, ActorUserId = actor, Facts = facts, PreviousHash = previous, Hash = hash };
}

/// <summary>
/// The head of one evidence chain: its key (<see cref="EvidenceChains"/>), how many records it has and the last hash, with a
/// <see cref="Version"/> token — two steps that append to one chain at once cannot both save, so the chain never forks.
/// </summary>
public sealed class EvidenceChainHead
{
    private EvidenceChainHead() { }

    public string Key { get; private set; } = "";
    public long Count { get; private set; }
    public string HeadHash { get; private set; } = EvidenceChain.Genesis;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static EvidenceChainHead Open(string key, DateTimeOffset now) => new() { Key = key, CreatedAt = now, UpdatedAt = now };

    /// <summary>The next record of the chain, with the facts in canonical form; the head moves to it.</summary>
    public EvidenceRecord Append(string kind, DateTimeOffset at, Guid? actor, IReadOnlyDictionary<string, string> facts)
    {
        var record = EvidenceRecord.Create(Key, Count + 1, kind, at, actor, EvidenceChain.CanonicalFacts(facts), HeadHash);
        Count = record.Sequence;
        HeadHash = record.Hash;
        UpdatedAt = at;
        Version++;
        return record;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TechTransfer.SharedKernel.Evidence;

namespace TechTransfer.Exchange.Domain.Evidence;

/// <summary>
/// The rules of the evidence hash chain (确权 · 鉴证), plain C#.
/// <para><b>Canonical form of a record</b> (stable; changing it would break every stored chain): a JSON object with its keys
/// in ordinal order and every value a string — <c>actor</c> (the user id, <c>D</c> form, or empty for the platform),
/// <c>at</c> (UTC to the millisecond, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>), <c>chain</c> (the chain key), <c>facts</c> (the
/// facts, itself such an object, see <see cref="CanonicalFacts"/>), <c>kind</c> (the step), <c>prev</c> (the previous
/// record's hash, 64 zeros for the first) and <c>seq</c> (1, 2, …) — with no whitespace; strings escape <c>"</c>, <c>\</c>
/// and the control characters (<c>\n</c>, <c>\r</c>, <c>\t</c>, others <c>\u00XX</c>) and nothing else, written as UTF-8.
/// <b>Hash</b> = lower-case hex SHA-256 of those bytes. Because <c>prev</c> is inside the hashed text, a record's hash
/// commits to every record before it.</para>
/// </summary>
public static class EvidenceChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>The facts as their canonical JSON object: keys in ordinal order, string values, no whitespace.</summary>
    public static string CanonicalFacts(IReadOnlyDictionary<string, string> facts)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!first) sb.Append(',');
            first = false;
            Quote(sb, key).Append(':');
            Quote(sb, value);
        }
        return sb.Append('}').ToString();
    }

    /// <summary>The canonical form of one record (see the class summary); <paramref name="facts"/> is already canonical.</summary>
    public static string Canonical(string chain, long sequence, string kind, DateTimeOffset at, Guid? actor, string facts, string previousHash)
    {
        var sb = new StringBuilder("{\"actor\":");
        Quote(sb, actor is { } a ? EvidenceFacts.Id(a) : "");
        sb.Append(",\"at\":");
        Quote(sb, EvidenceFacts.Instant(at));
        sb.Append(",\"chain\":");
        Quote(sb, chain);
        sb.Append(",\"facts\":").Append(facts).Append(",\"kind\":");
        Quote(sb, kind);
        sb.Append(",\"prev\":");
        Quote(sb, previousHash);
        sb.Append(",\"seq\":");
        Quote(sb, sequence.ToString(CultureInfo.InvariantCulture));
        return sb.Append('}').ToString();
    }

    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>The hash a record must carry: SHA-256 of its canonical form.</summary>
    public static string HashOf(EvidenceRecord r) =>
        Hash(Canonical(r.ChainKey, r.Sequence, r.Kind, r.At, r.ActorUserId, r.Facts, r.PreviousHash));

    /// <summary>A seal over an ordered list of lines (a lot's bid log at its close): SHA-256 of the lines, each ended by <c>\n</c>.</summary>
    public static string Seal(IEnumerable<string> lines)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) sha.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static StringBuilder Quote(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"');
    }
}

/// <summary>What a verification found wrong at the first broken link.</summary>
public enum EvidenceProblem
{
    /// <summary>The record's content (step, time, actor or facts) no longer gives the hash it was stored with.</summary>
    ContentAltered = 1,
    /// <summary>The record does not name its predecessor's hash: a record before it was removed, inserted or replaced.</summary>
    LinkBroken = 2,
    /// <summary>The sequence numbers are not 1, 2, 3 … without a gap: a record was removed.</summary>
    SequenceGap = 3,
    /// <summary>The chain's head (count and last hash) does not match its records: records were removed from or added to its end.</summary>
    HeadMismatch = 4,
    /// <summary>The lot's bid log no longer matches the seal its close record keeps: a bid was changed, removed or added.</summary>
    BidLogAltered = 5,
    /// <summary>The listing's or lot's chain no longer matches the head the deal's first record sealed.</summary>
    OriginAltered = 6,
}

/// <summary>The first broken link of a chain: where (sequence, and the step and time as stored), and what is wrong.</summary>
public sealed record EvidenceBreak(string Chain, long Sequence, string? Kind, DateTimeOffset? At, EvidenceProblem Problem);

/// <summary>
/// Verifies one chain record by record in sequence order (so a chain of millions is streamed, never held): each record's
/// sequence follows the previous one, names the previous hash, and hashes to what it stores; at the end the head's count
/// and hash equal the last record's. Stops at the first broken link.
/// </summary>
public sealed class EvidenceChainVerifier(string chain)
{
    private string _previous = EvidenceChain.Genesis;
    private long _sequence;

    public long Checked => _sequence;
    public string LastHash => _previous;
    public EvidenceBreak? Break { get; private set; }

    /// <summary>Checks the next record; false once a link is broken (the break is kept in <see cref="Break"/>).</summary>
    public bool Next(EvidenceRecord r)
    {
        if (Break is not null) return false;
        if (r.Sequence != _sequence + 1)
            return Fail(new EvidenceBreak(chain, _sequence + 1, r.Kind, r.At, EvidenceProblem.SequenceGap));
        if (!string.Equals(r.PreviousHash, _previous, StringComparison.Ordinal))
            return Fail(new EvidenceBreak(chain, r.Sequence, r.Kind, r.At, EvidenceProblem.LinkBroken));
        if (!string.Equals(EvidenceChain.HashOf(r), r.Hash, StringComparison.Ordinal))
            return Fail(new EvidenceBreak(chain, r.Sequence, r.Kind, r.At, EvidenceProblem.ContentAltered));
        _previous = r.Hash;
        _sequence = r.Sequence;
        return true;
    }

    /// <summary>After the last record: the head must name the same count and hash.</summary>
    public EvidenceBreak? Finish(long headCount, string headHash)
    {
        if (Break is null && (headCount != _sequence || !string.Equals(headHash, _previous, StringComparison.Ordinal)))
            Break = new EvidenceBreak(chain, Math.Min(headCount, _sequence) + 1, null, null, EvidenceProblem.HeadMismatch);
        return Break;
    }

    /// <summary>A problem found outside the chain's own links (the bid log, an origin chain) at record <paramref name="r"/>.</summary>
    public void Report(EvidenceRecord r, EvidenceProblem problem) => Break ??= new EvidenceBreak(chain, r.Sequence, r.Kind, r.At, problem);

    private bool Fail(EvidenceBreak b)
    {
        Break = b;
        return false;
    }
}

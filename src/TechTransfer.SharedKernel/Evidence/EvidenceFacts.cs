using System.Globalization;

namespace TechTransfer.SharedKernel.Evidence;

/// <summary>
/// The facts of one evidence record (确权 · 鉴证): string keys and string values, each value written in one invariant form
/// so that the same fact always hashes the same — a decimal without trailing zeros (<c>1500000</c>, <c>1.5</c>), an id as
/// <c>D</c> (lower case with hyphens), a date <c>yyyy-MM-dd</c>, an instant UTC to the millisecond
/// (<c>2026-12-08T01:02:03.456Z</c>; PostgreSQL keeps microseconds, so finer ticks are dropped), a flag <c>true</c>/<c>false</c>,
/// a list joined by <c>,</c>. A null value is left out. Keys are kept in ordinal order (the canonical form sorts them).
/// </summary>
public sealed class EvidenceFacts
{
    private readonly SortedDictionary<string, string> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    public EvidenceFacts Add(string key, string? value)
    {
        if (value is not null) _values[key] = value;
        return this;
    }

    public EvidenceFacts Add(string key, Guid? value) => Add(key, value is { } v ? Id(v) : null);
    public EvidenceFacts Add(string key, decimal? value) => Add(key, value is { } v ? Number(v) : null);
    public EvidenceFacts Add(string key, long? value) => Add(key, value?.ToString(CultureInfo.InvariantCulture));
    public EvidenceFacts Add(string key, bool value) => Add(key, value ? "true" : "false");
    public EvidenceFacts Add(string key, DateOnly? value) => Add(key, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    public EvidenceFacts Add(string key, DateTimeOffset? value) => Add(key, value is { } v ? Instant(v) : null);
    public EvidenceFacts Add(string key, IEnumerable<Guid> ids) => Add(key, string.Join(",", ids.Select(Id)));
    public EvidenceFacts Add(string key, IEnumerable<string> values) => Add(key, string.Join(",", values));

    public static string Id(Guid id) => id.ToString("D");

    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>An instant as stored by the chain: UTC, truncated to the millisecond.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    public static string Instant(DateTimeOffset at) =>
        Truncate(at).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// The chains of evidence and their keys: a listing's chain (<c>listing:{id}</c>) from its first step, an auction lot's
/// (<c>lot:{id}</c>), and a deal's (<c>deal:{id}</c>) from the moment a deal exists — its first record seals the head of
/// the listing's and the lot's chains it came from, so a deal's evidence is its own chain plus the sealed prefix of those.
/// </summary>
public static class EvidenceChains
{
    public const string ListingPrefix = "listing";
    public const string LotPrefix = "lot";
    public const string DealPrefix = "deal";

    public static string Listing(Guid id) => ListingPrefix + ":" + EvidenceFacts.Id(id);
    public static string Lot(Guid id) => LotPrefix + ":" + EvidenceFacts.Id(id);
    public static string Deal(Guid id) => DealPrefix + ":" + EvidenceFacts.Id(id);
}

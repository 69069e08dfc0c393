using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using TechTransfer.Search.Domain;

namespace TechTransfer.Search.Engine;

/// <summary>
/// The facet values of one segment as plain arrays: for each facet field, the ordinal of every document (single-valued
/// fields, one byte, two bytes or four bytes per document depending on how many distinct values the segment has) or an
/// offset table into a flat ordinal array (multi-valued fields), plus the labels of the ordinals. Built once per segment
/// core from its doc values (the idea of Lucene's <c>SortedSetDocValuesReaderState</c>), so counting a match is an array
/// increment instead of a doc-values look-up through packed blocks.
/// Memory: per facet field, 1–4 bytes per document of the segment (single-valued) or 4 bytes per document + 1–4 bytes
/// per value (multi-valued), plus the labels; with the seven facets of <see cref="SearchFacets.All"/> about 9 bytes per
/// document in practice (≈ 9 MB per million documents; <see cref="Bytes"/> reports the exact figure).
/// </summary>
internal abstract class FacetOrdinals
{
    /// <summary>Labels of the ordinals; counts arrays have one more slot (index 0 = no value).</summary>
    public required string[] Labels { get; init; }

    /// <summary>Memory held by the ordinal arrays and labels, in bytes.</summary>
    public abstract long Bytes { get; }

    /// <summary>Adds the facet values of <paramref name="docs"/>[0..<paramref name="n"/>) to <paramref name="counts"/>
    /// (length <c>Labels.Length + 1</c>; slot 0 counts documents without a value and is ignored).</summary>
    public abstract void Count(int[] docs, int n, int[] counts);

    /// <summary>Estimated: a string object (24 bytes + 2 per character) and its reference, per label.</summary>
    protected long LabelBytes => Labels.Sum(l => 32L + 2L * l.Length);

    /// <summary>Reads the doc values of <paramref name="field"/> in <paramref name="reader"/>; null when the segment has none.</summary>
    public static FacetOrdinals? Build(AtomicReader reader, string field)
    {
        var info = reader.FieldInfos.FieldInfo(field);
        if (info is null || !info.HasDocValues) return null;
        var maxDoc = reader.MaxDoc;
        if (info.DocValuesType == DocValuesType.SORTED)
        {
            var dv = reader.GetSortedDocValues(field);
            if (dv is null) return null;
            var plus1 = new int[maxDoc];
            for (var d = 0; d < maxDoc; d++) plus1[d] = dv.GetOrd(d) + 1;
            return Single(plus1, ReadLabels(dv.ValueCount, (o, s) => dv.LookupOrd(o, s)));
        }
        if (info.DocValuesType != DocValuesType.SORTED_SET) return null;
        var ss = reader.GetSortedSetDocValues(field);
        if (ss is null) return null;
        var labels = ReadLabels((int)ss.ValueCount, (o, s) => ss.LookupOrd(o, s));
        // one pass: the first value of each document in place, further values (rare) in a side list
        var first = new int[maxDoc];
        var starts = (int[]?)null;
        var values = new List<int>();
        for (var d = 0; d < maxDoc; d++)
        {
            ss.SetDocument(d);
            var o = ss.NextOrd();
            if (o == SortedSetDocValues.NO_MORE_ORDS)
            {
                if (starts is not null) starts[d] = values.Count;
                continue;
            }
            var next = ss.NextOrd();
            if (next == SortedSetDocValues.NO_MORE_ORDS && starts is null) { first[d] = (int)o + 1; continue; }
            if (starts is null)
            {
                // the first multi-valued document: switch to the offset table and copy the documents before it
                starts = new int[maxDoc + 1];
                for (var e = 0; e < d; e++)
                {
                    starts[e] = values.Count;
                    if (first[e] > 0) values.Add(first[e] - 1);
                }
            }
            starts[d] = values.Count;
            values.Add((int)o);
            for (; next != SortedSetDocValues.NO_MORE_ORDS; next = ss.NextOrd()) values.Add((int)next);
        }
        if (starts is null) return Single(first, labels);
        starts[maxDoc] = values.Count;
        return new MultiOrdinals(starts, values.ToArray()) { Labels = labels };
    }

    private static string[] ReadLabels(int count, Action<int, BytesRef> lookup)
    {
        var labels = new string[count];
        var scratch = new BytesRef();
        for (var o = 0; o < count; o++)
        {
            lookup(o, scratch);
            labels[o] = scratch.Utf8ToString();
        }
        return labels;
    }

    /// <summary>The narrowest array that holds ordinal + 1 for every document.</summary>
    private static FacetOrdinals Single(int[] plus1, string[] labels)
    {
        if (labels.Length < byte.MaxValue)
        {
            var b = new byte[plus1.Length];
            for (var d = 0; d < b.Length; d++) b[d] = (byte)plus1[d];
            return new ByteOrdinals(b) { Labels = labels };
        }
        if (labels.Length < ushort.MaxValue)
        {
            var s = new ushort[plus1.Length];
            for (var d = 0; d < s.Length; d++) s[d] = (ushort)plus1[d];
            return new UShortOrdinals(s) { Labels = labels };
        }
        return new IntOrdinals(plus1) { Labels = labels };
    }

    private sealed class ByteOrdinals(byte[] ords) : FacetOrdinals
    {
        public override long Bytes => ords.LongLength + LabelBytes;

        public override void Count(int[] docs, int n, int[] counts)
        {
            for (var i = 0; i < n; i++) counts[ords[docs[i]]]++;
        }
    }

    private sealed class UShortOrdinals(ushort[] ords) : FacetOrdinals
    {
        public override long Bytes => 2L * ords.LongLength + LabelBytes;

        public override void Count(int[] docs, int n, int[] counts)
        {
            for (var i = 0; i < n; i++) counts[ords[docs[i]]]++;
        }
    }

    private sealed class IntOrdinals(int[] ords) : FacetOrdinals
    {
        public override long Bytes => 4L * ords.LongLength + LabelBytes;

        public override void Count(int[] docs, int n, int[] counts)
        {
            for (var i = 0; i < n; i++) counts[ords[docs[i]]]++;
        }
    }

    /// <summary>Values of document d are <c>ords[starts[d]..starts[d + 1])</c> (ordinals, not + 1).</summary>
    private sealed class MultiOrdinals(int[] starts, int[] ords) : FacetOrdinals
    {
        public override long Bytes => 4L * (starts.LongLength + ords.LongLength) + LabelBytes;

        public override void Count(int[] docs, int n, int[] counts)
        {
            for (var i = 0; i < n; i++)
            {
                var d = docs[i];
                for (var j = starts[d]; j < starts[d + 1]; j++) counts[ords[j] + 1]++;
            }
        }
    }
}

/// <summary>
/// Facet ordinals per segment core, built on first use and dropped with the segment: the cache is keyed by the
/// segment's core key (weakly, as Lucene's FieldCache is) and an entry is removed when its core is disposed, so a
/// merged-away or closed segment releases its arrays. Deleted documents need no invalidation (they are never collected).
/// </summary>
internal sealed class FacetOrdinalCache
{
    private readonly ConditionalWeakTable<object, Segment> _segments = new();

    private sealed class Segment
    {
        public readonly Dictionary<string, FacetOrdinals?> Fields = new(StringComparer.Ordinal);
    }

    private sealed class Evict(ConditionalWeakTable<object, Segment> table) : SegmentReader.ICoreDisposedListener
    {
        public void OnDispose(object ownerCoreCacheKey) => table.Remove(ownerCoreCacheKey);
    }

    /// <summary>The ordinals of <paramref name="field"/> in the segment of <paramref name="reader"/> (null: no values).</summary>
    public FacetOrdinals? For(AtomicReader reader, string field)
    {
        var key = reader.CoreCacheKey;
        if (!_segments.TryGetValue(key, out var segment))
        {
            var created = new Segment();
            segment = _segments.GetValue(key, _ => created);
            if (ReferenceEquals(segment, created) && reader is SegmentReader sr)
                sr.AddCoreDisposedListener(new Evict(_segments));
        }
        lock (segment)
        {
            if (!segment.Fields.TryGetValue(field, out var ords))
                segment.Fields[field] = ords = FacetOrdinals.Build(reader, field);
            return ords;
        }
    }

    /// <summary>Builds the ordinals of every facet of every segment of <paramref name="reader"/> not yet cached (called
    /// when a new searcher is opened, so the first faceted query after a refresh does not pay for it).</summary>
    public void Warm(IndexReader reader, IReadOnlyList<string> facets)
    {
        foreach (var leaf in reader.Leaves)
            foreach (var f in facets)
                For(leaf.AtomicReader, IndexSchema.FacetPrefix + f);
    }

    /// <summary>Number of segment cores with cached ordinals.</summary>
    public int SegmentCount => _segments.Count();

    /// <summary>Memory held by the cached ordinals of the segments of <paramref name="reader"/>, in bytes.</summary>
    public long Bytes(IndexReader reader)
    {
        long total = 0;
        foreach (var leaf in reader.Leaves)
            if (_segments.TryGetValue(leaf.AtomicReader.CoreCacheKey, out var s))
                lock (s) total += s.Fields.Values.Sum(o => o?.Bytes ?? 0);
        return total;
    }
}

/// <summary>
/// Facet counts computed while the query is collected: the matching documents of a segment are buffered and counted per
/// facet in a tight loop over the segment's cached ordinal arrays (<see cref="FacetOrdinalCache"/>); the counts of a
/// segment are resolved to labels once, when the collector moves to the next segment. Counts are exact.
/// </summary>
internal sealed class FacetCountCollector(IReadOnlyList<string> facets, FacetOrdinalCache cache) : ICollector
{
    private const int BufferSize = 4096;
    private readonly IReadOnlyList<string> _facets = facets;
    private readonly Dictionary<string, int>[] _counts = facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly FacetOrdinals?[] _ords = new FacetOrdinals?[facets.Count];
    private readonly int[]?[] _perOrd = new int[facets.Count][];
    private readonly int[] _docs = new int[BufferSize];
    private int _buffered;

    public void SetScorer(Scorer scorer) { }

    public bool AcceptsDocsOutOfOrder => true;

    public void Collect(int doc)
    {
        _docs[_buffered++] = doc;
        if (_buffered == BufferSize) CountBuffered();
    }

    private void CountBuffered()
    {
        for (var f = 0; f < _ords.Length; f++)
            _ords[f]?.Count(_docs, _buffered, _perOrd[f]!);
        _buffered = 0;
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var f = 0; f < _facets.Count; f++)
        {
            var ords = cache.For(context.AtomicReader, IndexSchema.FacetPrefix + _facets[f]);
            _ords[f] = ords;
            _perOrd[f] = ords is null ? null : new int[ords.Labels.Length + 1];
        }
    }

    private void FlushSegment()
    {
        CountBuffered();
        for (var f = 0; f < _perOrd.Length; f++)
        {
            var counts = _perOrd[f];
            if (counts is null) continue;
            var labels = _ords[f]!.Labels;
            for (var o = 1; o < counts.Length; o++)
            {
                if (counts[o] == 0) continue;
                var key = labels[o - 1];
                _counts[f][key] = _counts[f].GetValueOrDefault(key) + counts[o];
            }
            _perOrd[f] = null;
            _ords[f] = null;
        }
    }

    public Dictionary<string, IReadOnlyList<FacetValue>> Result(int top = 20) => Result([this], top);

    /// <summary>The counts of several collectors that saw disjoint sets of segments (a parallel search), added up.</summary>
    public static Dictionary<string, IReadOnlyList<FacetValue>> Result(IReadOnlyList<FacetCountCollector> parts, int top = 20)
    {
        foreach (var p in parts) p.FlushSegment();
        var first = parts[0];
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        for (var f = 0; f < first._facets.Count; f++)
        {
            var sum = first._counts[f];
            foreach (var p in parts.Skip(1))
                foreach (var (key, n) in p._counts[f]) sum[key] = sum.GetValueOrDefault(key) + n;
            result[first._facets[f]] = sum.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(top).Select(kv => new FacetValue(kv.Key, kv.Value)).ToList();
        }
        return result;
    }
}

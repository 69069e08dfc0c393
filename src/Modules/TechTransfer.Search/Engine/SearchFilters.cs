using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using TechTransfer.Search.Domain;

namespace TechTransfer.Search.Engine;

internal static class SearchQueryPaging
{
    public static int Skip(this SearchQuery q) => (q.Page - 1) * q.PageSize;
}

/// <summary>
/// Cached filters: the structured part of a query (visibility, type, TRL, region…) as one bit set per segment, kept
/// across queries (segments that did not change keep their bits after a refresh). Bounded: cleared when full.
/// </summary>
internal sealed class FilterCache(int capacity = 256)
{
    private readonly ConcurrentDictionary<Query, Filter> _filters = new();

    public Filter For(Query query)
    {
        if (_filters.TryGetValue(query, out var f)) return f;
        if (_filters.Count >= capacity) _filters.Clear();
        return _filters.GetOrAdd(query, q => new BitSetCachingFilter(new QueryWrapperFilter(q)));
    }

    /// <summary>Caches a <see cref="FixedBitSet"/> (random access), so dense filters such as visibility are applied
    /// as accepted documents while scoring rather than by leap-frogging.</summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            if (docIdSet is null) return EMPTY_DOCIDSET;
            if (docIdSet is FixedBitSet) return docIdSet;
            var it = docIdSet.GetIterator();
            if (it is null) return EMPTY_DOCIDSET;
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(it);
            return bits;
        }
    }
}

/// <summary>A cached filter minus a few documents (by id term): the cached bits of each segment are copied and the
/// excluded documents cleared, so the cached filter itself is never modified.</summary>
internal sealed class ExcludingFilter(Filter inner, IReadOnlyList<Term> excluded) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var set = inner.GetDocIdSet(context, null);
        if (set is null) return null;
        FixedBitSet bits;
        if (set is FixedBitSet cached) bits = cached.Clone();
        else
        {
            var it = set.GetIterator();
            if (it is null) return null;
            bits = new FixedBitSet(context.AtomicReader.MaxDoc);
            bits.Or(it);
        }
        foreach (var term in excluded)
        {
            var docs = context.AtomicReader.GetTermDocsEnum(term);
            if (docs is null) continue;
            int d;
            while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) bits.Clear(d);
        }
        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }
}

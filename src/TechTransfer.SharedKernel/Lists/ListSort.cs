using System.Linq.Expressions;

namespace TechTransfer.SharedKernel.Lists;

/// <summary>
/// The sort keys a list accepts (its whitelist): each key names one column, sorted server-side either way, ties broken
/// by the record's id so that paging is stable. A key the list does not know is the 422 field error
/// <see cref="PagingErrors.UnknownSort"/> on the API; pages pass only keys of their own headers. Every key's column must be
/// the leading column of an index of its table (<c>ListSortIndexTests</c> checks each list declared as a static field of
/// this type against the EF model), so a sort never scans the table.
/// </summary>
public sealed class ListSort<T>
{
    private readonly List<(string Key, LambdaExpression Column, Func<IQueryable<T>, bool, IOrderedQueryable<T>> Apply)> _keys = [];
    private readonly Func<IOrderedQueryable<T>, IOrderedQueryable<T>> _thenById;

    public ListSort(Expression<Func<T, Guid>> id, string defaultKey, bool defaultDescending)
        : this(q => q.ThenBy(id), defaultKey, defaultDescending) { }

    /// <summary>A list whose records have a numeric key (e.g. the audit log's entries).</summary>
    public ListSort(Expression<Func<T, long>> id, string defaultKey, bool defaultDescending)
        : this(q => q.ThenBy(id), defaultKey, defaultDescending) { }

    private ListSort(Func<IOrderedQueryable<T>, IOrderedQueryable<T>> thenById, string defaultKey, bool defaultDescending)
    {
        _thenById = thenById;
        DefaultKey = defaultKey;
        DefaultDescending = defaultDescending;
    }

    public string DefaultKey { get; }
    public bool DefaultDescending { get; }
    public IReadOnlyList<string> Keys => _keys.Select(k => k.Key).ToList();

    /// <summary>The columns behind the keys (for the index check).</summary>
    public IReadOnlyList<(string Key, LambdaExpression Column)> Columns => _keys.Select(k => (k.Key, k.Column)).ToList();

    public ListSort<T> Key<TKey>(string key, Expression<Func<T, TKey>> column)
    {
        _keys.Add((key, column, (q, desc) => _thenById(desc ? q.OrderByDescending(column) : q.OrderBy(column))));
        return this;
    }

    /// <summary>A key whose order is more than one column's (e.g. empty values last on both databases);
    /// <paramref name="indexedColumn"/> is the column whose index serves it.</summary>
    public ListSort<T> Key<TKey>(string key, Expression<Func<T, TKey>> indexedColumn, Func<IQueryable<T>, bool, IOrderedQueryable<T>> order)
    {
        _keys.Add((key, indexedColumn, (q, desc) => _thenById(order(q, desc))));
        return this;
    }

    /// <summary>Whether <paramref name="sort"/> is one of the keys (case-insensitive) or empty (the default order).</summary>
    public bool IsKnown(string? sort) => string.IsNullOrWhiteSpace(sort) || _keys.Any(k => string.Equals(k.Key, sort.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The rows in the requested order: no key is the default key and direction; <paramref name="desc"/> reverses a
    /// named key (which otherwise sorts ascending). An unknown key is a 422 naming the keys.
    /// </summary>
    public Result<IQueryable<T>> Apply(IQueryable<T> q, string? sort, bool desc)
    {
        if (string.IsNullOrWhiteSpace(sort)) return Result<IQueryable<T>>.Success(Find(DefaultKey).Apply(q, DefaultDescending));
        if (!IsKnown(sort)) return Error.Validation([PagingErrors.UnknownSort(Keys)]);
        return Result<IQueryable<T>>.Success(Find(sort.Trim()).Apply(q, desc));
    }

    private (string Key, LambdaExpression Column, Func<IQueryable<T>, bool, IOrderedQueryable<T>> Apply) Find(string key) =>
        _keys.First(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
}

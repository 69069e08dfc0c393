using System.Linq.Expressions;

namespace TechTransfer.SharedKernel.Lists;

/// <summary>
/// A list's date-range filter: <c>from</c> and <c>to</c> are business days (Asia/Shanghai), both inclusive, over one
/// column — a date, or an instant compared with the start of the day in Shanghai. A <c>to</c> before <c>from</c> is the
/// field error <see cref="PagingErrors.EmptyPeriod"/> (added to the list's errors, so every error comes back at once).
/// </summary>
public static class ListPeriod
{
    public static IQueryable<T> Between<T>(this IQueryable<T> q, Expression<Func<T, DateOnly>> day, DateOnly? from, DateOnly? to, FieldErrors errors) =>
        Filter(q, day, from, to, errors, d => d, d => d, ExpressionType.LessThanOrEqual);

    public static IQueryable<T> Between<T>(this IQueryable<T> q, Expression<Func<T, DateOnly?>> day, DateOnly? from, DateOnly? to, FieldErrors errors) =>
        Filter(q, day, from, to, errors, d => d, d => d, ExpressionType.LessThanOrEqual);

    public static IQueryable<T> Between<T>(this IQueryable<T> q, Expression<Func<T, DateTimeOffset>> instant, DateOnly? from, DateOnly? to, FieldErrors errors) =>
        Filter(q, instant, from, to, errors, Start, d => Start(d.AddDays(1)), ExpressionType.LessThan);

    public static IQueryable<T> Between<T>(this IQueryable<T> q, Expression<Func<T, DateTimeOffset?>> instant, DateOnly? from, DateOnly? to, FieldErrors errors) =>
        Filter(q, instant, from, to, errors, Start, d => Start(d.AddDays(1)), ExpressionType.LessThan);

    private static bool Plausible(DateOnly day) => day.Year is >= 1900 and <= 9000;

    private static DateTimeOffset Start(DateOnly d) => BusinessTime.StartOf(d).ToUniversalTime();

    private static IQueryable<T> Filter<T, TValue>(IQueryable<T> q, LambdaExpression column, DateOnly? from, DateOnly? to, FieldErrors errors,
        Func<DateOnly, TValue> lower, Func<DateOnly, TValue> upper, ExpressionType upperOp)
    {
        // a day no instant of every zone has (0001-01-01, the "not given" default a binder may hand over) is refused, not converted
        var plausible = true;
        if (from is { } early && !Plausible(early)) { errors.Add(PagingErrors.DayOutOfRange("from")); plausible = false; }
        if (to is { } late && !Plausible(late)) { errors.Add(PagingErrors.DayOutOfRange("to")); plausible = false; }
        if (!plausible) return q;
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add(PagingErrors.EmptyPeriod);
            return q;
        }
        if (from is { } start) q = q.Where(Compare<T, TValue>(column, lower(start), ExpressionType.GreaterThanOrEqual));
        if (to is { } end) q = q.Where(Compare<T, TValue>(column, upper(end), upperOp));
        return q;
    }

    /// <summary><c>x => column(x) op value</c>, the value read from a closure so the database gets it as a parameter.</summary>
    private static Expression<Func<T, bool>> Compare<T, TValue>(LambdaExpression column, TValue value, ExpressionType op)
    {
        var box = new Box<TValue>(value);
        Expression bound = Expression.Property(Expression.Constant(box), nameof(Box<TValue>.Value));
        if (bound.Type != column.Body.Type) bound = Expression.Convert(bound, column.Body.Type);
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(op, column.Body, bound), column.Parameters);
    }

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

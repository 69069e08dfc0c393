using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using TechTransfer.SharedKernel;

namespace TechTransfer.Platform;

/// <summary>
/// Shapes that no request may have, whatever the endpoint: checked once for every request type by
/// <see cref="RequestShapeFilter"/> before any handler runs, so a use case never sees them and no validator can forget
/// them. A bound request (body DTO, query object, simple argument) is walked recursively through nested DTOs, lists and
/// dictionaries; each place that breaks a rule is one field error (camelCase path, e.g. <c>parties[1].name</c>):
/// <list type="bullet">
/// <item><c>validation.null_not_allowed</c> — <c>null</c> (or a missing value) where the DTO declares the property
/// non-nullable, or a <c>null</c> element in a list whose element type is non-nullable (nullability as the C# code
/// declares it, read with <see cref="NullabilityInfoContext"/>: a DTO says <c>string?</c> when null is a valid input);</item>
/// <item><c>validation.text_too_long</c> — a string longer than <see cref="MaxTextLength"/> (the widest text column;
/// each use case still checks its own, tighter limits);</item>
/// <item><c>validation.invalid_text</c> — a string with U+0000 or an unpaired UTF-16 surrogate (neither can be stored
/// in PostgreSQL text or indexed);</item>
/// <item><c>validation.number_out_of_range</c> — a decimal whose magnitude does not fit <c>decimal(18,2)</c>;</item>
/// <item><c>validation.date_out_of_range</c> — a date before <see cref="EarliestDate"/> or after <see cref="LatestDate"/>
/// (the default value, which stands for "not given", is left to the use case);</item>
/// <item><c>validation.unknown_value</c> — an enum value the enum does not define (JSON may carry enums as numbers).</item>
/// </list>
/// </summary>
public static class RequestShape
{
    /// <summary>The widest text column of the model (<c>HasMaxLength(8000)</c>); no request string may be longer.</summary>
    public const int MaxTextLength = 8000;

    /// <summary>Money and every other decimal is stored as <c>decimal(18,2)</c>: at most 16 digits before the point.</summary>
    public const decimal MaxMagnitude = 10_000_000_000_000_000m;

    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);
    private static readonly DateTime EarliestDateTime = EarliestDate.ToDateTime(TimeOnly.MinValue);
    private static readonly DateTime LatestDateTime = LatestDate.ToDateTime(TimeOnly.MaxValue);

    /// <summary>At most this many field errors are reported for one request (a list of a million nulls is one bad request).</summary>
    public const int MaxErrors = 50;

    private const int MaxDepth = 32;

    private static readonly ConcurrentDictionary<Type, ShapeProperty[]> Properties = new();

    /// <summary>
    /// The shape errors of <paramref name="value"/>, reported under <paramref name="path"/> ("" for a request body, whose
    /// properties are then top-level fields). <paramref name="nullability"/> describes the declaration the value was bound
    /// to (a parameter or property), so the element nullability of a top-level list is known.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(object? value, NullabilityInfo? nullability = null, string path = "")
    {
        var errors = new List<FieldError>();
        Walk(value, nullability, path, errors, 0);
        return errors;
    }

    /// <summary>True for types whose instances are walked property by property: the platform's own DTOs and records.</summary>
    public static bool IsRequestObject(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace is { } ns && (ns == "TechTransfer" || ns.StartsWith("TechTransfer.", StringComparison.Ordinal));

    private static void Walk(object? value, NullabilityInfo? info, string path, List<FieldError> errors, int depth)
    {
        if (value is null || errors.Count >= MaxErrors || depth > MaxDepth) return;
        switch (value)
        {
            case string s:
                CheckText(s, path, errors);
                return;
            case decimal d:
                if (d >= MaxMagnitude || d <= -MaxMagnitude) errors.Add(ValidationErrors.NumberOutOfRange(path));
                return;
            case double x:
                if (!double.IsFinite(x) || Math.Abs(x) >= (double)MaxMagnitude) errors.Add(ValidationErrors.NumberOutOfRange(path));
                return;
            case float f:
                if (!float.IsFinite(f) || Math.Abs(f) >= (float)MaxMagnitude) errors.Add(ValidationErrors.NumberOutOfRange(path));
                return;
            case Enum e:
                if (!IsDefined(e)) errors.Add(ValidationErrors.UnknownValue(path));
                return;
            case DateOnly date:
                if (date != default && (date < EarliestDate || date > LatestDate)) errors.Add(DateOutOfRange(path));
                return;
            case DateTimeOffset instant:
                if (instant != default && OutOfRange(instant.UtcDateTime)) errors.Add(DateOutOfRange(path));
                return;
            case DateTime time:
                if (time != default && OutOfRange(time)) errors.Add(DateOutOfRange(path));
                return;
            case IDictionary dictionary:
                WalkDictionary(dictionary, info, path, errors, depth);
                return;
            case IEnumerable list:
                WalkList(list, info, path, errors, depth);
                return;
        }
        var type = value.GetType();
        if (!IsRequestObject(type)) return;
        foreach (var p in Properties.GetOrAdd(type, Describe))
        {
            if (errors.Count >= MaxErrors) return;
            var child = p.Property.GetValue(value);
            var childPath = path.Length == 0 ? p.JsonName : $"{path}.{p.JsonName}";
            if (child is null)
            {
                if (IsNotNull(p.Nullability)) errors.Add(ValidationErrors.NullNotAllowed(childPath));
                continue;
            }
            Walk(child, p.Nullability, childPath, errors, depth + 1);
        }
    }

    private static void WalkList(IEnumerable list, NullabilityInfo? info, string path, List<FieldError> errors, int depth)
    {
        var element = info?.ElementType ?? (info?.GenericTypeArguments is { Length: 1 } args ? args[0] : null);
        var i = 0;
        foreach (var item in list)
        {
            if (errors.Count >= MaxErrors) return;
            var itemPath = $"{path}[{i++}]";
            if (item is null)
            {
                if (IsNotNull(element)) errors.Add(ValidationErrors.NullNotAllowed(itemPath));
                continue;
            }
            Walk(item, element, itemPath, errors, depth + 1);
        }
    }

    private static void WalkDictionary(IDictionary dictionary, NullabilityInfo? info, string path, List<FieldError> errors, int depth)
    {
        var valueInfo = info?.GenericTypeArguments is { Length: 2 } args ? args[1] : null;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (errors.Count >= MaxErrors) return;
            var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var entryPath = path.Length == 0 ? key : $"{path}.{key}";
            CheckText(key, entryPath, errors);
            if (entry.Value is null)
            {
                if (IsNotNull(valueInfo)) errors.Add(ValidationErrors.NullNotAllowed(entryPath));
                continue;
            }
            Walk(entry.Value, valueInfo, entryPath, errors, depth + 1);
        }
    }

    /// <summary>A declaration that says "never null" (unknown nullability, e.g. from code without annotations, is not refused).</summary>
    private static bool IsNotNull(NullabilityInfo? info) =>
        info is not null && info.ReadState == NullabilityState.NotNull && info.WriteState != NullabilityState.Nullable;

    private static void CheckText(string s, string path, List<FieldError> errors)
    {
        if (s.Length > MaxTextLength)
        {
            errors.Add(ValidationErrors.TextTooLong(path, MaxTextLength));
            return;
        }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var bad = c == '\0'
                      || (char.IsHighSurrogate(c) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[++i])))
                      || char.IsLowSurrogate(c);
            if (!bad) continue;
            errors.Add(ValidationErrors.InvalidText(path));
            return;
        }
    }

    /// <summary>
    /// A date-time outside the calendar days <see cref="EarliestDate"/>–<see cref="LatestDate"/>, compared as it is (an
    /// instant as its UTC date-time): a bound on plausible input, not a business date, so nothing is converted.
    /// </summary>
    private static bool OutOfRange(DateTime time) => time < EarliestDateTime || time > LatestDateTime;

    private static bool IsDefined(Enum e)
    {
        var type = e.GetType();
        if (Enum.IsDefined(type, e)) return true;
        if (!type.IsDefined(typeof(FlagsAttribute), false)) return false;
        var bits = Convert.ToUInt64(e, System.Globalization.CultureInfo.InvariantCulture);
        var all = Enum.GetValues(type).Cast<object>().Aggregate(0UL, (acc, v) => acc | Convert.ToUInt64(v, System.Globalization.CultureInfo.InvariantCulture));
        return (bits & ~all) == 0;
    }

    private static FieldError DateOutOfRange(string path) => ValidationErrors.DateOutOfRange(path, EarliestDate, LatestDate);

    /// <summary>The bound properties of a request type: public, readable, and settable or set through the constructor.</summary>
    private static ShapeProperty[] Describe(Type type)
    {
        var context = new NullabilityInfoContext();
        var constructorParameters = type.GetConstructors()
            .SelectMany(c => c.GetParameters()).Select(p => p.Name).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Where(p => p.SetMethod is not null || constructorParameters.Contains(p.Name))
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Select(p => new ShapeProperty(p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                context.Create(p)))
            .ToArray();
    }

    private sealed record ShapeProperty(PropertyInfo Property, string JsonName, NullabilityInfo Nullability);
}

using System.Text.Json;

namespace TechTransfer.Composition;

/// <summary>One field of an audit entry's change set: its name and its value before and after (null when absent).</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

/// <summary>
/// An audit entry's change set as fields, read from the before/after snapshots the save interceptor writes (a modified
/// record: only its changed fields; an added record: every field after; a deleted one: every field before). The audit
/// page shows a few of them as a compact summary and all of them in a disclosure.
/// </summary>
public static class AuditChanges
{
    /// <summary>The fields in the order the snapshots name them (the after snapshot first, then fields only before has).</summary>
    public static IReadOnlyList<AuditFieldChange> Of(string? before, string? after)
    {
        var b = Read(before);
        var a = Read(after);
        var names = a.Keys.Concat(b.Keys.Where(k => !a.ContainsKey(k))).ToList();
        return names.Select(n => new AuditFieldChange(n, b.GetValueOrDefault(n), a.GetValueOrDefault(n)))
            .Where(c => c.Before != c.After || before is null || after is null)
            .ToList();
    }

    /// <summary>A value shortened for the summary: at most <paramref name="max"/> characters, an ellipsis when cut.</summary>
    public static string Short(string? value, int max = 40) =>
        value is null ? "—" : value.Length <= max ? value : value[..(max - 1)] + "…";

    private static Dictionary<string, string?> Read(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return fields;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return fields;
            foreach (var p in doc.RootElement.EnumerateObject())
                fields[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                };
        }
        catch (JsonException)
        {
            // not a snapshot of fields (an entry written by hand): shown whole as one field
            fields[""] = json;
        }
        return fields;
    }
}

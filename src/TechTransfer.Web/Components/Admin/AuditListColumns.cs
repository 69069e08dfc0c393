using System.Collections;
using System.Globalization;
using System.Resources;
using TechTransfer.Composition;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;

namespace TechTransfer.Web.Components.Admin;

/// <summary>
/// The audit log's labels and the columns of its Excel export (the page's columns, labels in the current language): an
/// action or a record type is shown by its label, its code only where no label exists yet.
/// </summary>
public static class AuditListColumns
{
    private static readonly ResourceManager Strings = new("TechTransfer.Web.Resources.WebText", typeof(WebText).Assembly);

    public static string R(string key) => Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"WebText has no '{key}'.");

    /// <summary>A code of the trail by its label (<c>Audit.Action.*</c>, <c>Entity.*</c>); the code when there is none.</summary>
    public static string Label(string prefix, string code) => Strings.GetString(prefix + code, CultureInfo.CurrentUICulture) ?? code;

    /// <summary>The record types that have a label, for the filter (code, label in the current language), by label.</summary>
    public static IReadOnlyList<(string Code, string Label)> EntityTypes() =>
        Strings.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<DictionaryEntry>()
            .Select(e => (string)e.Key).Where(k => k.StartsWith("Entity.", StringComparison.Ordinal))
            .Select(k => (Code: k["Entity.".Length..], Label: R(k))).OrderBy(x => x.Label, StringComparer.Create(CultureInfo.CurrentUICulture, false)).ToList();

    public static IReadOnlyList<ListColumn<AuditEntryDto>> All =>
    [
        new(R("Audit.At"), a => BusinessTime.ShowTime(a.At)),
        new(R("Audit.User"), a => a.UserName ?? R("Audit.System")),
        new(R("Audit.Action"), a => Label("Audit.Action.", a.Action)),
        new(R("Audit.EntityType"), a => Label("Entity.", a.EntityType)),
        new(R("Audit.EntityId"), a => a.EntityId),
        new(R("Audit.Before"), a => a.Before),
        new(R("Audit.After"), a => a.After),
    ];
}

using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;
using TechTransfer.SharedKernel;

namespace TechTransfer.Platform.UI;

/// <summary>
/// Shows an <see cref="Error"/> on a server-rendered form: each field error next to its input (matched by name,
/// case-insensitively, on the form model), the rest as a summary. Pages and the API thus show the same messages.
/// </summary>
public static class FormErrors
{
    /// <returns>The messages that could not be placed next to a field.</returns>
    public static IReadOnlyList<string> Apply(EditContext context, ValidationMessageStore store, Error error)
    {
        store.Clear();
        var leftover = new List<string>();
        var english = Bilingual.CurrentIsEnglish;
        var fields = error.AsFieldErrors();
        if (fields.Count == 0) leftover.Add(english ? error.En : error.Zh);
        foreach (var f in fields)
        {
            var text = english ? f.En : f.Zh;
            var (model, prop) = Resolve(context.Model, f.Field);
            if (prop is null) leftover.Add(text);
            else store.Add(new FieldIdentifier(model!, prop.Name), text);
        }
        context.NotifyValidationStateChanged();
        return leftover;
    }

    private static (object? Model, PropertyInfo? Property) Resolve(object model, string path)
    {
        object? current = model;
        PropertyInfo? prop = null;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length && current is not null; i++)
        {
            var name = parts[i];
            var index = -1;
            var bracket = name.IndexOf('[');
            if (bracket > 0 && int.TryParse(name[(bracket + 1)..^1], out var ix)) { index = ix; name = name[..bracket]; }
            prop = current.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (prop is null) return (null, null);
            if (i == parts.Length - 1 && index < 0) return (current, prop);
            var value = prop.GetValue(current);
            current = index >= 0 && value is System.Collections.IList list && index < list.Count ? list[index] : value;
            if (i == parts.Length - 1) return (null, null);
        }
        return (null, null);
    }
}

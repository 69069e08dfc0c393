using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TechTransfer.SharedKernel;

namespace TechTransfer.Data;

/// <summary>
/// The last line of defence for text that does not fit its column: before every save, each added or changed text value
/// (after its value converter) is held to the column's <c>HasMaxLength</c>. PostgreSQL would refuse it with an error
/// (a 500) and SQLite would store it anyway; instead the save is refused with <see cref="ColumnLengthExceededException"/>,
/// which the host answers with a 422 naming the field (<c>validation.text_too_long</c>). A use case is still expected to
/// check its own limits first (with the bilingual message it wants); reaching this guard means it forgot one.
/// </summary>
public sealed class ColumnLengthGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public static void Check(DbContext? context)
    {
        if (context is null) return;
        var errors = new List<FieldError>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
                if (TooLong(entry.State, property) is { } max)
                    errors.Add(ValidationErrors.TextTooLong(JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name), max));
        }
        if (errors.Count > 0) throw new ColumnLengthExceededException(errors.DistinctBy(e => e.Field).ToList());
    }

    private static int? TooLong(EntityState state, PropertyEntry property)
    {
        if (state == EntityState.Modified && !property.IsModified) return null;
        if (property.Metadata.GetMaxLength() is not { } max || property.CurrentValue is null) return null;
        var converter = property.Metadata.GetValueConverter() ?? property.Metadata.GetTypeMapping().Converter;
        var stored = converter is null ? property.CurrentValue : converter.ConvertToProvider(property.CurrentValue);
        return stored is string text && text.Length > max ? max : null;
    }
}

/// <summary>A save refused by <see cref="ColumnLengthGuard"/>: text longer than its column (a missing check in a use case).</summary>
public sealed class ColumnLengthExceededException(IReadOnlyList<FieldError> fields)
    : Exception("Text longer than its column: " + string.Join(", ", fields.Select(f => f.Field)))
{
    public IReadOnlyList<FieldError> Fields { get; } = fields;
}

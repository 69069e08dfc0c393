using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Platform;

/// <summary>Checks referenced ids through the owning module's <see cref="IReferenceResolver"/>, as the current caller.</summary>
public sealed class ReferenceCheck(IEnumerable<IReferenceResolver> resolvers, ICurrentUser caller) : IReferenceCheck
{
    private readonly Dictionary<string, IReferenceResolver> _byType = resolvers.ToDictionary(r => r.RecordType, StringComparer.Ordinal);

    public async Task<FieldError?> CheckAsync(string field, string recordType, Guid id, CancellationToken ct)
    {
        var visible = await Resolver(recordType).VisibleAsync([id], caller, ct);
        return visible.Contains(id) ? null : ReferenceErrors.NotFound(field);
    }

    public async Task<IReadOnlyList<FieldError>> CheckAllAsync(string field, string recordType, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var visible = await Resolver(recordType).VisibleAsync(ids.Distinct().ToList(), caller, ct);
        var errors = new List<FieldError>();
        for (var i = 0; i < ids.Count; i++)
            if (!visible.Contains(ids[i])) errors.Add(ReferenceErrors.NotFound($"{field}[{i}]"));
        return errors;
    }

    private IReferenceResolver Resolver(string recordType) =>
        _byType.TryGetValue(recordType, out var r) ? r
            : throw new InvalidOperationException($"No IReferenceResolver is registered for record type '{recordType}'.");
}

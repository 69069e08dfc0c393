namespace TechTransfer.SharedKernel;

/// <summary>
/// Marks an entity whose changes are written to the audit log by the data layer (every insert, update and delete,
/// with before/after values). Properties named in <see cref="AuditIgnoredProperties"/> are never written.
/// </summary>
public interface IAudited
{
    /// <summary>The organisation the record belongs to, so organisation admins can read their own trail.</summary>
    Guid? AuditOrganizationId { get; }
}

public static class AuditIgnoredProperties
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };
}

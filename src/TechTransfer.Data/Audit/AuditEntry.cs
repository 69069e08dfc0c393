namespace TechTransfer.Data.Audit;

/// <summary>
/// One state change (审计日志): who, when, what, before and after. Append-only: written by the data layer in the
/// same transaction as the change it records, never updated or deleted by the application.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public Guid? OrganizationId { get; private set; }
    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    /// <summary>The organisation the changed record belongs to, when it says (<see cref="SharedKernel.IAudited"/>).</summary>
    public Guid? SubjectOrganizationId { get; private set; }
    /// <summary>JSON object of the changed properties' values before the change (null for an insert).</summary>
    public string? Before { get; private set; }
    /// <summary>JSON object of the changed properties' values after the change (null for a delete).</summary>
    public string? After { get; private set; }
    public string? TraceId { get; private set; }

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Guid? userId, string? userName, Guid? organizationId, string action,
        string entityType, string entityId, Guid? subjectOrganizationId, string? before, string? after, string? traceId)
    {
        At = at; UserId = userId; UserName = userName; OrganizationId = organizationId; Action = action;
        EntityType = entityType; EntityId = entityId; SubjectOrganizationId = subjectOrganizationId;
        Before = before; After = after; TraceId = traceId;
    }
}

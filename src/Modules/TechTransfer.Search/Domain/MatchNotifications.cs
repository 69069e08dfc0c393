using TechTransfer.SharedKernel;

namespace TechTransfer.Search.Domain;

/// <summary>
/// 技术经理人指派: a technology manager assigned to follow a demand (by the platform) or an achievement (by its
/// institution's transfer office or the platform). Assigned managers receive the subject's new-match notifications.
/// </summary>
public sealed class ManagerAssignment : IAudited
{
    private ManagerAssignment() { }

    public Guid Id { get; private set; }
    /// <summary><c>demand</c> or <c>achievement</c>.</summary>
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    /// <summary>The subject's owning organisation (for the audit trail).</summary>
    public Guid? SubjectOrganizationId { get; private set; }
    public Guid ManagerUserId { get; private set; }
    public Guid? AssignedByUserId { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }

    public Guid? AuditOrganizationId => SubjectOrganizationId;

    public static ManagerAssignment Assign(string subjectType, Guid subjectId, Guid? subjectOrganizationId, Guid managerUserId,
        Guid? assignedBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), SubjectType = subjectType, SubjectId = subjectId, SubjectOrganizationId = subjectOrganizationId,
        ManagerUserId = managerUserId, AssignedByUserId = assignedBy, AssignedAt = now,
    };
}

/// <summary>
/// 匹配通知记录: a (demand, supply record) pair whose match was announced. One row per pair (unique), written in the
/// same transaction as the notifications, so a pair is never announced twice.
/// </summary>
public sealed class MatchNotice : IAudited
{
    private MatchNotice() { }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }
    /// <summary><c>achievement</c>, <c>patent</c> or <c>open_license</c>.</summary>
    public string SupplyType { get; private set; } = "";
    public Guid SupplyId { get; private set; }
    /// <summary>Share of the subject's key terms found in the other record (0–1).</summary>
    public double Strength { get; private set; }
    /// <summary>How many notifications were written for the pair (0 when nobody may see both sides).</summary>
    public int Recipients { get; private set; }
    public DateTimeOffset NotifiedAt { get; private set; }
    public Guid? DemandOrganizationId { get; private set; }

    public Guid? AuditOrganizationId => DemandOrganizationId;

    public static MatchNotice Record(Guid demandId, Guid? demandOrganizationId, string supplyType, Guid supplyId, double strength,
        int recipients, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), DemandId = demandId, DemandOrganizationId = demandOrganizationId, SupplyType = supplyType,
        SupplyId = supplyId, Strength = Math.Round(strength, 4), Recipients = recipients, NotifiedAt = now,
    };
}

/// <summary>Errors of technology-manager assignment.</summary>
public static class ManagerAssignmentErrors
{
    public static readonly Error Forbidden = new("manager_assignment.forbidden",
        "只有平台管理员（需求）或成果所属单位的技术转移办公室（成果）可以指派技术经理人",
        "Only platform administrators (demands) or the owning institution's transfer office (achievements) may assign technology managers.",
        Status: 403);
    public static readonly FieldError UserRequired = new("userId", "manager_assignment.user_required",
        "请指定技术经理人", "Name the technology manager.");
    public static readonly FieldError NotATechManager = new("userId", "manager_assignment.not_a_tech_manager",
        "该用户不存在或不是技术经理人", "The user does not exist or is not a technology manager.");
    public static readonly FieldError ManagerCannotSee = new("userId", "manager_assignment.manager_cannot_see",
        "该技术经理人无权查看此记录，不能指派", "This technology manager may not see the record and cannot be assigned to it.");
    public static readonly Error AlreadyAssigned = new("manager_assignment.already_assigned",
        "该技术经理人已被指派", "This technology manager is already assigned.", Status: 409);
    public static readonly Error NotFound = Error.NotFound("manager_assignment", "技术经理人指派");
}

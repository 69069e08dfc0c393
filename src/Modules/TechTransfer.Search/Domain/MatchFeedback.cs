using TechTransfer.SharedKernel;

namespace TechTransfer.Search.Domain;

/// <summary>
/// 匹配反馈: one organisation's verdict on one match (subject demand/achievement → target record).
/// One row per (subject, target, organisation); the last vote wins.
/// </summary>
public sealed class MatchFeedback : IAudited
{
    private MatchFeedback() { }

    public Guid Id { get; private set; }
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string TargetType { get; private set; } = "";
    public Guid TargetId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public bool Useful { get; private set; }
    public Guid? VotedByUserId { get; private set; }
    public DateTimeOffset VotedAt { get; private set; }

    public Guid? AuditOrganizationId => OrganizationId;

    public static MatchFeedback Record(string subjectType, Guid subjectId, string targetType, Guid targetId,
        Guid organizationId, bool useful, Guid? userId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), SubjectType = subjectType, SubjectId = subjectId, TargetType = targetType, TargetId = targetId,
        OrganizationId = organizationId, Useful = useful, VotedByUserId = userId, VotedAt = now,
    };

    /// <summary>A new vote replaces the previous one (last vote wins).</summary>
    public void Revote(bool useful, Guid? userId, DateTimeOffset now)
    {
        Useful = useful;
        VotedByUserId = userId;
        VotedAt = now;
    }
}

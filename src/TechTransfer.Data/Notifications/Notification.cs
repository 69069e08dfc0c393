namespace TechTransfer.Data.Notifications;

/// <summary>
/// A message to a user (站内通知), or to everyone holding a role in an organisation. Written in the same transaction
/// as the change that caused it. <see cref="Kind"/> is one of <see cref="NotificationKinds"/>; a reminder carries a
/// <see cref="DedupKey"/> (unique), so a deadline is announced once however often the reminder job runs.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; private set; }
    public Guid? RecipientUserId { get; private set; }
    public Guid? RecipientOrganizationId { get; private set; }
    public string? RecipientRole { get; private set; }
    public string Kind { get; private set; } = NotificationKinds.General;
    public string TitleZh { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    /// <summary>Identifies a reminder (kind, record, deadline), unique: the same reminder is never written twice.</summary>
    public string? DedupKey { get; private set; }

    private Notification() { }

    public static Notification ToUser(Guid userId, string titleZh, string titleEn, string? link, DateTimeOffset now,
        string kind = NotificationKinds.General, string? dedupKey = null) =>
        new()
        {
            Id = Guid.NewGuid(), RecipientUserId = userId, TitleZh = titleZh, TitleEn = titleEn, Link = link, CreatedAt = now, Kind = kind,
            DedupKey = dedupKey,
        };

    /// <summary>To every member of the organisation holding <paramref name="role"/> (any role when null).</summary>
    public static Notification ToOrganization(Guid organizationId, string? role, string titleZh, string titleEn, string? link, DateTimeOffset now,
        string kind = NotificationKinds.General, string? dedupKey = null) =>
        new()
        {
            Id = Guid.NewGuid(), RecipientOrganizationId = organizationId, RecipientRole = role, TitleZh = titleZh, TitleEn = titleEn, Link = link,
            CreatedAt = now, Kind = kind, DedupKey = dedupKey,
        };

    /// <summary>To every holder of <paramref name="role"/> on the platform, whatever their organisation (e.g. registrars).</summary>
    public static Notification ToRole(string role, string titleZh, string titleEn, string? link, DateTimeOffset now,
        string kind = NotificationKinds.General, string? dedupKey = null) =>
        new()
        {
            Id = Guid.NewGuid(), RecipientRole = role, TitleZh = titleZh, TitleEn = titleEn, Link = link, CreatedAt = now, Kind = kind,
            DedupKey = dedupKey,
        };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

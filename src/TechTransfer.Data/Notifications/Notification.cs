namespace TechTransfer.Data.Notifications;

/// <summary>
/// A message to a user (站内通知), or to everyone holding a role in an organisation. Written in the same transaction
/// as the change that caused it.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; private set; }
    public Guid? RecipientUserId { get; private set; }
    public Guid? RecipientOrganizationId { get; private set; }
    public string? RecipientRole { get; private set; }
    public string TitleZh { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    private Notification() { }

    public static Notification ToUser(Guid userId, string titleZh, string titleEn, string? link, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), RecipientUserId = userId, TitleZh = titleZh, TitleEn = titleEn, Link = link, CreatedAt = now };

    /// <summary>To every member of the organisation holding <paramref name="role"/> (any role when null).</summary>
    public static Notification ToOrganization(Guid organizationId, string? role, string titleZh, string titleEn, string? link, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), RecipientOrganizationId = organizationId, RecipientRole = role, TitleZh = titleZh, TitleEn = titleEn, Link = link, CreatedAt = now };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

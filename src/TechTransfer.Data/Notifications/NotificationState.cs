namespace TechTransfer.Data.Notifications;

/// <summary>
/// That one user has read one notification. A notification addressed to an organisation (or a role) is one row shared by
/// its recipients, so "read" is per user: marking it read for me leaves it unread for my colleagues.
/// </summary>
public sealed class NotificationRead
{
    private NotificationRead() { }

    public NotificationRead(Guid notificationId, Guid userId, DateTimeOffset readAt)
    {
        NotificationId = notificationId; UserId = userId; ReadAt = readAt;
    }

    public Guid NotificationId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset ReadAt { get; private set; }
}

/// <summary>A user's choice for one notification kind: whether it also goes by e-mail (in-app is always on).</summary>
public sealed class NotificationPreference
{
    private NotificationPreference() { Kind = ""; }

    public NotificationPreference(Guid userId, string kind, bool email)
    {
        UserId = userId; Kind = kind; Email = email;
    }

    public Guid UserId { get; private set; }
    public string Kind { get; private set; }
    public bool Email { get; private set; }

    public void Set(bool email) => Email = email;
}

/// <summary>
/// The e-mail outbox. The save interceptor writes one <em>fan-out</em> row (no recipient yet) for every notification added,
/// in the notification's own transaction; the background sender (<c>EmailSender</c>, outside any request) turns it into
/// one row per recipient who chose e-mail for the kind and has an address, then sends each through SMTP, at least once:
/// a failure is retried with back-off (<see cref="Attempts"/>, <see cref="NextAttemptAt"/>) until it succeeds or the
/// attempts run out (then <see cref="FailedAt"/>).
/// </summary>
public sealed class EmailOutboxEntry
{
    private EmailOutboxEntry() { }

    public long Id { get; private set; }
    public Guid NotificationId { get; private set; }
    /// <summary>Null on the fan-out row; set on a message row.</summary>
    public Guid? RecipientUserId { get; private set; }
    public string? ToAddress { get; private set; }
    public string? Subject { get; private set; }
    public string? Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? LastError { get; private set; }

    public static EmailOutboxEntry FanOut(Guid notificationId, DateTimeOffset now) =>
        new() { NotificationId = notificationId, CreatedAt = now, NextAttemptAt = now };

    public static EmailOutboxEntry Message(Guid notificationId, Guid userId, string to, string subject, string body, DateTimeOffset now) =>
        new() { NotificationId = notificationId, RecipientUserId = userId, ToAddress = to, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now };

    public void Sent(DateTimeOffset now) => SentAt = now;

    /// <summary>A failed attempt: try again after 1, 2, 4 … minutes (at most an hour), give up after <paramref name="maxAttempts"/>.</summary>
    public void Failed(string error, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= maxAttempts) FailedAt = now;
        else NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Attempts - 1)));
    }
}

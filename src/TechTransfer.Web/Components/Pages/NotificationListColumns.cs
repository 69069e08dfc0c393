using TechTransfer.Composition;
using TechTransfer.Data.Notifications;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using static TechTransfer.Web.Components.Admin.AuditListColumns;

namespace TechTransfer.Web.Components.Pages;

/// <summary>The notification list's kind labels and the columns of its Excel export (the page's columns, labels in the current language).</summary>
public static class NotificationListColumns
{
    /// <summary>A kind by its label (the last kind, "other", for one the catalogue does not know).</summary>
    public static string KindLabel(string kind) =>
        NotificationKinds.All.FirstOrDefault(k => k.Kind == kind) is { Kind: not null } k ? Bilingual.T(k.Zh, k.En)
            : Bilingual.T(NotificationKinds.All[^1].Zh, NotificationKinds.All[^1].En);

    public static IReadOnlyList<ListColumn<NotificationDto>> All =>
    [
        new(R("Notifications.Time"), n => BusinessTime.ShowTime(n.CreatedAt)),
        new(R("Notifications.Kind"), n => KindLabel(n.Kind)),
        new(R("Notifications.Title"), n => n.Title),
        new(R("Notifications.State"), n => n.Read ? R("Notifications.ReadState") : R("Notifications.Unread")),
    ];
}

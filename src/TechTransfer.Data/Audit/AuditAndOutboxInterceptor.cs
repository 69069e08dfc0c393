using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TechTransfer.Data.Notifications;
using TechTransfer.Data.Outbox;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Data.Audit;

/// <summary>
/// Before every save, writes one <see cref="AuditEntry"/> per changed entity and one search-outbox row per changed
/// <see cref="ISearchIndexed"/> entity into the same unit of work, so they commit or roll back with the change.
/// </summary>
public sealed class AuditAndOutboxInterceptor(ICurrentUser currentUser, TimeProvider clock, SearchOutboxSignal signal)
    : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private bool _wroteOutbox;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfNeeded();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfNeeded();
        return ValueTask.FromResult(result);
    }

    /// <summary>For a save written without <c>SaveChanges</c> (<see cref="BatchedSave"/>): the same rows, added to the context.</summary>
    public void CaptureForBatchedSave(DbContext context) => Capture(context);

    /// <summary>After a <see cref="BatchedSave"/> wrote its rows: wakes the search indexer as <c>SavedChanges</c> does.</summary>
    public void BatchedSaveCompleted() => SignalIfNeeded();

    private void SignalIfNeeded()
    {
        if (!_wroteOutbox) return;
        _wroteOutbox = false;
        signal.Notify();
    }

    private void Capture(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        var traceId = Activity.Current?.TraceId.ToString();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not SearchOutboxEntry and not EmailOutboxEntry and not NotificationRead)
            .ToList();

        var indexed = new HashSet<(string, Guid)>();
        foreach (var entry in entries)
        {
            if (entry.Entity is ISearchIndexed doc && indexed.Add((doc.SearchDocumentType, doc.Id)))
            {
                context.Add(new SearchOutboxEntry(doc.SearchDocumentType, doc.Id, now));
                _wroteOutbox = true;
            }

            if (entry.Entity is Notification notification)
            {
                // notifications are messages, not state of record; each added one may go by e-mail (fanned out by the sender)
                if (entry.State == EntityState.Added) context.Add(EmailOutboxEntry.FanOut(notification.Id, now));
                continue;
            }
            var (before, after) = Snapshot(entry);
            if (entry.State == EntityState.Modified && before is null && after is null) continue;
            context.Add(new AuditEntry(now, currentUser.UserId, currentUser.UserName, currentUser.OrganizationId,
                entry.State.ToString(), entry.Metadata.ShortName(), KeyOf(entry),
                (entry.Entity as IAudited)?.AuditOrganizationId, before, after, traceId));
        }
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join("|", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static (string? Before, string? After) Snapshot(EntityEntry entry)
    {
        var props = entry.Properties
            .Where(p => !AuditIgnoredProperties.Names.Contains(p.Metadata.Name))
            .Where(p => entry.State != EntityState.Modified || p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            .ToList();
        if (entry.State == EntityState.Modified && props.Count == 0) return (null, null);

        string? before = entry.State == EntityState.Added ? null
            : JsonSerializer.Serialize(props.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue), Json);
        string? after = entry.State == EntityState.Deleted ? null
            : JsonSerializer.Serialize(props.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue), Json);
        return (before, after);
    }
}

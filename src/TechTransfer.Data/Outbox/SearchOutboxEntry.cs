namespace TechTransfer.Data.Outbox;

/// <summary>
/// A record that changed and must be (re)indexed. Written in the same transaction as the change, so a crash between
/// the commit and the index update loses nothing: the indexer deletes the row only after the index has committed.
/// </summary>
public sealed class SearchOutboxEntry
{
    public long Id { get; private set; }
    public string DocumentType { get; private set; } = "";
    public Guid DocumentId { get; private set; }
    public DateTimeOffset EnqueuedAt { get; private set; }

    private SearchOutboxEntry() { }

    public SearchOutboxEntry(string documentType, Guid documentId, DateTimeOffset enqueuedAt)
    {
        DocumentType = documentType; DocumentId = documentId; EnqueuedAt = enqueuedAt;
    }
}

/// <summary>Wakes the indexer after a commit that wrote outbox rows (it also polls, so a missed signal only delays).</summary>
public sealed class SearchOutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

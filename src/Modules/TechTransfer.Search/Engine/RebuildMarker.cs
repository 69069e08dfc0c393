using System.Text.Json;

namespace TechTransfer.Search.Engine;

/// <summary>
/// 重建标记: written into the index directory by <c>tt search reindex</c> while it builds generation
/// <see cref="Generation"/> in another process. A running host that sees it journals every change it indexes
/// (<see cref="JournalFile"/>) and acknowledges (<see cref="AckFile"/>); when the pointer names the new generation the
/// host switches to it and replays the journal, so nothing indexed during the rebuild is lost.
/// </summary>
public sealed record RebuildMarker(string Generation, DateTimeOffset StartedUtc, int ProcessId)
{
    public const string FileName = "rebuild.json";
    public const string AckFile = "rebuild.ack";
    public const string JournalFile = "rebuild.journal";

    public static RebuildMarker? Read(string indexPath)
    {
        var path = Path.Combine(indexPath, FileName);
        try { return File.Exists(path) ? JsonSerializer.Deserialize<RebuildMarker>(File.ReadAllText(path)) : null; }
        catch (IOException) { return null; }
        catch (JsonException) { return null; }
    }

    public void Write(string indexPath)
    {
        var path = Path.Combine(indexPath, FileName);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(this));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Removes the marker, the acknowledgement and the journal.</summary>
    public static void Clear(string indexPath)
    {
        foreach (var f in new[] { AckFile, JournalFile, FileName })
            try { File.Delete(Path.Combine(indexPath, f)); } catch (IOException) { }
    }

    /// <summary>How long a marker may go without a heartbeat before a host treats the rebuild as abandoned.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    /// <summary>The reindexing process refreshes the marker's write time while it works (every 30 s).</summary>
    public static void Heartbeat(string indexPath)
    {
        try { File.SetLastWriteTimeUtc(Path.Combine(indexPath, FileName), DateTime.UtcNow); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// True when the rebuild was abandoned: no heartbeat for <see cref="AbandonedAfter"/> (the writer died). The write
    /// time is used rather than the process id, which another container or PID namespace cannot see.
    /// </summary>
    public static bool IsAbandoned(string indexPath, DateTime utcNow)
    {
        var path = Path.Combine(indexPath, FileName);
        return File.Exists(path) && utcNow - File.GetLastWriteTimeUtc(path) > AbandonedAfter;
    }
}

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
    public const string HeartbeatFile = "rebuild.heartbeat";
    public const string ProbeFile = "rebuild.probe";

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

    /// <summary>Removes the marker, the acknowledgement, the journal and the heartbeat files.</summary>
    public static void Clear(string indexPath)
    {
        foreach (var f in new[] { AckFile, JournalFile, HeartbeatFile, ProbeFile, FileName })
            try { File.Delete(Path.Combine(indexPath, f)); } catch (IOException) { }
    }

    /// <summary>How long a marker may go without a heartbeat before a host treats the rebuild as abandoned.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The reindexing process writes the heartbeat file while it works (every 30 s); the file system stamps its write time.
    /// </summary>
    public static void Heartbeat(string indexPath) => Touch(Path.Combine(indexPath, HeartbeatFile));

    /// <summary>
    /// True when the rebuild was abandoned: its last sign of life (the heartbeat, or the marker before the first
    /// heartbeat) is more than <see cref="AbandonedAfter"/> older than the probe file this process writes now. Both are
    /// write times stamped by the file system, so neither process's clock is compared with the other's (the directory
    /// may be shared by containers, or live on a file server with its own clock). Write times are used rather than the
    /// process id, which another container or PID namespace cannot see.
    /// </summary>
    public static bool IsAbandoned(string indexPath)
    {
        var marker = Path.Combine(indexPath, FileName);
        if (!File.Exists(marker)) return false;
        var heartbeat = Path.Combine(indexPath, HeartbeatFile);
        var lastSign = File.GetLastWriteTimeUtc(marker);
        if (File.Exists(heartbeat) && File.GetLastWriteTimeUtc(heartbeat) is var beat && beat > lastSign) lastSign = beat;
        var probe = Path.Combine(indexPath, ProbeFile);
        if (!Touch(probe)) return false;
        return File.GetLastWriteTimeUtc(probe) - lastSign > AbandonedAfter;
    }

    /// <summary>Writes a small file so the file system stamps its write time with its own "now".</summary>
    private static bool Touch(string path)
    {
        try
        {
            File.WriteAllText(path, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}

using Lucene.Net.Index;
using Lucene.Net.Store;

namespace TechTransfer.Search.Engine;

/// <summary>
/// The index directory on disk: generation directories (<c>gen-…</c>) and the <c>current</c> pointer file naming the one
/// in use, replaced by an atomic rename. Files only; which generation this process has open is
/// <see cref="IndexGenerations"/>' business.
/// </summary>
internal sealed class GenerationDirectory(string root, TimeProvider time)
{
    private const string PointerFile = "current";

    public string Root { get; } = root;

    public string PathOf(string generation) => Path.Combine(Root, generation);

    public void Create() => System.IO.Directory.CreateDirectory(Root);

    /// <summary>Name of the generation the <c>current</c> pointer file names (null before the first open).</summary>
    public string? ReadPointer()
    {
        var pointer = Path.Combine(Root, PointerFile);
        return File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : null;
    }

    /// <summary>Points <c>current</c> at <paramref name="name"/>; the rename is atomic on the same file system.</summary>
    public void WritePointer(string name)
    {
        var pointer = Path.Combine(Root, PointerFile);
        var tmp = pointer + ".tmp";
        File.WriteAllText(tmp, name);
        File.Move(tmp, pointer, overwrite: true);
    }

    /// <summary>A name for a new generation directory.</summary>
    public string NewName() => $"gen-{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40];

    public bool Exists(string name) => System.IO.Directory.Exists(PathOf(name));

    /// <summary>True when some writer (of any process) holds generation <paramref name="name"/>'s write lock.</summary>
    public bool IsLocked(string name)
    {
        using var dir = FSDirectory.Open(PathOf(name));
        return IndexWriter.IsLocked(dir);
    }

    /// <summary>Deletes every generation but <paramref name="keep"/> and <paramref name="alsoKeep"/> (best effort: a
    /// directory still open elsewhere stays until the next time).</summary>
    public void DeleteStale(string keep, string? alsoKeep = null)
    {
        foreach (var d in System.IO.Directory.GetDirectories(Root, "gen-*"))
        {
            var n = Path.GetFileName(d);
            if (n == keep || n == alsoKeep) continue;
            try { System.IO.Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Deletes one generation directory (a failed or abandoned build), best effort.</summary>
    public void Delete(string path)
    {
        try { System.IO.Directory.Delete(path, true); } catch (IOException) { }
    }
}

using System.Security.Cryptography;
using TechTransfer.Data;

namespace TechTransfer.Achievements.Features;

/// <summary>
/// Stores attachment bytes under <c>{DataDirectory}/attachments/achievements/{achievementId}/{attachmentId}.bin</c>.
/// Names come from ids only (never from the upload), the extension is .bin and nothing is ever executed or served inline.
/// </summary>
public sealed class AttachmentStore(StorageOptions storage)
{
    private string Root => Path.Combine(storage.FullDataDirectory, "attachments");

    public async Task<(string RelativePath, string Sha256)> SaveAsync(Guid achievementId, Guid attachmentId, Func<Stream> open, CancellationToken ct)
    {
        var relative = Path.Combine("achievements", achievementId.ToString("N"), attachmentId.ToString("N") + ".bin");
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var sha = SHA256.Create();
        await using (var input = open())
        await using (var output = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        await using (var crypto = new CryptoStream(output, sha, CryptoStreamMode.Write))
        {
            await input.CopyToAsync(crypto, ct);
        }
        return (relative.Replace('\\', '/'), Convert.ToHexStringLower(sha.Hash!));
    }

    public Stream? Open(string relativePath)
    {
        var full = Resolve(relativePath);
        return full is not null && File.Exists(full) ? File.OpenRead(full) : null;
    }

    public void Delete(string relativePath)
    {
        var full = Resolve(relativePath);
        if (full is not null && File.Exists(full)) File.Delete(full);
    }

    private string? Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        return full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}

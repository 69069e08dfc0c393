using TechTransfer.SharedKernel;

namespace TechTransfer.Achievements.Domain;

/// <summary>[CFG] Attachment limits (R5.1): size, count and allowed types.</summary>
public sealed class AttachmentOptions
{
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
    public int MaxPerAchievement { get; set; } = 20;
    public List<string> AllowedExtensions { get; set; } = [".pdf", ".docx", ".xlsx", ".pptx", ".png", ".jpg", ".jpeg", ".txt", ".csv"];
}

/// <summary>
/// Type checking of uploads (R5.1): the extension must be allowed and the first bytes must match it; anything that
/// looks executable (PE, ELF, Mach-O, scripts) is refused whatever its name. Files are stored as opaque blobs.
/// </summary>
public static class AttachmentRules
{
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Checks name, size and the first bytes (at least 8 when the file is that long); returns the content type.</summary>
    public static Result<string> Check(string fileName, long size, ReadOnlySpan<byte> head, AttachmentOptions options)
    {
        if (size <= 0 || head.Length == 0) return AchievementErrors.AttachmentEmpty;
        if (size > options.MaxBytes) return AchievementErrors.AttachmentTooLarge(options.MaxBytes);
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext.Length == 0 || !options.AllowedExtensions.Contains(ext, StringComparer.OrdinalIgnoreCase))
            return AchievementErrors.AttachmentTypeNotAllowed(ext.Length == 0 ? "(none)" : ext);
        if (LooksExecutable(head)) return AchievementErrors.AttachmentContentMismatch;
        var ok = ext switch
        {
            ".pdf" => head.StartsWith(Pdf),
            ".png" => head.StartsWith(Png),
            ".jpg" or ".jpeg" => head.StartsWith(Jpeg),
            ".docx" or ".xlsx" or ".pptx" => head.StartsWith(Zip),
            ".txt" or ".csv" => !head.Contains((byte)0),
            _ => false,
        };
        if (!ok) return AchievementErrors.AttachmentContentMismatch;
        return ext switch
        {
            ".pdf" => "application/pdf",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".csv" => "text/csv",
            _ => "text/plain",
        };
    }

    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly byte[] MachO64 = [0xCF, 0xFA, 0xED, 0xFE];
    private static readonly byte[] MachO64Be = [0xFE, 0xED, 0xFA, 0xCF];

    private static bool LooksExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) || head.StartsWith(Elf) || head.StartsWith("#!"u8)
        || head.StartsWith(MachO64) || head.StartsWith(MachO64Be);
}

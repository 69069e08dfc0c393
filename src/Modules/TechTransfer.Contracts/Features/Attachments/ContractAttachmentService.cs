using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Contracts.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Features.Attachments;

/// <summary>An attachment file to hand out: its metadata and an open stream (the caller disposes it).</summary>
public sealed record AttachmentDownload(AttachmentInfo Info, Stream Content);

/// <summary>
/// Attachment files of contracts. Upload: the seller side (R2.8) while the contract is a draft or awaiting supplements; the
/// size is limited and the type is recognised from the content (magic bytes) against the allowed list [CFG]; the SHA-256 is
/// stored. Files are written under <c>{root}/contracts/{contractId}/{attachmentId}.bin</c>, names from ids only, and removed
/// again if the database save fails. Download: the contract's parties (owner or party organisation) and registrars only;
/// anyone else gets 404. Files are always served as downloads, never inline.
/// </summary>
public sealed class ContractAttachmentService(
    TechTransferDbContext db, ICurrentUser user, TimeProvider clock, StorageOptions storage, IOptions<ContractsOptions> options, ContractService contracts)
{
    private ContractAttachmentOptions Options => options.Value.Attachments;

    private string Root => RootOf(storage, Options);

    /// <summary>The attachment storage root: <c>Contracts:Attachments:StorageRoot</c>, else <c>{data directory}/attachments</c>.</summary>
    internal static string RootOf(StorageOptions storage, ContractAttachmentOptions options) => Path.GetFullPath(string.IsNullOrWhiteSpace(options.StorageRoot)
        ? Path.Combine(storage.FullDataDirectory, "attachments")
        : options.StorageRoot);

    /// <summary>The storage key of an attachment file (names from ids only).</summary>
    internal static string KeyOf(Guid contractId, Guid attachmentId) => $"contracts/{contractId:N}/{attachmentId:N}.bin";

    /// <summary>
    /// Stores an uploaded file (<paramref name="open"/> is null when the request carried none). The form (kind, name, size)
    /// is checked first, then the contract: seller side (R2.8), the version the caller read, a draft or awaiting supplements.
    /// </summary>
    public async Task<Result<ContractResponse>> UploadAsync(Guid contractId, AttachmentKind? kind, string? fileName, long length, Func<Stream>? open,
        int? version, CancellationToken ct)
    {
        if (!user.IsInAnyRole(ContractService.DraftingRoles)) return Error.Forbidden;
        var errors = new FieldErrors();
        if (kind is not { } k || !Enum.IsDefined(k)) errors.Add(ContractErrors.AttachmentKindRequired);
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (open is null || length <= 0) errors.Add(ContractErrors.AttachmentEmpty);
        else if (name.Length is 0 or > 200) errors.Add(ContractErrors.AttachmentNameInvalid("file"));
        if (errors.ToError() is { } invalid) return invalid;
        if (length > Options.MaxFileBytes) return ContractErrors.AttachmentTooLarge(Options.MaxFileBytes);

        var c = await contracts.FindAsync(contractId, ct);
        if (c is null) return ContractErrors.NotFound;
        if (user.OrganizationId is not { } org) return Error.Forbidden;
        if (c.CheckSubmitter(org) is { IsFailure: true } who) return who.Error!;
        if (Error.StaleVersion(c.Version, version) is { } stale) return stale;
        if (c.Status is not (RegistrationStatus.Draft or RegistrationStatus.SupplementRequested)) return ContractErrors.NotEditable;

        var attachmentId = Guid.NewGuid();
        var key = KeyOf(contractId, attachmentId);
        var full = Resolve(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string sha;
        long size;
        string? type;
        try
        {
            await using (var output = new FileStream(full, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                using (var hash = SHA256.Create())
                await using (var input = open!())
                {
                    var buffer = new byte[81920];
                    size = 0;
                    int read;
                    while ((read = await input.ReadAsync(buffer, ct)) > 0)
                    {
                        size += read;
                        if (size > Options.MaxFileBytes) break;
                        hash.TransformBlock(buffer, 0, read, null, 0);
                        await output.WriteAsync(buffer.AsMemory(0, read), ct);
                    }
                    hash.TransformFinalBlock([], 0, 0);
                    sha = Convert.ToHexStringLower(hash.Hash!);
                }
                output.Position = 0;
                type = ContentSniffer.Detect(output, name);
            }
            if (size > Options.MaxFileBytes) { File.Delete(full); return ContractErrors.AttachmentTooLarge(Options.MaxFileBytes); }
            if (type is null || !Options.EffectiveAllowedTypes.Contains(type)) { File.Delete(full); return ContractErrors.AttachmentTypeNotAllowed; }
            var now = clock.GetUtcNow();
            c.AddAttachment(new AttachmentInfo(kind!.Value, name, type, size, sha, now, attachmentId, key), now);
            if (await db.SaveOrConflictAsync(ct) is { } conflict)
            {
                File.Delete(full); // the contract changed meanwhile: nothing is kept
                return conflict;
            }
        }
        catch
        {
            File.Delete(full); // a request fully applies or leaves no trace
            throw;
        }
        return contracts.Response(c);
    }

    public async Task<Result<AttachmentDownload>> OpenAsync(Guid contractId, Guid attachmentId, CancellationToken ct)
    {
        var c = await contracts.FindAsync(contractId, ct);
        if (c is null) return ContractErrors.NotFound;
        // ContractVisibility found it for a party or a registrar; a platform administrator does not read attachments
        var org = user.OrganizationId;
        var isParty = org is { } o && c.Involves(o);
        if (!contracts.IsRegistrar && !isParty) return ContractErrors.NotFound;
        var a = c.Attachments.FirstOrDefault(x => x.Id == attachmentId && x.HasFile);
        var path = a is null ? null : Resolve(a.StorageKey!);
        if (a is null || path is null || !File.Exists(path)) return ContractErrors.AttachmentNotFound;
        return new AttachmentDownload(a, File.OpenRead(path));
    }

    private string? Resolve(string key)
    {
        var full = Path.GetFullPath(Path.Combine(Root, key));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}

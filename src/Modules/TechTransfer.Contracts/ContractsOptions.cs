using TechTransfer.Contracts.Domain;

namespace TechTransfer.Contracts;

/// <summary>Configuration section "Contracts": every [CFG] value of spec §2 (R0.2) with defaults.</summary>
public sealed class ContractsOptions
{
    public const string Section = "Contracts";

    /// <summary>合同登记编号 layout (spec §2.1, §12): 16 digits; default YYYY + office division + 6-digit serial [INF].</summary>
    public string RegistrationNumberLayout { get; set; } = Domain.RegistrationNumberLayout.DefaultPattern;
    /// <summary>The registry office's 6-digit division code (GB/T 2260).</summary>
    public string OfficeDivisionCode { get; set; } = "310000";
    public Guid RegistryOfficeId { get; set; } = Guid.Parse("0c0c0c0c-0000-4000-8000-310000000001");
    public string OfficeNameZh { get; set; } = "上海市技术合同认定登记机构";
    public string OfficeNameEn { get; set; } = "Shanghai Technology Contract Registry";
    /// <summary>Registry jurisdiction used to choose rule sets (a Shanghai set wins when configured).</summary>
    public Jurisdiction Jurisdiction { get; set; } = Jurisdiction.National;
    /// <summary>Replaces the default rule sets when not empty.</summary>
    public List<ContractRuleSet> RuleSets { get; set; } = [];
    /// <summary>Attachment file storage [CFG].</summary>
    public ContractAttachmentOptions Attachments { get; set; } = new();
}

/// <summary>Configuration "Contracts:Attachments": where files are stored, how large and of which types they may be.</summary>
public sealed class ContractAttachmentOptions
{
    /// <summary>Storage root; empty = "{Storage:DataDirectory}/attachments". Files go to {root}/contracts/{contractId}/{attachmentId}.bin.</summary>
    public string? StorageRoot { get; set; }
    /// <summary>Largest file accepted, in bytes (default 20 MB; the platform refuses any request over 25 MB).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>
    /// Accepted content types, recognised by their content (magic bytes), not by the name or the declared type. Empty = every
    /// type the sniffer knows (PDF, PNG, JPEG, GIF, TIFF, Word/Excel/PowerPoint .docx/.xlsx/.pptx and legacy .doc/.xls/.ppt).
    /// </summary>
    public List<string> AllowedTypes { get; set; } = [];

    public IReadOnlyCollection<string> EffectiveAllowedTypes => AllowedTypes.Count > 0 ? AllowedTypes : Features.Attachments.ContentSniffer.KnownTypes;
}

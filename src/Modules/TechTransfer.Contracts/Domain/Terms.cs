namespace TechTransfer.Contracts.Domain;

/// <summary>非技术性款项: equipment, materials etc. priced inside the contract (R2.1–R2.2).</summary>
/// <param name="Quantity">Number of units/sets (used for the "≤ 2 sets of equipment as carrier" warning, R2.2).</param>
/// <param name="IsReasonableQuantityCarrier">合理数量的技术载体: not deducted from the technology transaction amount.</param>
public sealed record NonTechnicalItem(NonTechnicalItemKind Kind, string Description, decimal Amount, int Quantity, bool IsReasonableQuantityCarrier);

/// <summary>分期支付的一期: due date, amount and, where agreed, its payment milestone (付款节点, e.g. 合同生效, 技术验收).</summary>
public sealed record Installment(DateOnly DueDate, decimal Amount, string? Milestone = null)
{
    public const int MilestoneMax = 100;
}

/// <summary>支付方式与计划 (spec §1, 民法典 846).</summary>
/// <param name="RoyaltyRate">Fraction, e.g. 0.05 for 5%.</param>
public sealed record PaymentTerms(
    PaymentMode Mode,
    RoyaltyBase? RoyaltyBase = null,
    decimal? RoyaltyRate = null,
    RoyaltyRateSchedule? RoyaltyRateSchedule = null,
    decimal? EntryFee = null,
    IReadOnlyList<Installment>? Installments = null)
{
    public IReadOnlyList<Installment> Schedule => Installments ?? [];
}

/// <summary>知识产权信息 (民法典 845): for patents the title, holder, filing date, numbers and validity.</summary>
public sealed record IpReference(
    IpKind Kind,
    IpDisposition Disposition,
    string Title,
    string? Holder = null,
    DateOnly? FilingDate = null,
    string? ApplicationNo = null,
    string? PatentNo = null,
    DateOnly? ValidUntil = null)
{
    public bool IsPatent => Kind is IpKind.Patent;
}

/// <summary>许可条件: scope, territory and term (required for licences, §2.1).</summary>
public sealed record LicenceTerms(LicenseScope Scope, string Territory, DateOnly TermFrom, DateOnly TermTo);

/// <summary>
/// 附件: metadata, and for an uploaded file its id and storage key (the bytes live under the storage root, named by ids only).
/// A record without a storage key was registered as metadata only (older records, bulk import).
/// </summary>
public sealed record AttachmentInfo(AttachmentKind Kind, string FileName, string ContentType, long SizeBytes, string? Sha256, DateTimeOffset UploadedAt,
    Guid? Id = null, string? StorageKey = null)
{
    public bool HasFile => StorageKey is not null;
}

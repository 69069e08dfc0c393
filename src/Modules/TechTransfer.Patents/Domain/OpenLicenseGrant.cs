using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

public enum OpenLicenseGrantStatus
{
    /// <summary>书面通知已记录，待付款</summary>
    Pending,
    /// <summary>已生效</summary>
    Effective,
    /// <summary>已取消</summary>
    Cancelled,
}

/// <summary>R3.14 纠纷解决途径 (专利法 52)</summary>
public enum DisputeChannel
{
    /// <summary>协商</summary>
    Negotiation,
    /// <summary>国务院专利行政部门调解</summary>
    CnipaMediation,
    /// <summary>向人民法院起诉</summary>
    Court,
}

public enum FilingParty
{
    Patentee,
    Licensee,
}

/// <summary>开放许可实施 — one enterprise's licence under an open-licence declaration (spec §3.4).</summary>
public sealed class OpenLicenseGrant
{
    private readonly List<OpenLicenseDispute> _disputes = [];

    private OpenLicenseGrant() { }

    internal OpenLicenseGrant(Guid id, Guid declarationId, Guid licenseeOrganizationId, string licenseeName,
        string writtenNoticeRef, DateOnly noticeDate, decimal requiredPaymentYuan, DateTimeOffset now)
    {
        Id = id;
        DeclarationId = declarationId;
        LicenseeOrganizationId = licenseeOrganizationId;
        LicenseeName = licenseeName;
        WrittenNoticeRef = writtenNoticeRef;
        NoticeDate = noticeDate;
        RequiredPaymentYuan = requiredPaymentYuan;
        Status = OpenLicenseGrantStatus.Pending;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DeclarationId { get; private set; }
    public Guid LicenseeOrganizationId { get; private set; }
    public string LicenseeName { get; private set; } = "";
    /// <summary>书面通知 reference (R3.12)</summary>
    public string WrittenNoticeRef { get; private set; } = "";
    public DateOnly NoticeDate { get; private set; }
    public decimal RequiredPaymentYuan { get; private set; }
    public decimal? PaidAmountYuan { get; private set; }
    public string? PaymentRef { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    /// <summary>The later of notice and payment (R3.12).</summary>
    public DateOnly? EffectiveOn { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public OpenLicenseGrantStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>R3.13 备案 task, created when the grant becomes effective.</summary>
    public LicenceFilingTask? Filing { get; private set; }
    public IReadOnlyList<OpenLicenseDispute> Disputes => _disputes;

    /// <summary>
    /// True when the licence may be exercised on <paramref name="date"/>. A grant that became effective stays valid to the
    /// end of its term even after the declaration is withdrawn (R3.11): validity depends only on the grant.
    /// </summary>
    public bool IsValidOn(DateOnly date) =>
        Status == OpenLicenseGrantStatus.Effective && EffectiveOn <= date && (ValidUntil is null || date <= ValidUntil);

    internal void MarkPaid(decimal amount, string paymentRef, DateOnly paidOn, DateOnly effectiveOn, DateOnly filingDueOn, DateOnly validUntil)
    {
        PaidAmountYuan = amount;
        PaymentRef = paymentRef;
        PaidOn = paidOn;
        EffectiveOn = effectiveOn;
        ValidUntil = validUntil;
        Status = OpenLicenseGrantStatus.Effective;
        Filing = new LicenceFilingTask(Guid.NewGuid(), filingDueOn);
    }

    internal OpenLicenseDispute AddDispute(DisputeChannel channel, string summary, Guid raisedBy, DateTimeOffset now)
    {
        var dispute = new OpenLicenseDispute(Guid.NewGuid(), channel, summary, raisedBy, now);
        _disputes.Add(dispute);
        return dispute;
    }
}

/// <summary>专利实施许可合同备案 task (R3.13, 细则 15/87).</summary>
public sealed class LicenceFilingTask
{
    private LicenceFilingTask() { }

    internal LicenceFilingTask(Guid id, DateOnly dueOn)
    {
        Id = id;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? FiledOn { get; private set; }
    public string? ProofRef { get; private set; }
    public FilingParty? FiledBy { get; private set; }

    public bool IsOverdue(DateOnly today) => FiledOn is null && today > DueOn;

    internal void MarkFiled(DateOnly on, string proofRef, FilingParty by)
    {
        FiledOn = on;
        ProofRef = proofRef;
        FiledBy = by;
    }
}

/// <summary>开放许可纠纷 (R3.14)</summary>
public sealed class OpenLicenseDispute
{
    private OpenLicenseDispute() { }

    internal OpenLicenseDispute(Guid id, DisputeChannel channel, string summary, Guid raisedBy, DateTimeOffset now)
    {
        Id = id;
        Channel = channel;
        Summary = summary;
        RaisedByOrganizationId = raisedBy;
        OpenedAt = now;
    }

    public Guid Id { get; private set; }
    public DisputeChannel Channel { get; private set; }
    public string Summary { get; private set; } = "";
    public Guid RaisedByOrganizationId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Outcome { get; private set; }

    internal void Resolve(string outcome, DateTimeOffset now)
    {
        Outcome = outcome;
        ResolvedAt = now;
    }
}

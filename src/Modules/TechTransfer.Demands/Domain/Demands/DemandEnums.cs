namespace TechTransfer.Demands.Domain.Demands;

/// <summary>需求状态 (rule DM.8): Draft → UnderReview → Published → Matched | Closed | Expired; a rejected review returns to Draft.</summary>
public enum DemandStatus
{
    /// <summary>草稿</summary>
    Draft = 0,
    /// <summary>审核中</summary>
    UnderReview = 1,
    /// <summary>已发布</summary>
    Published = 2,
    /// <summary>已对接</summary>
    Matched = 3,
    /// <summary>已关闭</summary>
    Closed = 4,
    /// <summary>已过期</summary>
    Expired = 5,
}

/// <summary>合作方式 (rule DM.2). A demand accepts one or more.</summary>
[Flags]
public enum CooperationModes
{
    None = 0,
    /// <summary>技术转让</summary>
    Transfer = 1,
    /// <summary>技术许可</summary>
    Licence = 2,
    /// <summary>合作开发</summary>
    JointDevelopment = 4,
    /// <summary>委托开发</summary>
    CommissionedDevelopment = 8,
    /// <summary>技术咨询</summary>
    Consulting = 16,
}

/// <summary>联系方式可见性 (rule DM.12).</summary>
public enum ContactVisibility
{
    /// <summary>公开: the demand and its contact are public once published.</summary>
    Public = 0,
    /// <summary>对接后可见: the demand is public; the contact only to the owner, reviewers and the matched organisation.</summary>
    AfterMatch = 1,
    /// <summary>不公开: the demand and its contact are seen only by the owner and the platform (admins, platform technology managers).</summary>
    Private = 2,
}

public static class DemandLabels
{
    public static (string Zh, string En) Status(DemandStatus s) => s switch
    {
        DemandStatus.Draft => ("草稿", "Draft"),
        DemandStatus.UnderReview => ("审核中", "Under review"),
        DemandStatus.Published => ("已发布", "Published"),
        DemandStatus.Matched => ("已对接", "Matched"),
        DemandStatus.Closed => ("已关闭", "Closed"),
        DemandStatus.Expired => ("已过期", "Expired"),
        _ => (s.ToString(), s.ToString()),
    };

    public static readonly IReadOnlyList<CooperationModes> AllModes =
    [
        CooperationModes.Transfer, CooperationModes.Licence, CooperationModes.JointDevelopment,
        CooperationModes.CommissionedDevelopment, CooperationModes.Consulting,
    ];

    public static (string Zh, string En) Mode(CooperationModes m) => m switch
    {
        CooperationModes.Transfer => ("技术转让", "Transfer"),
        CooperationModes.Licence => ("技术许可", "Licence"),
        CooperationModes.JointDevelopment => ("合作开发", "Joint development"),
        CooperationModes.CommissionedDevelopment => ("委托开发", "Commissioned development"),
        CooperationModes.Consulting => ("技术咨询", "Consulting"),
        _ => (m.ToString(), m.ToString()),
    };

    public static IEnumerable<CooperationModes> Split(CooperationModes modes) => AllModes.Where(m => modes.HasFlag(m));

    public static (string Zh, string En) Visibility(ContactVisibility v) => v switch
    {
        ContactVisibility.Public => ("公开", "Public"),
        ContactVisibility.AfterMatch => ("对接后可见", "After a match"),
        ContactVisibility.Private => ("不公开", "Private"),
        _ => (v.ToString(), v.ToString()),
    };
}

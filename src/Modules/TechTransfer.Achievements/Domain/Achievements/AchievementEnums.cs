namespace TechTransfer.Achievements.Domain;

/// <summary>知识产权类型 (R5.1)</summary>
public enum IpType { Patent, PatentApplication, Software, IcLayout, PlantVariety, BiomedVariety, TechnicalSecret }

/// <summary>资金来源 (R5.1): 财政资助 | 委托 | 自有</summary>
public enum FundingSource { Fiscal, Commissioned, Own }

/// <summary>成果状态 (R5.1): 草稿 → 已披露 → 审核中 → 本单位登记 | 退回修改 | 不予登记</summary>
public enum AchievementStatus { Draft, Disclosed, UnderReview, Registered, Returned, Declined }

/// <summary>转化状态</summary>
public enum ConversionStatus { NotStarted, InProgress, Converted }

/// <summary>转化方式 (转化法 16)</summary>
public enum ConversionMode { SelfImplement, Transfer, License, Cooperation, EquityInvestment, Other }

/// <summary>潜力评级</summary>
public enum PotentialRating { Low, Medium, High }

/// <summary>概念验证状态</summary>
public enum ProofOfConceptStatus { NotNeeded, Planned, InProgress, Validated, Failed }

public static class AchievementLabels
{
    public static (string Zh, string En) Status(AchievementStatus s) => s switch
    {
        AchievementStatus.Draft => ("草稿", "Draft"),
        AchievementStatus.Disclosed => ("已披露", "Disclosed"),
        AchievementStatus.UnderReview => ("审核中", "Under review"),
        AchievementStatus.Registered => ("本单位登记", "Registered"),
        AchievementStatus.Returned => ("退回修改", "Returned"),
        AchievementStatus.Declined => ("不予登记", "Declined"),
        _ => (s.ToString(), s.ToString()),
    };

    public static (string Zh, string En) Conversion(ConversionStatus s) => s switch
    {
        ConversionStatus.NotStarted => ("未转化", "Not started"),
        ConversionStatus.InProgress => ("转化中", "In progress"),
        ConversionStatus.Converted => ("已转化", "Converted"),
        _ => (s.ToString(), s.ToString()),
    };

    public static (string Zh, string En) Mode(ConversionMode m) => m switch
    {
        ConversionMode.SelfImplement => ("自行实施", "Self-implementation"),
        ConversionMode.Transfer => ("转让", "Transfer"),
        ConversionMode.License => ("许可", "Licence"),
        ConversionMode.Cooperation => ("合作实施", "Cooperation"),
        ConversionMode.EquityInvestment => ("作价投资", "Equity investment"),
        _ => ("其他", "Other"),
    };

    public static (string Zh, string En) Ip(IpType t) => t switch
    {
        IpType.Patent => ("专利", "Patent"),
        IpType.PatentApplication => ("专利申请", "Patent application"),
        IpType.Software => ("计算机软件著作权", "Software copyright"),
        IpType.IcLayout => ("集成电路布图设计", "IC layout design"),
        IpType.PlantVariety => ("植物新品种", "Plant variety"),
        IpType.BiomedVariety => ("生物医药新品种", "Biomedical variety"),
        _ => ("技术秘密", "Technical secret"),
    };

    public static (string Zh, string En) Funding(FundingSource f) => f switch
    {
        FundingSource.Fiscal => ("财政资助", "Fiscal funding"),
        FundingSource.Commissioned => ("委托", "Commissioned"),
        _ => ("自有资金", "Own funds"),
    };
}

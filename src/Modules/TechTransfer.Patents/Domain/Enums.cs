namespace TechTransfer.Patents.Domain;

/// <summary>专利类型</summary>
public enum PatentType
{
    /// <summary>发明</summary>
    Invention,
    /// <summary>实用新型</summary>
    UtilityModel,
    /// <summary>外观设计</summary>
    Design,
}

/// <summary>法律状态</summary>
public enum PatentLegalStatus
{
    /// <summary>审中 (filed, not granted)</summary>
    Pending,
    /// <summary>有效 (granted and in force)</summary>
    InForce,
    /// <summary>未缴年费终止 (terminated for unpaid annual fees)</summary>
    Lapsed,
    /// <summary>无效宣告 (invalidated)</summary>
    Invalidated,
    /// <summary>期限届满 (term ended)</summary>
    Expired,
    /// <summary>放弃 / 驳回 (abandoned or rejected)</summary>
    Abandoned,
}

/// <summary>许可方式</summary>
public enum LicenseScope
{
    /// <summary>独占许可</summary>
    Exclusive,
    /// <summary>排他许可</summary>
    Sole,
    /// <summary>普通许可</summary>
    NonExclusive,
}

/// <summary>支付方式 (spec §1 PaymentMode)</summary>
public enum PaymentMode
{
    /// <summary>一次总算一次总付</summary>
    LumpSumOnce,
    /// <summary>一次总算分期支付</summary>
    LumpSumInstallments,
    /// <summary>提成支付</summary>
    Royalty,
    /// <summary>提成支付附加预付入门费</summary>
    EntryFeePlusRoyalty,
}

/// <summary>提成基数</summary>
public enum RoyaltyBase
{
    ProductPrice,
    IncrementalOutputValue,
    Profit,
    SalesRevenue,
    Other,
}

public static class EnumLabels
{
    public static (string Zh, string En) Of(PatentType t) => t switch
    {
        PatentType.Invention => ("发明", "Invention"),
        PatentType.UtilityModel => ("实用新型", "Utility model"),
        PatentType.Design => ("外观设计", "Design"),
        _ => (t.ToString(), t.ToString()),
    };

    public static (string Zh, string En) Of(LicenseScope s) => s switch
    {
        LicenseScope.Exclusive => ("独占许可", "Exclusive"),
        LicenseScope.Sole => ("排他许可", "Sole"),
        LicenseScope.NonExclusive => ("普通许可", "Ordinary (non-exclusive)"),
        _ => (s.ToString(), s.ToString()),
    };

    public static (string Zh, string En) Of(PatentLegalStatus s) => s switch
    {
        PatentLegalStatus.Pending => ("审中", "Pending"),
        PatentLegalStatus.InForce => ("有效", "In force"),
        PatentLegalStatus.Lapsed => ("未缴年费终止", "Lapsed (fees unpaid)"),
        PatentLegalStatus.Invalidated => ("已宣告无效", "Invalidated"),
        PatentLegalStatus.Expired => ("期限届满", "Expired"),
        PatentLegalStatus.Abandoned => ("放弃/驳回", "Abandoned or rejected"),
        _ => (s.ToString(), s.ToString()),
    };

    public static (string Zh, string En) Of(PaymentMode m) => m switch
    {
        PaymentMode.LumpSumOnce => ("一次总算一次总付", "Lump sum, paid at once"),
        PaymentMode.LumpSumInstallments => ("一次总算分期支付", "Lump sum in instalments"),
        PaymentMode.Royalty => ("提成支付", "Royalty"),
        PaymentMode.EntryFeePlusRoyalty => ("提成支付附加预付入门费", "Entry fee plus royalty"),
        _ => (m.ToString(), m.ToString()),
    };
}

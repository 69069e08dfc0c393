namespace TechTransfer.SharedKernel.Organizations;

/// <summary>
/// The legal regime whose technology-transfer rules apply to an organisation (spec R0.2): the floors of R4.2/R4.3 and
/// the idle period of R5.3 differ between national law and Shanghai's regulations. An attribute of the organisation
/// in the registry (机构库), set by a platform administrator; other modules read it through
/// <see cref="Deals.IOrganizationFactsLookup"/>.
/// </summary>
public enum Jurisdiction
{
    /// <summary>全国 (促进科技成果转化法, 科学技术进步法)</summary>
    National = 0,
    /// <summary>上海 (上海市促进科技成果转化条例, 上海市科学技术进步条例)</summary>
    Shanghai = 1,
}

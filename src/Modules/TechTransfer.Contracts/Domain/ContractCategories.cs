namespace TechTransfer.Contracts.Domain;

/// <summary>Which sub-types belong to which category, and the legacy (2001 rules) mapping (spec §1).</summary>
public static class ContractCategories
{
    private static readonly Dictionary<ContractCategory, ContractSubType[]> SubTypes = new()
    {
        [ContractCategory.Development] = [ContractSubType.Commissioned, ContractSubType.Cooperative],
        [ContractCategory.Transfer] = [ContractSubType.PatentAssignment, ContractSubType.PatentApplicationRightAssignment,
            ContractSubType.TechnicalSecretTransfer, ContractSubType.OtherIpTransfer],
        [ContractCategory.Licensing] = [ContractSubType.PatentLicense, ContractSubType.TechnicalSecretLicense, ContractSubType.OtherIpLicense],
        [ContractCategory.Consulting] = [ContractSubType.None],
        [ContractCategory.Service] = [ContractSubType.GeneralService, ContractSubType.Training, ContractSubType.Intermediary],
    };

    /// <summary>Sub-types that exist under the legacy 2001 rules, where licensing was a sub-type of transfer.</summary>
    private static readonly ContractSubType[] LegacyTransferLicenceSubTypes =
        [ContractSubType.PatentLicense, ContractSubType.TechnicalSecretLicense, ContractSubType.OtherIpLicense];

    public static IReadOnlyList<ContractSubType> SubTypesOf(ContractCategory category) =>
        SubTypes.TryGetValue(category, out var s) ? s : [];

    /// <summary>True when <paramref name="subType"/> is a sub-type of <paramref name="category"/> (legacy: licences under Transfer too).</summary>
    public static bool IsValidPair(ContractCategory category, ContractSubType subType, bool legacyCategories) =>
        SubTypesOf(category).Contains(subType)
        || (legacyCategories && category == ContractCategory.Transfer && LegacyTransferLicenceSubTypes.Contains(subType));

    /// <summary>
    /// The category a record counts as in today's five-class statistics: a legacy Transfer/PatentLicense record is Licensing.
    /// </summary>
    public static ContractCategory StatisticalCategory(ContractCategory category, ContractSubType subType) =>
        category == ContractCategory.Transfer && LegacyTransferLicenceSubTypes.Contains(subType)
            ? ContractCategory.Licensing
            : category;

    /// <summary>Whether the contract licenses a right (Licensing, or legacy Transfer with a licence sub-type).</summary>
    public static bool IsLicence(ContractCategory category, ContractSubType subType) =>
        StatisticalCategory(category, subType) == ContractCategory.Licensing;

    public static (string Zh, string En) Label(ContractCategory c) => c switch
    {
        ContractCategory.Development => ("技术开发", "Technology development"),
        ContractCategory.Transfer => ("技术转让", "Technology transfer"),
        ContractCategory.Licensing => ("技术许可", "Technology licensing"),
        ContractCategory.Consulting => ("技术咨询", "Technology consulting"),
        ContractCategory.Service => ("技术服务", "Technology service"),
        _ => (c.ToString(), c.ToString()),
    };

    public static (string Zh, string En) Label(ContractSubType s) => s switch
    {
        ContractSubType.None => ("—", "—"),
        ContractSubType.Commissioned => ("委托开发", "Commissioned development"),
        ContractSubType.Cooperative => ("合作开发", "Cooperative development"),
        ContractSubType.PatentAssignment => ("专利权转让", "Patent assignment"),
        ContractSubType.PatentApplicationRightAssignment => ("专利申请权转让", "Patent application right assignment"),
        ContractSubType.TechnicalSecretTransfer => ("技术秘密转让", "Technical secret transfer"),
        ContractSubType.OtherIpTransfer => ("其他知识产权转让", "Other IP transfer"),
        ContractSubType.PatentLicense => ("专利实施许可", "Patent licence"),
        ContractSubType.TechnicalSecretLicense => ("技术秘密使用许可", "Technical secret licence"),
        ContractSubType.OtherIpLicense => ("其他知识产权许可", "Other IP licence"),
        ContractSubType.GeneralService => ("技术服务", "Technical service"),
        ContractSubType.Training => ("技术培训", "Technical training"),
        ContractSubType.Intermediary => ("技术中介", "Technology intermediary"),
        _ => (s.ToString(), s.ToString()),
    };
}

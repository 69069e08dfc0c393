using TechTransfer.Contracts.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Pages;

/// <summary>Labels shared by the contract pages (Chinese first, English complete).</summary>
internal static class ContractUi
{
    public static string L((string Zh, string En) l) => Bilingual.CurrentIsEnglish ? l.En : l.Zh;
    public static string Status(RegistrationStatus s) => L(ContractErrors.StatusLabel(s));
    public static string Category(ContractCategory c) => L(ContractCategories.Label(c));
    public static string SubType(ContractSubType s) => L(ContractCategories.Label(s));
    public static string Money(decimal? v) => v is { } x ? Yuan.Display(x, Bilingual.CurrentIsEnglish) : "—";
    public static string Message(Error e) => Bilingual.T(e.Zh, e.En);

    public static string Rejection(RejectionReason r) => L(r switch
    {
        RejectionReason.InvalidOrNotEffective => ("合同无效或尚未生效", "Invalid or not in effect"),
        RejectionReason.NotTechnologyContract => ("不属于技术合同", "Not a technology contract"),
        RejectionReason.PartiesUnclear => ("当事人不明确", "Parties unclear"),
        RejectionReason.SubjectUnclear => ("标的不明确", "Subject unclear"),
        RejectionReason.PriceOrRoyaltyUnclear => ("价款、报酬或使用费不明确", "Price or royalty unclear"),
        RejectionReason.ApprovalMissing => ("缺少审批文件", "Approval missing"),
        RejectionReason.NameMismatchNotCorrected => ("名称与内容不符且未更正", "Name does not match content, not corrected"),
        RejectionReason.MonopolisticOrInfringingClause => ("含有垄断技术或侵害他人权益条款", "Monopolistic or infringing clause"),
        RejectionReason.SupportingDocsMissing => ("证明文件不全", "Supporting documents missing"),
        RejectionReason.SealMismatch => ("印章与当事人名称不符", "Seal does not match the party"),
        _ => ("其他", "Other"),
    });

    public static string Revocation(RevocationReason r) => L(r switch
    {
        RevocationReason.FalseContractOrFraud => ("虚假合同或骗取登记", "False contract or fraud"),
        RevocationReason.ContractInvalidatedNoCancellation => ("合同被确认无效而未注销", "Invalidated, not cancelled"),
        RevocationReason.DuplicateRegistration => ("重复登记", "Duplicate registration"),
        _ => ("其他", "Other"),
    });

    public static string Scope(LicenseScope s) => L(s switch
    {
        LicenseScope.Exclusive => ("独占许可", "Exclusive licence"),
        LicenseScope.Sole => ("排他许可", "Sole licence"),
        _ => ("普通许可", "Non-exclusive licence"),
    });

    public static string CheckClass(CheckOutcome o) => o switch { CheckOutcome.Pass => "tag", CheckOutcome.Warning => "tag warn", _ => "tag fail" };
    public static string CheckMark(CheckOutcome o) => o switch { CheckOutcome.Pass => "✓", CheckOutcome.Warning => "!", _ => "✗" };
}

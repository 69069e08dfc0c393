using System.Globalization;
using System.Resources;
using TechTransfer.Contracts.Domain;
using TechTransfer.Platform.UI;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Regions;

namespace TechTransfer.Contracts.Pages;

/// <summary>Labels shared by the contract pages (Chinese first, English complete).</summary>
internal static class ContractUi
{
    private static readonly ResourceManager Strings = new("TechTransfer.Contracts.Resources.ContractsText", typeof(ContractsText).Assembly);

    /// <summary>The module's enum labels (ContractsText.resx, keys <c>Enum.&lt;Type&gt;.&lt;Member&gt;</c>).</summary>
    public static readonly EnumText Enums = new(Strings);

    public static string L((string Zh, string En) l) => Bilingual.CurrentIsEnglish ? l.En : l.Zh;
    public static string Of(Enum value) => Enums.Of(value);

    /// <summary>A text of the module's resx in the current language.</summary>
    public static string R(string key) => Strings.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>A status-history action (<c>submit</c>, <c>request_supplement</c> …) by its label.</summary>
    public static string HistoryAction(string action) => Strings.GetString("History." + action, CultureInfo.CurrentUICulture) ?? action;

    /// <summary>A history note; an objection's outcome, stored by name before the note, is shown by its label.</summary>
    public static string HistoryNote(string action, string? note)
    {
        if (note is null || action != "resolve_objection") return note ?? "";
        var colon = note.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && Enum.TryParse<ObjectionOutcome>(note[..colon], out var outcome) && !int.TryParse(note[..colon], out _)
            ? Of(outcome) + note[colon..] : note;
    }

    /// <summary>A rule set by its name (<c>National-2026</c> → 全国规则（2026 年起）).</summary>
    public static string RuleSet(string? id) => id is null ? "—" : Strings.GetString("RuleSet." + id, CultureInfo.CurrentUICulture) ?? id;

    /// <summary>A party's entity nature (GB/T 2260-style code 170 → 私营企业) by its label.</summary>
    public static string Nature(string code) => EntityNatures.Find(code) is { } n ? Bilingual.T(n.Zh, n.En) : code;

    /// <summary>Where a party is: the county's full name in China (上海市 浦东新区), else the country.</summary>
    public static string Place(string? countryCode, string? divisionCode) =>
        Divisions.IsKnown(divisionCode) ? Divisions.FullName(divisionCode, Bilingual.CurrentIsEnglish) : Countries.Name(countryCode, Bilingual.CurrentIsEnglish);
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

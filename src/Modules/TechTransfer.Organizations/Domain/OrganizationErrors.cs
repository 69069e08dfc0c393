using TechTransfer.SharedKernel;

namespace TechTransfer.Organizations.Domain;

public static class OrganizationErrors
{
    public static readonly Error NotFound = Error.NotFound("organization", "机构");

    public static Error DuplicateCreditCode(string code) => new(
        "organization.duplicate_credit_code",
        $"统一社会信用代码 {code} 已被其他机构使用",
        $"The unified social credit code {code} is already registered for another organisation.",
        Field: "creditCode", Status: 409);

    public static readonly Error VersionMismatch = new(
        "organization.version_mismatch",
        "该机构已被他人修改，请刷新后重试",
        "The organisation was changed by someone else; reload it and try again.",
        Field: "version", Status: 409);

    public static FieldError CreditCodeProblem(UnifiedSocialCreditCode.Problem problem) => problem switch
    {
        UnifiedSocialCreditCode.Problem.Empty => new("creditCode", "organization.credit_code_required",
            "中国境内机构须填写统一社会信用代码", "Organisations in China need a unified social credit code."),
        UnifiedSocialCreditCode.Problem.WrongLength => new("creditCode", "organization.credit_code_length",
            "统一社会信用代码须为 18 位", "A unified social credit code has 18 characters."),
        UnifiedSocialCreditCode.Problem.InvalidCharacter => new("creditCode", "organization.credit_code_character",
            "统一社会信用代码只能包含数字和除 I、O、S、V、Z 以外的大写字母", "A unified social credit code uses digits and capital letters except I, O, S, V and Z."),
        _ => new("creditCode", "organization.credit_code_checksum",
            "统一社会信用代码校验位错误（GB 32100-2015），请核对", "The check character of the unified social credit code is wrong (GB 32100-2015); please check the code."),
    };
}

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

    public static readonly Error VersionRequired = Error.Validation("version", "organization.version_required",
        "修改时须提供版本号 version", "Send the version you are changing.");

    /// <summary>Whose rules apply is set by a platform administrator only (R0.2).</summary>
    public static readonly Error JurisdictionAdminOnly = new(
        "organization.jurisdiction_admin_only", "只有平台管理员可以设置机构适用的法规（全国或上海）",
        "Only a platform administrator may set whose rules apply to an organisation (national or Shanghai).",
        Field: "jurisdiction", Status: 403) { Rule = "R0.2" };

    public static FieldError Required(string field, string zh, string en) =>
        new(field, "validation.not_empty", $"“{zh}”不能为空", $"'{en}' must not be empty.");

    public static FieldError TooLong(string field, string zh, string en, int max) =>
        new(field, "validation.maximum_length", $"“{zh}”不得超过 {max} 个字符", $"'{en}' must be {max} characters or fewer.");

    public static FieldError NullItem(string field) =>
        new(field, "validation.not_null", "列表中不能有空项", "A list may not contain an empty (null) item.");

    public static readonly FieldError KindInvalid = new("kind", "validation.enum", "机构类型无效", "The organisation kind is not valid.");

    public static readonly FieldError JurisdictionInvalid = new("jurisdiction", "validation.enum", "适用法规无效", "The jurisdiction is not valid.");

    public static FieldError UnknownEntityNature(string code) => new("entityNatureCode", "organization.unknown_entity_nature",
        $"单位性质代码 {code} 不在代码表中", $"Entity nature code {code} is not in the code list.");

    public static readonly FieldError CountryCodeUnknown = new("countryCode", "organization.country_code_format",
        "国家或地区代码须为 ISO 3166-1 字母代码（如 CHN、CN）或海关国别（地区）数字代码（如 142）",
        "The country code is an ISO 3166-1 letter code (e.g. CHN or CN) or a customs numeric country code (e.g. 142).");

    public static readonly FieldError DivisionRequired = new("divisionCode", "organization.division_required",
        "中国境内机构须选择行政区划", "Organisations in China need an administrative division.");

    public static FieldError UnknownDivision(string code) => new("divisionCode", "organization.unknown_division",
        $"行政区划代码 {code} 无效（GB/T 2260）", $"Division code {code} is not valid (GB/T 2260).");

    public static readonly FieldError WebsiteFormat = new("website", "organization.website_format",
        "网址须以 http:// 或 https:// 开头", "The website must start with http:// or https://.");

    public static readonly FieldError TooManyContacts = new("contacts", "organization.too_many_contacts", "联系人最多 20 位", "At most 20 contacts.");

    public static FieldError ContactEmail(int i) => new($"contacts[{i}].email", "validation.email",
        "联系人邮箱格式不正确", "The contact's email address is not valid.");

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

    // ---- import (the file, then one cell of a row) ----
    public static readonly Error ImportUnsupportedFile = Error.Validation("file", "import.unsupported_file",
        "只支持 .xlsx 或 .csv 文件", "Only .xlsx and .csv files can be imported.");

    public static readonly Error ImportUnreadableFile = Error.Validation("file", "import.unreadable_file",
        "无法读取文件，请检查格式", "The file could not be read; check its format.");

    public static FieldError ImportDuplicateInFile(string code) => new("creditCode", "import.duplicate_in_file",
        $"统一社会信用代码 {code} 在文件中重复", $"The credit code {code} appears more than once in the file.");

    public static FieldError ImportUnknownKind(string text) => new("kind", "import.unknown_kind",
        $"机构类型“{text}”无法识别", $"The organisation kind '{text}' is not recognised.");

    public static FieldError ImportUnknownJurisdiction(string text) => new("jurisdiction", "import.unknown_jurisdiction",
        $"适用法规“{text}”无法识别（上海或全国）", $"The jurisdiction '{text}' is not recognised (Shanghai or National).");
}

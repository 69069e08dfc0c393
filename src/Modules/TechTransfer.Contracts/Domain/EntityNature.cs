namespace TechTransfer.Contracts.Domain;

/// <summary>One code of the 买/卖方性质 list (spec §1 EntityNature).</summary>
public sealed record EntityNatureCode(string Code, string? ParentCode, string Zh, string En)
{
    /// <summary>The top-level group (010, 020, 030, 100, 200, 300, 400) this code belongs to.</summary>
    public string GroupCode => ParentCode ?? Code;
}

/// <summary>买/卖方性质 code list (spec §1). Group codes and their detail codes are both valid.</summary>
public static class EntityNatures
{
    public const string GovernmentOrgan = "010";
    public const string PublicInstitution = "020";
    public const string ResearchInstitute = "021";
    public const string University = "022";
    public const string Medical = "023";
    public const string OtherPublicInstitution = "024";
    public const string SocialOrganisation = "030";
    public const string DomesticEnterprise = "100";
    public const string StateOwned = "110";
    public const string PrivateEnterprise = "170";
    public const string HongKongMacaoTaiwan = "200";
    public const string ForeignInvested = "300";
    public const string NaturalPerson = "400";

    public static readonly IReadOnlyList<EntityNatureCode> All =
    [
        new("010", null, "机关法人", "Government organ"),
        new("011", "010", "机关法人（中央）", "Government organ (central)"),
        new("012", "010", "机关法人（省级）", "Government organ (provincial)"),
        new("013", "010", "机关法人（地市级）", "Government organ (prefecture)"),
        new("014", "010", "机关法人（区县及以下）", "Government organ (county and below)"),
        new("020", null, "事业法人", "Public institution"),
        new("021", "020", "科研机构", "Research institute"),
        new("022", "020", "高等院校", "University"),
        new("023", "020", "医疗卫生机构", "Medical and health institution"),
        new("024", "020", "其它事业法人", "Other public institution"),
        new("030", null, "社团法人", "Social organisation"),
        new("100", null, "内资企业", "Domestic enterprise"),
        new("110", "100", "国有企业", "State-owned enterprise"),
        new("120", "100", "集体企业", "Collective enterprise"),
        new("130", "100", "股份合作企业", "Joint-stock cooperative"),
        new("140", "100", "联营企业", "Joint-operation enterprise"),
        new("150", "100", "有限责任公司", "Limited liability company"),
        new("160", "100", "股份有限公司", "Company limited by shares"),
        new("170", "100", "私营企业", "Private enterprise"),
        new("180", "100", "其他内资企业", "Other domestic enterprise"),
        new("200", null, "港澳台商投资企业", "Hong Kong/Macao/Taiwan-invested enterprise"),
        new("210", "200", "合资经营企业（港澳台资）", "Equity joint venture (HK/Macao/TW)"),
        new("220", "200", "合作经营企业（港澳台资）", "Contractual joint venture (HK/Macao/TW)"),
        new("230", "200", "港澳台商独资经营企业", "Wholly HK/Macao/TW-owned enterprise"),
        new("240", "200", "港澳台商投资股份有限公司", "HK/Macao/TW-invested company limited by shares"),
        new("300", null, "外商投资企业", "Foreign-invested enterprise"),
        new("310", "300", "中外合资经营企业", "Sino-foreign equity joint venture"),
        new("320", "300", "中外合作经营企业", "Sino-foreign contractual joint venture"),
        new("340", "300", "外资企业", "Wholly foreign-owned enterprise"),
        new("400", null, "个人", "Natural person"),
    ];

    private static readonly Dictionary<string, EntityNatureCode> ByCode = All.ToDictionary(e => e.Code, StringComparer.Ordinal);

    public static EntityNatureCode? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var e) ? e : null;

    public static bool IsValid(string? code) => Find(code) is not null;

    public static bool IsNaturalPerson(string code) => code == NaturalPerson;

    /// <summary>The group code of a code (e.g. 022 → 020); the code itself if unknown.</summary>
    public static string Group(string code) => Find(code)?.GroupCode ?? code;
}

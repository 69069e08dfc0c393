namespace TechTransfer.Organizations.Domain;

/// <summary>买/卖方性质 — entity nature codes of technology-contract statistics (spec §1 EntityNature).</summary>
public static class EntityNature
{
    public sealed record Code(string Value, string Zh, string En, string? Parent);

    public static readonly IReadOnlyList<Code> All =
    [
        new("010", "机关法人", "Government body", null),
        new("011", "国家机关", "State organ", "010"),
        new("012", "党政机关", "Party and government organ", "010"),
        new("013", "军队机关", "Military organ", "010"),
        new("014", "其他机关", "Other government body", "010"),
        new("020", "事业法人", "Public institution", null),
        new("021", "科研机构", "Research institute", "020"),
        new("022", "高等院校", "University", "020"),
        new("023", "医疗卫生", "Hospital or health institution", "020"),
        new("024", "其它事业法人", "Other public institution", "020"),
        new("030", "社团法人", "Social organisation", null),
        new("100", "内资企业", "Domestic enterprise", null),
        new("110", "国有企业", "State-owned enterprise", "100"),
        new("120", "集体企业", "Collective enterprise", "100"),
        new("130", "股份合作企业", "Joint-stock cooperative", "100"),
        new("140", "联营企业", "Associated enterprise", "100"),
        new("150", "有限责任公司", "Limited liability company", "100"),
        new("160", "股份有限公司", "Company limited by shares", "100"),
        new("170", "私营企业", "Private enterprise", "100"),
        new("180", "其他企业", "Other enterprise", "100"),
        new("200", "港澳台商投资企业", "Hong Kong, Macao or Taiwan invested enterprise", null),
        new("210", "合资经营企业（港澳台资）", "Equity joint venture (HK/MO/TW)", "200"),
        new("220", "合作经营企业（港澳台资）", "Contractual joint venture (HK/MO/TW)", "200"),
        new("230", "港澳台商独资企业", "Wholly HK/MO/TW-owned enterprise", "200"),
        new("240", "港澳台商投资股份有限公司", "HK/MO/TW-invested company limited by shares", "200"),
        new("300", "外商投资企业", "Foreign-invested enterprise", null),
        new("310", "中外合资经营企业", "Sino-foreign equity joint venture", "300"),
        new("320", "中外合作经营企业", "Sino-foreign contractual joint venture", "300"),
        new("340", "外商投资股份有限公司", "Foreign-invested company limited by shares", "300"),
        new("400", "个人", "Natural person", null),
    ];

    private static readonly Dictionary<string, Code> ByValue = All.ToDictionary(c => c.Value);

    public static bool IsKnown(string? value) => value is not null && ByValue.ContainsKey(value);

    public static Code? Find(string? value) => value is not null && ByValue.TryGetValue(value, out var c) ? c : null;

    /// <summary>科研事业单位: research institutes, universities and health institutions (spec §9 KPI).</summary>
    public static bool IsPublicResearchInstitution(string? value) => value is "021" or "022" or "023";
}

namespace TechTransfer.SharedKernel.Fields;

/// <summary>One technical field of the taxonomy: a stable code (what is stored and indexed) and its label in each language.</summary>
public sealed record TechnicalField(string Code, string Zh, string En, IReadOnlyList<string> Aliases)
{
    public string Label(bool english) => english ? En : Zh;
}

/// <summary>
/// The one technical-field taxonomy (技术领域) of every module — achievements, demands, challenges and contracts store the
/// code; pages show the label in the page's language; search indexes both labels, so either finds the record. The fields
/// follow the technology-contract statistics classification (技术合同登记统计的技术领域) with Shanghai's leading industries
/// (人工智能, 集成电路) and scientific instruments as fields of their own. Aliases are the earlier free-text values and the
/// disciplines records were filed under (计算机科学与技术, 临床医学 …): <see cref="Normalize"/> maps them to their field (the
/// migration that introduced the taxonomy did the same to the stored values).
/// </summary>
public static class TechnicalFields
{
    public static readonly IReadOnlyList<TechnicalField> All =
    [
        new("electronic_information", "电子信息", "Electronic information", ["计算机科学与技术", "电子科学与技术", "信息与通信工程", "软件", "通信", "量子科技", "量子信息", "Computer science", "Information technology"]),
        new("artificial_intelligence", "人工智能", "Artificial intelligence", ["AI", "机器学习", "Machine learning"]),
        new("integrated_circuits", "集成电路", "Integrated circuits", ["半导体", "芯片", "Semiconductors"]),
        new("advanced_manufacturing", "先进制造", "Advanced manufacturing", ["高端装备", "智能制造", "机械工程", "Mechanical engineering"]),
        new("aerospace", "航空航天", "Aerospace", ["航空宇航科学与技术"]),
        new("modern_transport", "现代交通", "Modern transport", ["交通运输工程"]),
        new("marine_engineering", "海洋工程", "Marine engineering", ["船舶与海洋工程", "Naval architecture and ocean engineering"]),
        new("agriculture", "农业", "Agriculture", ["现代农业", "农学"]),
        new("new_materials", "新材料及其应用", "New materials and their applications", ["新材料", "材料科学", "材料科学与工程", "化学", "化学工程", "Materials science", "Chemistry"]),
        new("new_energy", "新能源与高效节能", "New energy and energy efficiency", ["新能源", "新能源汽车", "新能源材料", "能源动力", "New energy"]),
        new("environment", "环境保护与资源综合利用", "Environmental protection and resource recycling", ["节能环保", "环境科学与工程", "Environmental engineering"]),
        new("biomedicine", "生物、医药和医疗器械", "Biology, medicine and medical devices", ["生物医药", "生物学", "临床医学", "中医学", "药学", "生物医学工程", "医疗器械", "Biomedical engineering", "Medicine", "Biomedicine"]),
        new("scientific_instruments", "科学仪器", "Scientific instruments", ["仪器仪表", "物理学", "Instrumentation", "Physics"]),
        new("urban_development", "城市建设与社会发展", "Urban construction and social development", ["土木工程", "城市建设", "Civil engineering"]),
        new("nuclear", "核应用", "Nuclear applications", ["核技术", "核科学与技术"]),
    ];

    private static readonly Dictionary<string, TechnicalField> ByCode = All.ToDictionary(f => f.Code, StringComparer.Ordinal);

    private static readonly Dictionary<string, TechnicalField> ByText = BuildTextIndex();

    private static Dictionary<string, TechnicalField> BuildTextIndex()
    {
        var map = new Dictionary<string, TechnicalField>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in All)
            foreach (var text in new[] { f.Code, f.Zh, f.En }.Concat(f.Aliases))
                map.TryAdd(text, f);
        return map;
    }

    public static bool IsCode(string? code) => code is not null && ByCode.ContainsKey(code);

    public static TechnicalField? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var f) ? f : null;

    /// <summary>The field a text names — its code, either label or an alias, any case — or null.</summary>
    public static TechnicalField? Match(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : ByText.GetValueOrDefault(text.Trim());

    /// <summary>The value to store: the code of the field the text names, else the trimmed text (a field outside the taxonomy).</summary>
    public static string Normalize(string? text) => Match(text)?.Code ?? text?.Trim() ?? "";

    /// <summary>The stored value as a reader sees it: the field's label in the language asked for, else the value as stored.</summary>
    public static string Label(string? value, bool english) => Find(value)?.Label(english) ?? value ?? "";

    /// <summary>The label in the current UI language.</summary>
    public static string Label(string? value) => Label(value, Bilingual.CurrentIsEnglish);

    /// <summary>Every term a search should find the field by: the code and both labels (empty for a value outside the taxonomy).</summary>
    public static IReadOnlyList<string> SearchTerms(string? value) =>
        Find(value) is { } f ? [f.Zh, f.En] : [];
}

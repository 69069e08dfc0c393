namespace TechTransfer.Organizations.Domain;

/// <summary>
/// 行政区划代码 (GB/T 2260): the province-level divisions, Shanghai's 16 districts and the main cities of the
/// Yangtze River Delta (长三角). Six digits.
/// </summary>
public static class AdministrativeDivision
{
    public sealed record Division(string Code, string Zh, string En, string? Parent);

    public const string Shanghai = "310000";
    public static readonly IReadOnlySet<string> YangtzeRiverDeltaProvinces = new HashSet<string> { "310000", "320000", "330000", "340000" };

    public static readonly IReadOnlyList<Division> All =
    [
        new("110000", "北京市", "Beijing", null), new("120000", "天津市", "Tianjin", null),
        new("130000", "河北省", "Hebei", null), new("140000", "山西省", "Shanxi", null),
        new("150000", "内蒙古自治区", "Inner Mongolia", null), new("210000", "辽宁省", "Liaoning", null),
        new("220000", "吉林省", "Jilin", null), new("230000", "黑龙江省", "Heilongjiang", null),
        new("310000", "上海市", "Shanghai", null),
        new("310101", "黄浦区", "Huangpu District", "310000"), new("310104", "徐汇区", "Xuhui District", "310000"),
        new("310105", "长宁区", "Changning District", "310000"), new("310106", "静安区", "Jing'an District", "310000"),
        new("310107", "普陀区", "Putuo District", "310000"), new("310109", "虹口区", "Hongkou District", "310000"),
        new("310110", "杨浦区", "Yangpu District", "310000"), new("310112", "闵行区", "Minhang District", "310000"),
        new("310113", "宝山区", "Baoshan District", "310000"), new("310114", "嘉定区", "Jiading District", "310000"),
        new("310115", "浦东新区", "Pudong New Area", "310000"), new("310116", "金山区", "Jinshan District", "310000"),
        new("310117", "松江区", "Songjiang District", "310000"), new("310118", "青浦区", "Qingpu District", "310000"),
        new("310120", "奉贤区", "Fengxian District", "310000"), new("310151", "崇明区", "Chongming District", "310000"),
        new("320000", "江苏省", "Jiangsu", null),
        new("320100", "南京市", "Nanjing", "320000"), new("320200", "无锡市", "Wuxi", "320000"),
        new("320400", "常州市", "Changzhou", "320000"), new("320500", "苏州市", "Suzhou", "320000"),
        new("320600", "南通市", "Nantong", "320000"),
        new("330000", "浙江省", "Zhejiang", null),
        new("330100", "杭州市", "Hangzhou", "330000"), new("330200", "宁波市", "Ningbo", "330000"),
        new("330400", "嘉兴市", "Jiaxing", "330000"), new("330500", "湖州市", "Huzhou", "330000"),
        new("340000", "安徽省", "Anhui", null),
        new("340100", "合肥市", "Hefei", "340000"), new("340200", "芜湖市", "Wuhu", "340000"),
        new("350000", "福建省", "Fujian", null), new("360000", "江西省", "Jiangxi", null),
        new("370000", "山东省", "Shandong", null), new("410000", "河南省", "Henan", null),
        new("420000", "湖北省", "Hubei", null), new("430000", "湖南省", "Hunan", null),
        new("440000", "广东省", "Guangdong", null), new("450000", "广西壮族自治区", "Guangxi", null),
        new("460000", "海南省", "Hainan", null), new("500000", "重庆市", "Chongqing", null),
        new("510000", "四川省", "Sichuan", null), new("520000", "贵州省", "Guizhou", null),
        new("530000", "云南省", "Yunnan", null), new("540000", "西藏自治区", "Tibet", null),
        new("610000", "陕西省", "Shaanxi", null), new("620000", "甘肃省", "Gansu", null),
        new("630000", "青海省", "Qinghai", null), new("640000", "宁夏回族自治区", "Ningxia", null),
        new("650000", "新疆维吾尔自治区", "Xinjiang", null), new("710000", "台湾省", "Taiwan", null),
        new("810000", "香港特别行政区", "Hong Kong SAR", null), new("820000", "澳门特别行政区", "Macao SAR", null),
    ];

    private static readonly Dictionary<string, Division> ByCode = All.ToDictionary(d => d.Code);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static Division? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var d) ? d : null;

    /// <summary>The province-level code of a division (e.g. 310104 → 310000).</summary>
    public static string? ProvinceOf(string? code) => code is { Length: 6 } ? code[..2] + "0000" : null;

    public static bool IsInShanghai(string? code) => ProvinceOf(code) == Shanghai;
}

namespace TechTransfer.Contracts.Domain;

/// <summary>合同当事方: a seller-side or buyer-side party with its identifying codes (spec §2.1).</summary>
public sealed class ContractParty
{
    private ContractParty() { }

    public Guid Id { get; private set; }
    public PartyRole Role { get; private set; }
    public int Order { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>统一社会信用代码 (or identity document number for a natural person).</summary>
    public string? CreditCode { get; private set; }
    /// <summary>买/卖方性质 code (§1).</summary>
    public string EntityNature { get; private set; } = "";
    /// <summary>ISO 3166 alpha-3 country code (CHN for domestic parties).</summary>
    public string CountryCode { get; private set; } = "CHN";
    /// <summary>6-digit administrative division code (GB/T 2260); required for domestic parties.</summary>
    public string? DivisionCode { get; private set; }
    /// <summary>The platform organisation acting for this party, if it has an account.</summary>
    public Guid? OrganizationId { get; private set; }

    public bool IsDomestic => CountryCode == PartyCountries.China;

    internal static ContractParty From(PartyInput input, int order) => new()
    {
        Id = Guid.NewGuid(),
        Role = input.Role,
        Order = order,
        Name = input.Name.Trim(),
        CreditCode = string.IsNullOrWhiteSpace(input.CreditCode) ? null : input.CreditCode.Trim().ToUpperInvariant(),
        EntityNature = input.EntityNature,
        CountryCode = PartyCountries.Normalize(input.CountryCode) ?? (input.CountryCode ?? PartyCountries.China).Trim().ToUpperInvariant(),
        DivisionCode = string.IsNullOrWhiteSpace(input.DivisionCode) ? null : input.DivisionCode.Trim(),
        OrganizationId = input.OrganizationId,
    };

    public PartyInput ToInput() => new(Role, Name, CreditCode, EntityNature, CountryCode, DivisionCode, OrganizationId);
}

/// <summary>Input for one party.</summary>
public sealed record PartyInput(
    PartyRole Role, string Name, string? CreditCode, string EntityNature,
    string? CountryCode = "CHN", string? DivisionCode = null, Guid? OrganizationId = null);

/// <summary>Country codes of parties: the shared table (ISO 3166 letters, or the registration form's numeric codes such as 142).</summary>
public static class PartyCountries
{
    public const string China = "CHN";

    /// <summary>The ISO alpha-3 code a party's country is stored as, or null when the code is not a known country.</summary>
    public static string? Normalize(string? code) => TechTransfer.SharedKernel.Regions.Countries.Normalize((code ?? China).Trim());
}

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters with a mod-31 check character.</summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(code[i]);
            if (v < 0) return false;
            sum += v * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        return code[17] == Alphabet[check];
    }

    /// <summary>Appends the check character to 17 characters (used by test and demo data).</summary>
    public static string WithCheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return first17 + Alphabet[(31 - sum % 31) % 31];
    }
}

/// <summary>行政区划代码 (GB/T 2260): 6 digits; the first two are the province.</summary>
public static class DivisionCodes
{
    public const string ShanghaiProvince = "31";
    public const string JiangsuProvince = "32";
    public const string ZhejiangProvince = "33";
    public const string AnhuiProvince = "34";

    /// <summary>A division of the shared GB/T 2260 table (province, prefecture or county level).</summary>
    public static bool IsValid(string? code) => TechTransfer.SharedKernel.Regions.Divisions.IsKnown(code);

    public static string Province(string code) => code[..2];

    public static (string Zh, string En) ProvinceLabel(string province) => province switch
    {
        "11" => ("北京", "Beijing"), "12" => ("天津", "Tianjin"), "13" => ("河北", "Hebei"), "14" => ("山西", "Shanxi"),
        "15" => ("内蒙古", "Inner Mongolia"), "21" => ("辽宁", "Liaoning"), "22" => ("吉林", "Jilin"), "23" => ("黑龙江", "Heilongjiang"),
        "31" => ("上海", "Shanghai"), "32" => ("江苏", "Jiangsu"), "33" => ("浙江", "Zhejiang"), "34" => ("安徽", "Anhui"),
        "35" => ("福建", "Fujian"), "36" => ("江西", "Jiangxi"), "37" => ("山东", "Shandong"), "41" => ("河南", "Henan"),
        "42" => ("湖北", "Hubei"), "43" => ("湖南", "Hunan"), "44" => ("广东", "Guangdong"), "45" => ("广西", "Guangxi"),
        "46" => ("海南", "Hainan"), "50" => ("重庆", "Chongqing"), "51" => ("四川", "Sichuan"), "52" => ("贵州", "Guizhou"),
        "53" => ("云南", "Yunnan"), "54" => ("西藏", "Tibet"), "61" => ("陕西", "Shaanxi"), "62" => ("甘肃", "Gansu"),
        "63" => ("青海", "Qinghai"), "64" => ("宁夏", "Ningxia"), "65" => ("新疆", "Xinjiang"),
        "71" => ("台湾", "Taiwan"), "81" => ("香港", "Hong Kong"), "82" => ("澳门", "Macao"),
        "XX" => ("境外", "Abroad"),
        _ => (province, province),
    };
}

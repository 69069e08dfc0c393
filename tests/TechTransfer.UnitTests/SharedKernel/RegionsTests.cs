using TechTransfer.SharedKernel.Regions;

namespace TechTransfer.UnitTests.SharedKernel;

/// <summary>The product's region tables: GB/T 2260 divisions of all China and countries with customs numeric codes.</summary>
public sealed class RegionsTests
{
    [Fact]
    public void The_division_table_covers_every_province_level_division_of_China()
    {
        var provinces = Divisions.Provinces.Select(d => d.Code).ToList();
        Assert.Equal(34, provinces.Count);
        Assert.Contains("650000", provinces);
        Assert.Contains("810000", provinces);
        Assert.True(Divisions.All.Count > 3000, $"only {Divisions.All.Count} divisions");
    }

    [Theory]
    [InlineData("310115", "浦东新区", "Pudong New Area", "310000")]
    [InlineData("310112", "闵行区", "Minhang District", "310000")]
    [InlineData("320583", "昆山市", "Kunshan City", "320500")]
    [InlineData("532900", "大理白族自治州", "Dali Bai Autonomous Prefecture", "530000")]
    [InlineData("429004", "仙桃市", "Xiantao City", "429000")]
    [InlineData("653100", "喀什地区", "Kashgar Prefecture", "650000")]
    [InlineData("500229", "城口县", "Chengkou County", "500000")]
    public void Counties_and_prefectures_outside_shanghai_are_known_with_names_and_parents(string code, string zh, string en, string parent)
    {
        Assert.True(Divisions.TryGet(code, out var d));
        Assert.Equal(zh, d.NameZh);
        Assert.Equal(en, d.NameEn);
        Assert.Equal(parent, d.Parent);
        Assert.Equal(zh, Divisions.Name(code, english: false));
        Assert.Equal(en, Divisions.Name(code, english: true));
    }

    [Fact]
    public void Shanghai_has_sixteen_districts()
    {
        var districts = Divisions.All.Where(d => d.Parent == Divisions.Shanghai).ToList();
        Assert.Equal(16, districts.Count);
        Assert.Contains(districts, d => d.Code == "310115" && d.NameZh == "浦东新区");
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("310100")] // the statistics bureau's 市辖区 is not a GB/T 2260 division
    [InlineData("31011")]
    [InlineData("")]
    [InlineData(null)]
    public void Codes_not_in_GB_T_2260_are_unknown(string? code) => Assert.False(Divisions.IsKnown(code));

    [Fact]
    public void Every_parent_is_itself_a_division()
    {
        foreach (var d in Divisions.All.Where(d => d.Parent is not null))
            Assert.True(Divisions.IsKnown(d.Parent), $"{d.Code} has unknown parent {d.Parent}");
    }

    [Fact]
    public void Full_names_read_from_the_province_down_in_chinese_and_up_in_english()
    {
        Assert.Equal("江苏省 苏州市 昆山市", Divisions.FullName("320583", english: false));
        Assert.Equal("Kunshan City, Suzhou, Jiangsu", Divisions.FullName("320583", english: true));
    }

    [Theory]
    [InlineData("310104", "310000")]
    [InlineData("320500", "320000")]
    [InlineData("330000", "330000")]
    public void A_division_belongs_to_its_province(string code, string province) =>
        Assert.Equal(province, Divisions.ProvinceOf(code));

    [Theory]
    [InlineData("142", "CHN")]
    [InlineData("110", "HKG")]
    [InlineData("121", "MAC")]
    [InlineData("143", "TWN")]
    [InlineData("116", "JPN")]
    [InlineData("502", "USA")]
    [InlineData("CHN", "CHN")]
    [InlineData(" chn ", "CHN")]
    [InlineData("CN", "CHN")]
    [InlineData("de", "DEU")]
    [InlineData("GBR", "GBR")]
    public void Country_codes_normalise_to_ISO_alpha_3_from_letters_or_customs_numbers(string input, string alpha3) =>
        Assert.Equal(alpha3, Countries.Normalize(input));

    [Theory]
    [InlineData("156")] // ISO 3166 numeric for China: numbers are read as customs codes only
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_country_codes_do_not_normalise(string? input) => Assert.Null(Countries.Normalize(input));

    [Fact]
    public void Country_names_are_bilingual()
    {
        Assert.Equal("中国", Countries.Name("142", english: false));
        Assert.Equal("United States", Countries.Name("USA", english: true));
    }
}

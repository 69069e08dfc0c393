using TechTransfer.Data;
using TechTransfer.Organizations.Domain;
using TechTransfer.Platform;

namespace TechTransfer.Organizations.Features;

/// <summary>
/// The organisations of the demo dataset: real names of Shanghai universities, institutes and hospitals; plausible,
/// invented enterprises in Shanghai and the Yangtze River Delta; the platform's own operators. Credit codes are
/// generated (valid check characters, not the organisations' real codes).
/// </summary>
internal sealed class OrganizationDemoData(TechTransferDbContext db) : IDemoDataSeeder
{
    public int Order => 0;

    internal sealed record DemoOrg(string Key, string NameZh, string NameEn, OrganizationKind Kind, string Nature, string Division, string DescriptionZh, string DescriptionEn);

    internal static readonly IReadOnlyList<DemoOrg> All =
    [
        new("platform", "上海科技成果转化服务平台运营中心", "TechTransfer Platform Operations Centre", OrganizationKind.ServiceFirm, "024", "310104",
            "平台运营与系统管理。", "Runs the platform."),
        new("stcsm", "上海市科学技术委员会", "Science and Technology Commission of Shanghai Municipality", OrganizationKind.GovernmentAgency, "011", "310104",
            "负责全市科技成果转移转化工作的统筹与监测。", "Coordinates and monitors technology transfer in Shanghai."),
        new("exchange", "上海技术交易所", "Shanghai Technology Exchange", OrganizationKind.Exchange, "110", "310101",
            "提供确权、确价、竞价、结算、增信等技术交易服务。", "Rights confirmation, pricing, bidding, settlement and credit enhancement for technology deals."),
        new("registry", "上海市技术合同认定登记中心（示例）", "Shanghai Technology Contract Registration Centre (demo)", OrganizationKind.RegistrationOffice, "024", "310104",
            "技术合同认定登记。", "Certifies and registers technology contracts."),
        new("fudan", "复旦大学", "Fudan University", OrganizationKind.University, "022", "310110",
            "综合性研究型大学，技术转移中心负责科技成果披露、登记、许可与转让。", "A comprehensive research university; its technology transfer centre handles disclosure, registration, licensing and assignment."),
        new("sjtu", "上海交通大学", "Shanghai Jiao Tong University", OrganizationKind.University, "022", "310104",
            "以工科见长的研究型大学，先进产业技术研究院开展成果转化。", "A research university strong in engineering; its industrial technology institute converts results."),
        new("tongji", "同济大学", "Tongji University", OrganizationKind.University, "022", "310110",
            "土木、交通、汽车与环境领域的研究型大学。", "A research university in civil engineering, transport, automotive and environment."),
        new("ecust", "华东理工大学", "East China University of Science and Technology", OrganizationKind.University, "022", "310104",
            "化工、材料与生物工程领域的研究型大学。", "A research university in chemical engineering, materials and bioengineering."),
        new("sioc", "中国科学院上海有机化学研究所", "Shanghai Institute of Organic Chemistry, CAS", OrganizationKind.ResearchInstitute, "021", "310104",
            "有机化学、化学生物学与材料化学研究。", "Research in organic chemistry, chemical biology and materials chemistry."),
        new("simit", "中国科学院上海微系统与信息技术研究所", "Shanghai Institute of Microsystem and Information Technology, CAS", OrganizationKind.ResearchInstitute, "021", "310105",
            "微系统、传感器、超导与集成电路材料研究。", "Research in microsystems, sensors, superconductivity and IC materials."),
        new("ruijin", "上海交通大学医学院附属瑞金医院", "Ruijin Hospital, Shanghai Jiao Tong University School of Medicine", OrganizationKind.Hospital, "023", "310101",
            "临床医学研究与医疗器械成果转化。", "Clinical research and conversion of medical-device results."),
        new("zhongshan", "复旦大学附属中山医院", "Zhongshan Hospital, Fudan University", OrganizationKind.Hospital, "023", "310104",
            "心血管、肝癌等领域的临床研究。", "Clinical research in cardiology, liver cancer and other fields."),
        new("tti", "上海长三角技术转移服务有限公司（示例）", "Yangtze Delta Technology Transfer Services Co. (demo)", OrganizationKind.TransferInstitution, "150", "310115",
            "专业技术转移机构：概念验证、价值评估、供需对接与融资服务。", "A professional transfer institution: proof of concept, valuation, matching and financing."),
        new("zhixin", "上海智芯微电子科技有限公司（示例）", "Shanghai Zhixin Microelectronics Co. (demo)", OrganizationKind.Enterprise, "150", "310115",
            "集成电路设计企业，关注低功耗传感芯片与封装测试技术。", "An IC design firm interested in low-power sensor chips and packaging and test."),
        new("lvneng", "上海绿能电池材料有限公司（示例）", "Shanghai Lvneng Battery Materials Co. (demo)", OrganizationKind.Enterprise, "170", "310112",
            "锂电池正极材料与电池回收企业。", "Lithium-battery cathode materials and battery recycling."),
        new("jinggong", "苏州精工丝杠传动有限公司（示例）", "Suzhou Jinggong Ball Screw Drives Co. (demo)", OrganizationKind.Enterprise, "150", "320500",
            "滚珠丝杠与直线传动部件制造企业。", "Makes ball screws and linear-motion components."),
        new("yuntu", "杭州云图数据科技有限公司（示例）", "Hangzhou Yuntu Data Technology Co. (demo)", OrganizationKind.Enterprise, "160", "330100",
            "工业视觉检测与数据分析企业。", "Industrial machine-vision inspection and analytics."),
        new("hefei", "合肥量子视觉科技有限公司（示例）", "Hefei Quantum Vision Technology Co. (demo)", OrganizationKind.Enterprise, "150", "340100",
            "量子传感与精密测量仪器企业。", "Quantum sensing and precision measurement instruments."),
        new("boston", "Boston Lab Instruments Inc. (demo)", "Boston Lab Instruments Inc. (demo)", OrganizationKind.Enterprise, "300", "",
            "一家美国实验仪器企业（示例，境外机构）。", "A US laboratory-instrument company (demo, foreign organisation)."),
    ];

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        foreach (var d in All)
        {
            var foreign = d.Division.Length == 0;
            var creditCode = foreign ? null : DemoCreditCode(d);
            var org = Organization.Register(new OrganizationDetails(
                d.NameZh, d.NameEn, creditCode, d.Kind, d.Nature, foreign ? "USA" : "CHN", foreign ? null : d.Division,
                null, null, d.DescriptionZh, d.DescriptionEn,
                [new OrganizationContact(d.Kind is OrganizationKind.Enterprise ? "王经理" : "李老师", d.Kind is OrganizationKind.Enterprise ? "技术总监" : "技术转移中心",
                    $"021-6{context.Random.Next(1000000, 9999999)}", $"contact@{d.Key}.example.cn")]), context.Now);
            db.Add(org);
            context.Organizations[d.Key] = org.Id;
        }
        await db.SaveChangesAsync(ct);
    }

    private static string DemoCreditCode(DemoOrg d)
    {
        // 1/2 = 机构编制/事业单位; 9/1 = 工商/企业; 1/1 = 机关
        var (authority, type) = d.Nature switch
        {
            "011" => ('1', '1'),
            "021" or "022" or "023" or "024" => ('1', '2'),
            _ => ('9', '1'),
        };
        var body = new char[9];
        var hash = (uint)d.Key.Aggregate(17, (h, c) => unchecked(h * 31 + c));
        for (var i = 0; i < 8; i++) { body[i] = UnifiedSocialCreditCode.Alphabet[(int)(hash % 31)]; hash = hash / 31 + (uint)(i * 7919); }
        body[8] = 'X';
        return UnifiedSocialCreditCode.Compose(authority, type, d.Division, new string(body));
    }
}

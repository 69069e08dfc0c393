using TechTransfer.Data;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Features;

/// <summary>
/// Demo demands and challenges, written for this project (not taken from ../shared/data): Chinese demands of Shanghai and
/// Yangtze-Delta enterprises and English ones of a foreign firm, in every state, and three challenges at different
/// phases (open, judging, announced with an award linked to a contract). Dates are relative to the seed clock.
/// </summary>
internal sealed class DemandsDemoData(TechTransferDbContext db) : IDemoDataSeeder
{
    public int Order => 50;

    private sealed record DemoDemand(string Org, string Title, string Need, string Goal, string? Basis, string Field, string[] Ipc,
        string[] Keywords, decimal? Min, decimal? Max, int DeadlineDays, CooperationModes Modes, string Division,
        ContactVisibility Visibility, string Contact, string Target);

    private static readonly DemoDemand[] Demands =
    [
        new("zhixin", "低功耗 MEMS 惯性传感器读出电路 ASIC 设计",
            "现有六轴惯性传感器读出电路功耗约 1.2 mA，难以满足可穿戴设备全天候工作需求；需要低噪声、低功耗的电容式读出前端及 Σ-Δ 模数转换方案。",
            "读出电路工作电流降至 300 µA 以下，噪声密度不高于 100 µg/√Hz，兼容 55 nm 工艺，12 个月内完成流片验证。",
            "已有 MEMS 结构设计团队和 55 nm 工艺 PDK，具备封装测试产线。", "集成电路", ["H03M 3/00", "G01P 15/125", "B81B 7/02"],
            ["MEMS", "读出电路", "低功耗", "Σ-Δ"], 800_000m, 2_000_000m, 120,
            CooperationModes.JointDevelopment | CooperationModes.CommissionedDevelopment, "310115", ContactVisibility.AfterMatch, "赵总", "published"),
        new("zhixin", "晶圆级芯片尺寸封装（WLCSP）翘曲控制技术",
            "8 英寸晶圆在再布线层固化后翘曲超过 300 µm，导致后道划片良率下降；寻求应力仿真与工艺优化方案或成熟专利许可。",
            "翘曲控制在 100 µm 以内，良率提升 5 个百分点。", null, "集成电路", ["H01L 21/56", "H01L 23/31"],
            ["晶圆级封装", "翘曲", "再布线层"], null, null, 60, CooperationModes.Licence | CooperationModes.Consulting, "310115",
            ContactVisibility.Public, "赵总", "published"),
        new("lvneng", "退役磷酸铁锂电池正极材料直接再生工艺",
            "公司年回收退役磷酸铁锂电池约 2 万吨，现采用湿法冶金回收锂，流程长、废水多；希望获得固相直接修复再生正极材料的技术。",
            "再生材料首次放电比容量不低于 155 mAh/g，循环 2000 次容量保持率 ≥ 80%，吨处理成本较湿法降低 30%。",
            "拥有拆解破碎产线与中试车间，具备材料表征实验室。", "新能源材料", ["H01M 10/54", "H01M 4/58", "C01B 25/45"],
            ["磷酸铁锂", "电池回收", "直接再生", "正极材料"], 2_000_000m, 5_000_000m, 150,
            CooperationModes.Transfer | CooperationModes.Licence | CooperationModes.JointDevelopment, "310112", ContactVisibility.AfterMatch, "孙经理", "matched"),
        new("lvneng", "高镍三元正极材料单晶化烧结工艺优化",
            "高镍 NCM811 多晶颗粒在循环中易产生微裂纹，需开发单晶化烧结工艺，兼顾产能与能耗。",
            "单晶颗粒 D50 3–5 µm，45℃ 循环 1000 次容量保持率 ≥ 85%。", "已建成年产 5000 吨三元前驱体产线。", "新能源材料",
            ["H01M 4/525", "C01G 53/00"], ["高镍", "单晶", "烧结"], 1_000_000m, 3_000_000m, 90,
            CooperationModes.CommissionedDevelopment, "310112", ContactVisibility.Private, "孙经理", "under_review"),
        new("lvneng", "电池包热失控早期预警传感方案",
            "储能电池柜需要在热失控前 10 分钟以上给出预警，现有温度监测响应滞后。", "基于气体或压力传感的早期预警，误报率低于 1%。",
            null, "新能源材料", ["H01M 10/48", "G01N 33/00"], ["热失控", "预警", "储能"], 300_000m, 800_000m, 45,
            CooperationModes.JointDevelopment, "310112", ContactVisibility.Public, "孙经理", "draft"),
        new("jinggong", "滚珠丝杠滚道超精密磨削与精度保持性提升",
            "C3 级滚珠丝杠（丝杆）在高速运行 2000 小时后导程精度衰减明显，需要滚道成形磨削、残余应力控制和预紧力设计方面的技术支持。",
            "导程误差 ≤ 8 µm/300 mm，2000 小时精度衰减不超过 20%，达到进口同类产品水平。",
            "现有数控螺纹磨床 12 台和精度检测实验室。", "高端装备", ["F16H 25/22", "B24B 19/02"],
            ["滚珠丝杠", "丝杆", "磨削", "精度保持性"], 1_500_000m, 4_000_000m, 100,
            CooperationModes.JointDevelopment | CooperationModes.Transfer, "320500", ContactVisibility.AfterMatch, "王经理", "published"),
        new("yuntu", "锂电池极片表面缺陷在线视觉检测算法",
            "涂布速度 80 m/min 下需识别划痕、漏箔、气泡等 12 类缺陷，现有规则算法漏检率高。",
            "漏检率 < 0.1%，过检率 < 1%，单帧推理时间 < 20 ms（边缘 GPU）。", "已有线阵相机采集系统和 30 万张标注图像。",
            "人工智能", ["G06T 7/00", "G06V 10/82", "G01N 21/89"], ["机器视觉", "缺陷检测", "深度学习"], 500_000m, 1_200_000m, -10,
            CooperationModes.CommissionedDevelopment | CooperationModes.Licence, "330100", ContactVisibility.Public, "王经理", "expired"),
        new("boston", "Compact cryogen-free NMR magnet for benchtop spectrometers",
            "We need a permanent-magnet or HTS design for a 2 T benchtop NMR magnet with field homogeneity below 0.1 ppm over a 5 mm sample, without liquid helium.",
            "A prototype magnet below 60 kg with shimming method and a licence to manufacture for the Chinese and US markets.",
            "Our team builds RF electronics and spectrometer software; we lack magnet design capability.", "Scientific instruments",
            ["G01R 33/38", "H01F 6/00"], ["NMR", "magnet", "HTS", "benchtop"], 1_000_000m, 3_500_000m, 180,
            CooperationModes.Licence | CooperationModes.JointDevelopment, "310000", ContactVisibility.AfterMatch, "Dr. Emily Carter", "published"),
        new("boston", "Microfluidic chip bonding for high-throughput single-cell sequencing",
            "Looking for a low-temperature bonding process for glass–PDMS–glass microfluidic chips that survives 5 bar and keeps channel geometry within 2 µm.",
            "Bond yield above 98 % on 100 mm wafers and a process we can license and run in our Shanghai facility.",
            null, "Biomedical engineering", ["B01L 3/00", "B81C 3/00"], ["microfluidics", "bonding", "single-cell"], 400_000m, 900_000m, 75,
            CooperationModes.Licence | CooperationModes.Consulting, "310115", ContactVisibility.Public, "Dr. Emily Carter", "published"),
        new("hefei", "Nitrogen-vacancy diamond magnetometer readout for weak-field sensing",
            "需要基于 NV 色心金刚石的弱磁测量读出方案，包括微波调制与光电探测链路设计（We welcome proposals in English or Chinese）。",
            "灵敏度优于 1 nT/√Hz，探头体积小于 10 cm³ (sensitivity better than 1 nT/√Hz, probe under 10 cm³).",
            "已有金刚石样品生长合作方。", "量子科技", ["G01R 33/032", "G01R 33/26"], ["NV色心", "量子传感", "magnetometer"],
            2_000_000m, 6_000_000m, 200, CooperationModes.JointDevelopment, "340100", ContactVisibility.AfterMatch, "陈博士", "published"),
        new("yuntu", "多家医院联合建模的联邦学习隐私计算平台",
            "公司为多家三甲医院提供医学影像与检验数据分析服务，各医院数据不能离开本院；需要联邦学习与隐私保护计算平台，实现跨机构联合建模，并满足数据安全与个人信息保护要求。",
            "支持 10 家以上机构联合训练，模型精度不低于集中式训练的 95%，通过隐私计算安全评估。", "已有医院合作网络和数据治理团队。",
            "人工智能", ["G06F 21/62", "G06N 20/00"], ["联邦学习", "隐私计算", "数据安全"], 800_000m, 2_000_000m, 90,
            CooperationModes.Licence | CooperationModes.JointDevelopment, "330100", ContactVisibility.Public, "王经理", "published"),
        new("boston", "Licence for a biodegradable magnesium-alloy coronary stent",
            "We are extending our interventional cardiology portfolio and seek a biodegradable magnesium alloy stent technology with controlled degradation within 12 months and radial strength comparable to drug-eluting metal stents.",
            "An exclusive licence for China with animal-study data, and support for registration testing of the cardiovascular stent.",
            "We run a class III medical device quality system and a catheter production line in Shanghai.", "Biomedical engineering",
            ["A61L 31/02", "A61F 2/82"], ["magnesium alloy", "biodegradable stent", "cardiovascular"], 1_500_000m, 5_000_000m, 120,
            CooperationModes.Licence | CooperationModes.Transfer, "310115", ContactVisibility.Public, "Dr. Emily Carter", "published"),
    ];

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        var now = context.Now;
        var orgs = context.Organizations;
        var admin = CallerFor(context, "admin", "platform", Roles.PlatformAdmin);

        foreach (var d in Demands)
        {
            if (!orgs.ContainsKey(d.Org)) continue;
            var owner = EnterpriseCaller(context, d.Org);
            // Expired demands were posted and published before their deadline passed.
            var postedAt = d.Target == "expired" ? now.AddDays(d.DeadlineDays - 60) : now.AddDays(-context.Random.Next(3, 30));
            var details = new DemandDetails
            {
                Title = d.Title, Need = d.Need, Goal = d.Goal, ExistingBasis = d.Basis, Field = d.Field, IpcCodes = d.Ipc, Keywords = d.Keywords,
                BudgetMinYuan = d.Min, BudgetMaxYuan = d.Max, Deadline = now.AddDays(d.DeadlineDays), CooperationModes = d.Modes,
                DivisionCode = d.Division, ContactVisibility = d.Visibility, ContactName = d.Contact,
                ContactPhone = "021-6" + context.Random.Next(1000000, 9999999), ContactEmail = $"bd@{d.Org}.example.cn",
            };
            var demand = Demand.Create(Guid.NewGuid(), owner, details, postedAt).Value;
            if (d.Target != "draft") Must(demand.Submit(owner, postedAt.AddHours(1)));
            if (d.Target is "published" or "matched" or "expired") Must(demand.Approve(admin, DemoStaff, "信息完整，准予发布", postedAt.AddDays(1)));
            if (d.Target == "matched") Must(demand.MarkMatched(owner, orgs["sjtu"], postedAt.AddDays(2)));
            if (d.Target == "expired") demand.ExpireIfDue(now);
            db.Add(demand);
        }

        SeedChallenges(context, admin);
        await db.SaveChangesAsync(ct);
    }

    private void SeedChallenges(DemoDataContext context, Caller admin)
    {
        var now = context.Now;
        var orgs = context.Organizations;
        if (!orgs.ContainsKey("stcsm") || !context.Users.ContainsKey("manager.tti")) return;

        // 1. Government open call, applications open now.
        var stcsm = CallerFor(context, "analyst", "stcsm", Roles.Analyst);
        var t0 = now.AddDays(-7);
        var open = Challenge.Create(Guid.NewGuid(), stcsm, new ChallengeDetails
        {
            Kind = ChallengeKind.OpenCall,
            Title = "城市级储能电站安全监测关键技术揭榜挂帅",
            Description = "面向本市新型储能电站规模化建设，征集电池热失控早期预警、消防联动与运行风险评估的整体解决方案。",
            Requirements = "揭榜单位须为本市高校、科研院所或其联合体；具有电化学储能或安全监测研究基础；18 个月内完成示范应用。",
            Field = "新能源", IpcCodes = ["H01M 10/48", "G08B 21/18"], RewardKind = RewardKind.Budget, RewardYuan = 5_000_000m,
            DivisionCode = "310000", ApplicationOpensAt = t0, ApplicationClosesAt = now.AddDays(21), JudgingEndsAt = now.AddDays(35),
            AnnouncementAt = now.AddDays(40), WinnerCount = 1,
            Rubric = [new("技术方案先进性", "Technical merit", 40), new("示范应用可行性", "Feasibility of demonstration", 35), new("团队与基础", "Team and track record", 25)],
        }, t0).Value;
        AddJudge(open, stcsm, context, "manager.tti", "tti", t0);
        Must(open.Publish(stcsm, t0));
        if (context.Users.ContainsKey("tto.fudan"))
            Must(open.Apply(Guid.NewGuid(), CallerFor(context, "tto.fudan", "fudan", Roles.InstitutionAdmin),
                new ProposalDetails("复旦大学：多源气体传感融合的储能电站热失控预警系统",
                    "基于 H₂/CO 气体传感阵列与电压-温度数据融合的早期预警模型，结合储能柜分区消防联动策略。", "材料科学系与信息学院联合团队 15 人", 4_500_000m), now.AddDays(-2)));
        db.Add(open);

        // 2. Enterprise innovation contest in judging: applications closed yesterday.
        if (!orgs.ContainsKey("jinggong") || !context.Users.ContainsKey("researcher.sjtu")) return;
        var jinggong = EnterpriseCaller(context, "jinggong");
        var t1 = now.AddDays(-40);
        var judging = Challenge.Create(Guid.NewGuid(), jinggong, new ChallengeDetails
        {
            Kind = ChallengeKind.InnovationContest,
            Title = "高精度滚珠丝杠精度保持性创新挑战赛",
            Description = "征集提升 C3 级滚珠丝杠（丝杠/丝杆）精度保持性的工艺或设计方案，优胜方案将获得奖金并与企业签订合作开发合同。",
            Requirements = "提交技术方案、试验计划与预期指标；可由高校、科研院所或研究团队申报。",
            Field = "高端装备", IpcCodes = ["F16H 25/22"], RewardKind = RewardKind.Prize, RewardYuan = 500_000m,
            DivisionCode = "320500", ApplicationOpensAt = t1, ApplicationClosesAt = now.AddDays(-1), JudgingEndsAt = now.AddDays(14),
            AnnouncementAt = now.AddDays(20), WinnerCount = 2,
            Rubric = [new("创新性", "Novelty", 30), new("技术可行性", "Technical feasibility", 40), new("产业化前景", "Industrial prospects", 30)],
        }, t1).Value;
        AddJudge(judging, jinggong, context, "manager.tti", "tti", t1);
        AddJudge(judging, jinggong, context, "researcher.sjtu", "sjtu", t1);
        Must(judging.Publish(jinggong, t1));
        var fudanApp = judging.Apply(Guid.NewGuid(), CallerFor(context, "researcher.fudan", "fudan", Roles.Researcher),
            new ProposalDetails("复旦大学：滚道残余应力调控与预紧力在线补偿方案", "通过低温成形磨削与深冷处理调控滚道残余应力，并设计压电式预紧力在线补偿机构。", "机械工程团队 6 人", 450_000m),
            now.AddDays(-10)).Value;
        var sjtuApp = judging.Apply(Guid.NewGuid(), CallerFor(context, "tto.sjtu", "sjtu", Roles.InstitutionAdmin),
            new ProposalDetails("上海交通大学：基于数字孪生的丝杠磨削工艺优化", "建立磨削过程热-力耦合数字孪生模型，优化砂轮修整与进给参数，降低导程误差。", "机械与动力工程学院 8 人", 500_000m),
            now.AddDays(-5)).Value;
        Must(judging.Score(CallerFor(context, "manager.tti", "tti", Roles.TechManager), fudanApp.Id,
            new Dictionary<string, decimal> { ["c1"] = 8.5m, ["c2"] = 8m, ["c3"] = 7.5m }, now.AddHours(-6)));
        db.Add(judging);

        // 3. An announced contest whose winner signed a contract.
        var t2 = now.AddDays(-90);
        var done = Challenge.Create(Guid.NewGuid(), jinggong, new ChallengeDetails
        {
            Kind = ChallengeKind.InnovationContest,
            Title = "直线导轨静音保持架设计挑战赛",
            Description = "征集降低直线导轨运行噪声的保持架结构与材料方案。",
            Requirements = "提交结构设计、材料选型和噪声测试计划。",
            Field = "高端装备", IpcCodes = ["F16C 29/06"], RewardKind = RewardKind.Prize, RewardYuan = 200_000m,
            DivisionCode = "320500", ApplicationOpensAt = t2, ApplicationClosesAt = t2.AddDays(30), JudgingEndsAt = t2.AddDays(45),
            AnnouncementAt = t2.AddDays(50), WinnerCount = 1,
            Rubric = [new("降噪效果", "Noise reduction", 50), new("成本", "Cost", 20), new("可制造性", "Manufacturability", 30)],
        }, t2).Value;
        AddJudge(done, jinggong, context, "manager.tti", "tti", t2);
        Must(done.Publish(jinggong, t2));
        var winner = done.Apply(Guid.NewGuid(), CallerFor(context, "researcher.sjtu", "sjtu", Roles.Researcher),
            new ProposalDetails("上海交通大学：高分子复合材料静音保持架", "采用 PA66 与石墨烯改性复合材料保持架，配合滚珠间隔体结构降低碰撞噪声。", null, 200_000m), t2.AddDays(10)).Value;
        Must(done.Score(CallerFor(context, "manager.tti", "tti", Roles.TechManager), winner.Id,
            new Dictionary<string, decimal> { ["c1"] = 9m, ["c2"] = 7m, ["c3"] = 8m }, t2.AddDays(35)));
        var awards = done.Announce(jinggong, t2.AddDays(46)).Value;
        foreach (var award in awards)
        {
            Must(done.LinkContract(jinggong, award.Id, "3205052026000217", t2.AddDays(60)));
            db.Add(award);
        }
        db.Add(done);
    }

    /// <summary>Display names of the demo accounts that judge (as in the accounts' demo data).</summary>
    private static readonly Dictionary<string, string> JudgeNames = new()
    {
        ["manager.tti"] = "技术经理人 周经理",
        ["researcher.sjtu"] = "交大 王研究员",
    };

    private static void AddJudge(Challenge challenge, Caller owner, DemoDataContext context, string userName, string org, DateTimeOffset at) =>
        Must(challenge.AddJudge(owner, context.Users[userName], context.Organizations[org], JudgeNames.GetValueOrDefault(userName, userName), at));

    /// <summary>Demo reviews are done by the platform administrator, who is platform staff under any configuration (DM.9).</summary>
    private static readonly PlatformStaff DemoStaff = new(null);

    private static Caller CallerFor(DemoDataContext context, string userName, string org, string role) =>
        Caller.Of(context.Users.TryGetValue(userName, out var id) ? id : DemoUserId(userName), context.Organizations[org], role);

    /// <summary>The enterprise's demo account if it has one, else a stable id standing for its staff member.</summary>
    private static Caller EnterpriseCaller(DemoDataContext context, string org) => CallerFor(context, "enterprise." + org, org, Roles.Enterprise);

    private static Guid DemoUserId(string key)
    {
        var bytes = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("demo-user:" + key));
        return new Guid(bytes);
    }

    private static void Must(Result result)
    {
        if (result.IsFailure) throw new InvalidOperationException($"Demo data broke a rule: {result.Error!.Code} {result.Error.En}");
    }

    private static void Must<T>(Result<T> result)
    {
        if (result.IsFailure) throw new InvalidOperationException($"Demo data broke a rule: {result.Error!.Code} {result.Error.En}");
    }
}

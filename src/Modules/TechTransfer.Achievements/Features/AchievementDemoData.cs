using TechTransfer.SharedKernel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.Platform;
using TechTransfer.SharedKernel.Deals;
using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Achievements.Features;

/// <summary>
/// Demo achievements of real Shanghai institutions in every state (draft → registered, returned, declined,
/// converted, idle, confidential), with rights grants and income distributions, all dated relative to the seed clock
/// and created through the domain methods so every rule holds.
/// </summary>
internal sealed class AchievementDemoData(TechTransferDbContext db, IOptions<AchievementsOptions> options, IOrganizationFactsLookup organizations) : IDemoDataSeeder
{
    public int Order => 30;

    private sealed record Spec(string Org, string Title, string TitleEn, string Field, string Ipc, IpType Ip, int Trl, FundingSource Funding,
        string Project, string[] Keywords, (string Name, string? User, decimal Pct, bool Leader)[] Team, string Target, int AgeDays,
        bool Confidential = false, ConversionMode? Mode = null, ConversionStatus Conversion = ConversionStatus.NotStarted, string? Justification = null);

    private static readonly Spec[] Specs =
    [
        new("fudan", "基于深度学习的锂电池缺陷检测方法", "Deep-learning defect detection for lithium-battery electrodes", "计算机科学与技术", "G06N 3/08", IpType.PatentApplication, 4,
            FundingSource.Fiscal, "国家重点研发计划 2022YFB2502000", ["锂电池", "缺陷检测", "深度学习"],
            [("陈教授", "researcher.fudan", 60m, false), ("周博士", null, 40m, false)], "Draft", 3),
        new("fudan", "新型二维半导体材料晶圆级制备技术", "Wafer-scale growth of 2D semiconductor materials", "材料科学", "H01L 21/02", IpType.PatentApplication, 3,
            FundingSource.Fiscal, "国家自然科学基金 62234005", ["二维材料", "晶圆", "半导体"],
            [("陈教授", "researcher.fudan", 70m, false), ("刘副院长", null, 30m, true)], "Disclosed", 10),
        new("fudan", "肝癌早期诊断血液标志物检测试剂盒", "Blood biomarker kit for early liver-cancer diagnosis", "临床医学", "G01N 33/574", IpType.Patent, 6,
            FundingSource.Fiscal, "上海市科委 22S11900300", ["肝癌", "早筛", "标志物"],
            [("陈教授", "researcher.fudan", 50m, false), ("王医生", null, 50m, false)], "UnderReview", 20),
        new("fudan", "联邦学习隐私保护计算平台", "Privacy-preserving federated learning platform", "计算机科学与技术", "G06F 21/62", IpType.Software, 7,
            FundingSource.Fiscal, "上海市科技创新行动计划 23511100100", ["联邦学习", "隐私计算"],
            [("陈教授", "researcher.fudan", 60m, false), ("刘副院长", null, 40m, true)], "Registered", 420, Mode: ConversionMode.License, Conversion: ConversionStatus.Converted),
        new("fudan", "可降解镁合金心血管支架", "Biodegradable magnesium-alloy cardiovascular stent", "生物医学工程", "A61L 31/02", IpType.Patent, 5,
            FundingSource.Fiscal, "国家重点研发计划 2021YFC2400700", ["可降解", "支架", "镁合金"],
            [("陈教授", "researcher.fudan", 100m, false)], "Registered", 430),
        new("fudan", "高通量单细胞测序文库构建方法", "High-throughput single-cell sequencing library construction", "生物学", "C12Q 1/6869", IpType.PatentApplication, 4,
            FundingSource.Commissioned, "横向委托 FD-2024-118", ["单细胞", "测序"],
            [("陈教授", "researcher.fudan", 100m, false)], "Returned", 40),
        new("fudan", "传统中药复方配伍经验数据库", "Database of traditional Chinese medicine formula pairings", "中医学", "G16H 20/10", IpType.Software, 2,
            FundingSource.Own, "", ["中医药", "数据库"],
            [("陈教授", "researcher.fudan", 100m, false)], "Declined", 60),
        new("fudan", "量子密钥分发芯片化集成技术", "Chip-integrated quantum key distribution", "物理学", "H04L 9/08", IpType.TechnicalSecret, 5,
            FundingSource.Fiscal, "国家重点研发计划 2023YFB4502600", ["量子通信", "芯片"],
            [("陈教授", "researcher.fudan", 100m, false)], "Registered", 200, Confidential: true),
        new("sjtu", "船舶智能航行避碰决策系统", "Collision-avoidance decision system for autonomous ships", "船舶与海洋工程", "G08G 3/02", IpType.Software, 6,
            FundingSource.Fiscal, "工信部高技术船舶科研项目 CJ05N20", ["智能船舶", "避碰"],
            [("王研究员", "researcher.sjtu", 80m, false), ("赵工程师", null, 20m, false)], "Registered", 500),
        new("sjtu", "高性能镁合金轻量化成形工艺", "Lightweight forming of high-performance magnesium alloys", "材料科学", "C22C 23/02", IpType.Patent, 7,
            FundingSource.Fiscal, "国家重点研发计划 2021YFB3701100", ["镁合金", "轻量化"],
            [("王研究员", "researcher.sjtu", 100m, false)], "Registered", 300, Mode: ConversionMode.EquityInvestment, Conversion: ConversionStatus.Converted),
        new("sjtu", "大型海上风电基础冲刷防护技术", "Scour protection for offshore wind-turbine foundations", "土木工程", "E02D 27/52", IpType.Patent, 5,
            FundingSource.Fiscal, "上海市科委 21DZ1201300", ["海上风电", "冲刷防护"],
            [("王研究员", "researcher.sjtu", 100m, false)], "UnderReview", 15),
        new("tongji", "城市地下管廊结构健康监测系统", "Structural health monitoring for urban utility tunnels", "土木工程", "G01M 5/00", IpType.Patent, 7,
            FundingSource.Fiscal, "国家重点研发计划 2022YFC3801000", ["管廊", "健康监测"],
            [("李教授", null, 100m, false)], "Registered", 600, Justification: "已与申通地铁开展中试，合同洽谈中"),
        new("ecust", "煤气化高效清洁利用关键技术", "Efficient clean coal gasification", "化学工程", "C10J 3/48", IpType.Patent, 8,
            FundingSource.Fiscal, "国家重点研发计划 2020YFB0606200", ["煤气化", "清洁能源"],
            [("许教授", null, 100m, false)], "Registered", 800, Mode: ConversionMode.License, Conversion: ConversionStatus.InProgress),
        new("sioc", "手性药物中间体不对称催化合成方法", "Asymmetric catalytic synthesis of chiral drug intermediates", "化学", "C07B 53/00", IpType.Patent, 5,
            FundingSource.Fiscal, "中国科学院战略性先导科技专项 XDB0590000", ["不对称催化", "手性药物"],
            [("马研究员", null, 100m, false)], "Registered", 450),
        new("simit", "超导纳米线单光子探测器", "Superconducting nanowire single-photon detector", "电子科学与技术", "G01J 1/42", IpType.Patent, 7,
            FundingSource.Fiscal, "中国科学院 ZDBS-LY-JSC", ["超导", "单光子"],
            [("尤研究员", null, 100m, false)], "Registered", 700, Mode: ConversionMode.SelfImplement, Conversion: ConversionStatus.Converted),
        new("ruijin", "代谢性疾病人工智能辅助诊断系统", "AI-assisted diagnosis of metabolic diseases", "临床医学", "G16H 50/20", IpType.Software, 6,
            FundingSource.Fiscal, "上海申康医院发展中心 SHDC2022CRD", ["代谢病", "人工智能"],
            [("宁主任", null, 100m, false)], "Registered", 100),
        new("zhongshan", "经导管主动脉瓣膜输送系统", "Transcatheter aortic valve delivery system", "生物医学工程", "A61F 2/24", IpType.Patent, 6,
            FundingSource.Fiscal, "国家重点研发计划 2022YFC2503400", ["介入瓣膜", "心血管"],
            [("葛院士团队", null, 100m, false)], "Disclosed", 5),
    ];

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        var o = options.Value;
        var now = context.Now;
        var achievements = new Dictionary<string, Achievement>();
        foreach (var s in Specs)
        {
            if (!context.Organizations.TryGetValue(s.Org, out var orgId)) continue;
            var jurisdiction = (await organizations.FindAsync(orgId, ct))?.Jurisdiction ?? Jurisdiction.National;
            var researcherId = s.Team.Select(t => t.User).FirstOrDefault(u => u is not null) is { } key && context.Users.TryGetValue(key, out var uid)
                ? uid : DemoGuid($"researcher.{s.Org}");
            var officeId = context.Users.TryGetValue($"tto.{s.Org}", out var tto) ? tto : DemoGuid($"tto.{s.Org}");
            var researcher = Caller.Of(researcherId, orgId, Roles.Researcher);
            var office = Caller.Of(officeId, orgId, Roles.InstitutionAdmin);
            var start = now.AddDays(-s.AgeDays - 30);
            var input = new AchievementInput(s.Title, s.TitleEn,
                $"{s.Title}：本成果由{string.Join("、", s.Team.Select(t => t.Name))}完成，技术成熟度 {s.Trl} 级。",
                $"{s.TitleEn}. Technology readiness level {s.Trl}.",
                s.Keywords, s.Field, [s.Ipc], s.Ip, s.Trl, s.Funding, s.Project.Length > 0 ? [s.Project] : [],
                s.Team.Select(t => new CompleterInput(t.Name, t.User is { } u && context.Users.TryGetValue(u, out var id) ? id : null, t.Pct, t.Leader)).ToList(),
                s.Ip is IpType.Patent or IpType.PatentApplication ? [$"CN20{22 + s.Title.Length % 3}1{StableNumber(s.Title) % 10_000_000:0000000}.X"] : [],
                s.Confidential, s.Confidential ? "核心工艺参数与源代码仅限本单位及指定人员查阅。" : null, []);
            var a = Achievement.Draft(input, researcher, start).Value;
            if (s.Target != "Draft")
            {
                Check(a.Disclose(researcher, start.AddDays(1)));
                if (s.Target != "Disclosed")
                {
                    Check(a.StartReview(office, start.AddDays(5)));
                    switch (s.Target)
                    {
                        case "Returned": Check(a.Return(office, start.AddDays(8), "请补充技术指标与对比数据 / Please add technical indicators and comparisons")); break;
                        case "Declined": Check(a.Decline(office, start.AddDays(8), "不属于职务科技成果 / Not a service achievement")); break;
                        case "Registered":
                            var registeredAt = now.AddDays(-s.AgeDays);
                            Check(a.Register(office, registeredAt, "符合本单位登记条件"));
                            Check(a.RecordEvaluation(new AchievementEvaluation("技术先进，具备产业化前景", s.Trl >= 6 ? PotentialRating.High : PotentialRating.Medium,
                                100_000m * s.Trl * 5, s.Trl >= 6 ? ProofOfConceptStatus.Validated : ProofOfConceptStatus.Planned, null), office, registeredAt.AddDays(3)));
                            if (s.Mode is { } mode) Check(a.UpdateConversion(s.Conversion, mode, office, registeredAt.AddDays(60)));
                            if (s.Justification is { } j) Check(a.RecordIdleJustification(j, office, registeredAt.AddDays(200)));
                            var rules = RuleSetSelector.Select(o.EffectiveIdleRuleSets, jurisdiction, BusinessTime.DateOf(now));
                            if (rules.IsSuccess) a.EvaluateIdle(rules.Value, now);
                            break;
                    }
                }
            }
            db.Add(a);
            achievements[s.Title] = a;
        }

        await SeedGrantsAndIncomeAsync(context, achievements, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedGrantsAndIncomeAsync(DemoDataContext context, Dictionary<string, Achievement> achievements, CancellationToken ct)
    {
        var o = options.Value;
        var now = context.Now;
        var grantOptions = o.RightsGrants;
        async Task<Jurisdiction> JurisdictionOf(Guid org) => (await organizations.FindAsync(org, ct))?.Jurisdiction ?? Jurisdiction.National;

        // Fudan: income distribution of the licensed platform (approved, with payouts incl. a leader with disclosure).
        if (achievements.TryGetValue("联邦学习隐私保护计算平台", out var licensed))
        {
            var office = Caller.Of(UserOr(context, "tto.fudan"), licensed.OwnerOrganizationId, Roles.InstitutionAdmin);
            var incomeDate = BusinessTime.DateOf(now.AddDays(-340));
            var rules = RuleSetSelector.Select(o.EffectiveIncomeRuleSets, await JurisdictionOf(licensed.OwnerOrganizationId), incomeDate).Value;
            var team = licensed.Completers.Select(c => new TeamMemberInput(c.Name, c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)).ToList();
            var plan = IncomeDistribution.Plan(new IncomePlanInput(licensed.Id, licensed.Title, ConversionMode.License, incomeDate, 2_400_000m,
                [new(DeductionKind.RelatedTaxes, "增值税及附加", 144_000m, "发票 0049213"), new(DeductionKind.DirectTransactionCosts, "资产评估费", 36_000m, "沪评报字〔2025〕第 118 号")],
                70m, team), office, rules, o.DefaultTtoSharePercent, now.AddDays(-335)).Value;
            Check(plan.Approve(office, now.AddDays(-330)));
            foreach (var alloc in plan.Allocations)
                plan.RecordPayout(alloc.Id, alloc.Amount, BusinessTime.DateOf(now.AddDays(-320)), $"银行转账 FD-{alloc.Name}",
                    alloc.HoldsLeadershipPost ? "复旦大学成果转化收益公示〔2025〕第 7 号" : null, office, isPublicInstitution: true, now.AddDays(-320));
            db.Add(plan);
            // a second plan still in draft, with a fixed team amount above the floor
            var draft = IncomeDistribution.Plan(new IncomePlanInput(licensed.Id, licensed.Title, ConversionMode.License, BusinessTime.DateOf(now.AddDays(-20)),
                600_000m, [new(DeductionKind.RelatedTaxes, "增值税及附加", 36_000m, "发票 0051877")], null, team, TeamAmount: 420_000m),
                office, rules, o.DefaultTtoSharePercent, now.AddDays(-15));
            if (draft.IsSuccess) db.Add(draft.Value);
        }

        // SIMIT: self-implementation, 5 % of operating profit over the consecutive years from the first profitable one.
        if (achievements.TryGetValue("超导纳米线单光子探测器", out var self))
        {
            var office = Caller.Of(UserOr(context, "tto.simit"), self.OwnerOrganizationId, Roles.InstitutionAdmin);
            var date = BusinessTime.DateOf(now.AddDays(-100));
            var rules = RuleSetSelector.Select(o.EffectiveIncomeRuleSets, await JurisdictionOf(self.OwnerOrganizationId), date).Value;
            var plan = IncomeDistribution.Plan(new IncomePlanInput(self.Id, self.Title, ConversionMode.SelfImplement, date, 5_000_000m, [], 5m,
                self.Completers.Select(c => new TeamMemberInput(c.Name, c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)).ToList(),
                FirstProfitableYear: date.Year - 1, ProfitYears: [new(date.Year - 1, 1_800_000m)]),
                office, rules, o.DefaultTtoSharePercent, now.AddDays(-95));
            if (plan.IsSuccess) db.Add(plan.Value);
        }

        // SJTU: the magnesium alloy went into a company as equity (作价投资); the team holds 70 % of the shares formed.
        if (achievements.TryGetValue("高性能镁合金轻量化成形工艺", out var equity))
        {
            var office = Caller.Of(UserOr(context, "tto.sjtu"), equity.OwnerOrganizationId, Roles.InstitutionAdmin);
            var date = BusinessTime.DateOf(now.AddDays(-200));
            var rules = RuleSetSelector.Select(o.EffectiveIncomeRuleSets, await JurisdictionOf(equity.OwnerOrganizationId), date).Value;
            var plan = IncomeDistribution.Plan(new IncomePlanInput(equity.Id, equity.Title, ConversionMode.EquityInvestment, date, 8_000_000m,
                [new(DeductionKind.DirectTransactionCosts, "资产评估费", 60_000m, "沪评报字〔2025〕第 207 号")], null,
                equity.Completers.Select(c => new TeamMemberInput(c.Name, c.UserId, c.ContributionPercent, c.HoldsLeadershipPost)).ToList(),
                Equity: new EquityInput("上海镁智轻量化科技有限公司（示例）", 8_000_000, 5_600_000)),
                office, rules, o.DefaultTtoSharePercent, now.AddDays(-195));
            if (plan.IsSuccess) db.Add(plan.Value);
        }

        // SJTU: approved ownership grant (with certificate) and a pending long-term use right.
        if (achievements.TryGetValue("船舶智能航行避碰决策系统", out var ship))
        {
            var office = Caller.Of(UserOr(context, "tto.sjtu"), ship.OwnerOrganizationId, Roles.InstitutionAdmin);
            var grant = RightsGrant.Request(ship, new RightsGrantTerms(GrantType.Ownership, 30m,
                ship.Completers.Select(c => new GrantShareInput(c.Name, c.UserId, Math.Round(c.ContributionPercent * 0.7m, 2))).ToList(), null, null,
                30m, 70m, "转化净收入单位 30%、完成人团队 70%，按贡献分配", "重大转化事项由单位与完成人共同决策，完成人主导实施",
                "专利维持费由完成人承担，转化费用按份额分担", FeeBearer.Completers), office, grantOptions, now.AddDays(-60));
            if (grant.IsSuccess)
            {
                Check(grant.Value.Approve(office, now.AddDays(-50), "经校成果转化领导小组审议通过"));
                db.Add(grant.Value);
            }
        }
        if (achievements.TryGetValue("高性能镁合金轻量化成形工艺", out var mg))
        {
            var office = Caller.Of(UserOr(context, "tto.sjtu"), mg.OwnerOrganizationId, Roles.InstitutionAdmin);
            var start = BusinessTime.DateOf(now.AddDays(-5));
            var grant = RightsGrant.Request(mg, new RightsGrantTerms(GrantType.LongTermUseRight, 0m,
                [new GrantShareInput(mg.Completers[0].Name, mg.Completers[0].UserId, 100m)], start, RightsGrant.MinimumEnd(start, grantOptions.MinimumLongTermUseYears),
                30m, 70m, "许可收益单位 30%、完成人 70%", "完成人决策，单位备案", "维持费用由单位承担", FeeBearer.Unit), office, grantOptions, now.AddDays(-5));
            if (grant.IsSuccess) db.Add(grant.Value);
        }
        // Fudan: the idle stent — its completer requested a grant (R5.3).
        if (achievements.TryGetValue("可降解镁合金心血管支架", out var stent) && stent.EligibleForCompleterLedConversion)
        {
            var researcher = Caller.Of(UserOr(context, "researcher.fudan"), stent.OwnerOrganizationId, Roles.Researcher);
            var grant = RightsGrant.Request(stent, new RightsGrantTerms(GrantType.Ownership, 10m,
                [new GrantShareInput(stent.Completers[0].Name, stent.Completers[0].UserId, 90m)], null, null,
                20m, 80m, "转化收益单位 20%、完成人 80%", "完成人自主决策转化", "全部费用由完成人承担", FeeBearer.Completers),
                researcher, grantOptions, now.AddDays(-2));
            if (grant.IsSuccess) db.Add(grant.Value);
        }
    }

    private static int StableNumber(string text) => text.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & int.MaxValue;

    private static Guid UserOr(DemoDataContext context, string key) => context.Users.TryGetValue(key, out var id) ? id : DemoGuid(key);

    private static Guid DemoGuid(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes("techtransfer-demo:" + key)));

    private static void Check(SharedKernel.Result r)
    {
        if (r.IsFailure) throw new InvalidOperationException($"Demo data breaks a rule: {r.Error!.Code} {r.Error.En}");
    }
}

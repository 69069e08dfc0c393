using TechTransfer.SharedKernel;
using TechTransfer.Patents.Domain;

namespace TechTransfer.Patents.Features;

/// <summary>
/// The module's part of the demo dataset: patents of Fudan and SJTU, open licences in every state (with grants
/// pending, effective, filed and disputed, and one that survives a withdrawal), and custody agreements in every state.
/// Deterministic: every date is relative to the seed run's clock. Application numbers are invented.
/// </summary>
public static class PatentDemoDataSet
{
    public sealed record Result(IReadOnlyList<Patent> Patents, IReadOnlyList<OpenLicenseDeclaration> Declarations, IReadOnlyList<CustodyAgreement> Custody);

    private sealed record P(string Key, string Org, string AppNo, string Pub, PatentType Type, string Title, string TitleEn, string Patentee,
        int FiledYearsAgo, int? GrantedYearsAgo, PatentLegalStatus Status, string Ipc);

    private static readonly P[] Patents =
    [
        new("battery-detect", "fudan", "CN202110482301.5", "CN113221501B", PatentType.Invention, "一种基于深度学习的锂电池极片缺陷检测方法",
            "Deep-learning method for detecting defects in lithium-battery electrode sheets", "复旦大学", 5, 2, PatentLegalStatus.InForce, "G06T7/00"),
        new("battery-rig", "fudan", "CN202220918876.2", "CN217112233U", PatentType.UtilityModel, "一种锂电池极片视觉检测装置",
            "Vision inspection rig for lithium-battery electrode sheets", "复旦大学", 4, 3, PatentLegalStatus.InForce, "G01N21/88"),
        new("mems-gas", "fudan", "CN202010334455.1", "CN111551234B", PatentType.Invention, "一种低功耗MEMS气体传感芯片及其制备方法",
            "Low-power MEMS gas-sensing chip and its fabrication", "复旦大学", 6, 3, PatentLegalStatus.InForce, "G01N27/12"),
        new("quantum-sensor", "fudan", "CN201910776612.3", "CN110501122B", PatentType.Invention, "一种金刚石NV色心量子磁力计",
            "Diamond NV-centre quantum magnetometer", "复旦大学", 7, 4, PatentLegalStatus.InForce, "G01R33/032"),
        new("liver-ai", "fudan", "CN202310221100.4", "CN116012345A", PatentType.Invention, "一种肝癌CT影像智能分割方法",
            "AI segmentation of liver-cancer CT images", "复旦大学", 2, null, PatentLegalStatus.Pending, "G06T7/11"),
        new("packaging-design", "fudan", "CN202330112233.9", "CN308765432S", PatentType.Design, "电池检测仪外壳",
            "Housing for a battery tester", "复旦大学", 2, 1, PatentLegalStatus.InForce, "10-04"),
        new("ballscrew-monitor", "sjtu", "CN202010556677.8", "CN111780011B", PatentType.Invention, "一种滚珠丝杠预紧力在线监测方法",
            "On-line monitoring of ball-screw preload", "上海交通大学", 6, 3, PatentLegalStatus.InForce, "F16H25/22"),
        new("robot-gripper", "sjtu", "CN201911223344.6", "CN110900011B", PatentType.Invention, "一种柔性机器人夹爪及其控制方法",
            "Soft robotic gripper and its control", "上海交通大学", 7, 4, PatentLegalStatus.InForce, "B25J15/00"),
        new("weld-fixture", "sjtu", "CN201921234567.0", "CN210123456U", PatentType.UtilityModel, "一种汽车车身焊接夹具",
            "Car-body welding fixture", "上海交通大学", 7, 6, PatentLegalStatus.InForce, "B23K37/04"),
        new("hydrogen-valve", "sjtu", "CN202111998877.3", "CN114001122B", PatentType.Invention, "一种车载高压氢气减压阀",
            "On-board high-pressure hydrogen regulator", "上海交通大学", 5, 2, PatentLegalStatus.InForce, "F16K17/04"),
        new("catalyst", "sjtu", "CN201810112233.2", "CN108300001B", PatentType.Invention, "一种用于燃料电池的铂碳催化剂制备方法",
            "Preparation of platinum-carbon catalysts for fuel cells", "上海交通大学", 8, 5, PatentLegalStatus.InForce, "H01M4/92"),
    ];

    public static Result Build(Func<string, Guid> org, Func<string, string> orgName, DateTimeOffset now)
    {
        var options = new OpenLicensingOptions();
        var rules = PatentTermRules.Default;
        var today = BusinessTime.DateOf(now);
        var patents = new Dictionary<string, Patent>();
        foreach (var p in Patents)
        {
            var filed = today.AddYears(-p.FiledYearsAgo).AddDays(-37 * (p.AppNo.Length % 5));
            DateOnly? granted = p.GrantedYearsAgo is { } g ? today.AddYears(-g).AddDays(-11) : null;
            var paidUntil = new DateOnly(today.Year, filed.Month, Math.Min(filed.Day, 28)).AddYears(today.DayOfYear > filed.DayOfYear ? 1 : 0).AddDays(-1);
            var details = new PatentDetails(p.AppNo, p.Pub, p.Type, p.Title, p.TitleEn, p.Patentee, filed, granted, p.Status,
                granted is null ? null : paidUntil, 0, p.Ipc);
            patents[p.Key] = Must(Patent.Register(org(p.Org), details, rules, now.AddDays(-400)));
        }

        // Encumbrances that matter for R3.3 / R3.6 and the ban of R3.10.
        Must(patents["quantum-sensor"].AddPledge("上海农商银行张江科技支行", today.AddMonths(-10), 3_000_000m, now));
        Must(patents["robot-gripper"].RecordLicence(orgName("yuntu"), LicenseScope.Exclusive, today.AddYears(-1), today.AddYears(3), false, now));

        var declarations = new List<OpenLicenseDeclaration>();
        OpenLicenseDeclaration Declare(string key, OpenLicenseTerms terms) =>
            Must(OpenLicenseDeclaration.Draft(patents[key], patents[key].OwnerOrganizationId, terms, now.AddDays(-120)));
        OpenLicenseTerms Terms(PaymentMode mode, FeeStandard fee, int years, string zh, string en, string? report = null) =>
            new(mode, fee, today.AddDays(-100), today.AddYears(years), zh, en, report, null);
        void SubmitAndAnnounce(OpenLicenseDeclaration d, string key, int daysAgo, string no)
        {
            var submittedAt = now.AddDays(-daysAgo - 30);
            var failures = d.CheckSubmission(patents[key], options, today);
            if (failures.Count > 0) throw new InvalidOperationException($"demo declaration {key}: {failures[0].En}");
            Must(d.Submit(patents[key], d.PatenteeOrganizationId, options, submittedAt));
            Must(d.Announce(no, BusinessTime.DateOf(submittedAt).AddDays(30)));
        }

        // Active, with an effective + filed grant, an effective grant with an open dispute, and a pending one.
        var active = Declare("battery-detect", Terms(PaymentMode.LumpSumOnce, new FeeStandard(FixedFeeYuan: 80_000m), 5,
            "许可方提供专利说明书及实施所需的技术资料；许可范围为中国大陆；被许可方不得再许可。",
            "The licensor provides the specification and the documents needed to work the patent; territory: mainland China; no sublicensing."));
        SubmitAndAnnounce(active, "battery-detect", 90, "CN-KFXK-2026-000118");
        var g1 = Must(active.TakeLicence(org("lvneng"), orgName("lvneng"), "书面通知 LN-2026-017", today.AddDays(-60), now));
        Must(active.RecordPayment(g1.Id, org("lvneng"), 80_000m, "银行回单 95588-001", today.AddDays(-58), options, now));
        Must(active.RecordFiling(g1.Id, org("fudan"), "专利实施许可合同备案证明 2026-SH-0421", today.AddDays(-40), now));
        var g2 = Must(active.TakeLicence(org("yuntu"), orgName("yuntu"), "书面通知 YT-2026-003", today.AddDays(-30), now));
        Must(active.RecordPayment(g2.Id, org("yuntu"), 80_000m, "银行回单 95588-002", today.AddDays(-29), options, now));
        Must(active.OpenDispute(g2.Id, org("yuntu"), DisputeChannel.CnipaMediation, "对技术资料交付范围存在分歧，申请国家知识产权局调解。", now));
        Must(active.TakeLicence(org("zhixin"), orgName("zhixin"), "书面通知 ZX-2026-009", today.AddDays(-3), now));
        declarations.Add(active);

        // Active, entry fee plus royalty, utility model with an evaluation report.
        var royalty = Declare("battery-rig", Terms(PaymentMode.EntryFeePlusRoyalty,
            new FeeStandard(InitialPaymentYuan: 10_000m, RoyaltyRatePercent: 2.5m, RoyaltyBase: RoyaltyBase.SalesRevenue), 4,
            "入门费一万元，另按年销售额的 2.5% 提成，每年 3 月 31 日前结算上一年度提成。",
            "Entry fee ¥10,000 plus 2.5 % of annual sales, settled for the prior year by 31 March.", "专利权评价报告 PJ-2025-0087"));
        SubmitAndAnnounce(royalty, "battery-rig", 60, "CN-KFXK-2026-000207");
        var g3 = Must(royalty.TakeLicence(org("jinggong"), orgName("jinggong"), "书面通知 JG-2026-021", today.AddDays(-20), now));
        Must(royalty.RecordPayment(g3.Id, org("jinggong"), 10_000m, "银行回单 95599-031", today.AddDays(-18), options, now));
        declarations.Add(royalty);

        // Withdrawn before any announcement (never public): an earlier draft for the catalyst patent, declared again later.
        var retracted = Declare("catalyst", Terms(PaymentMode.LumpSumOnce, new FeeStandard(FixedFeeYuan: 250_000m), 3,
            "一次性支付许可费。", "One lump-sum licence fee."));
        Must(retracted.RequestWithdrawal(retracted.PatenteeOrganizationId, now.AddDays(-100)));
        declarations.Add(retracted);

        // Draft (not yet submitted).
        declarations.Add(Declare("mems-gas", Terms(PaymentMode.LumpSumInstallments,
            new FeeStandard(FixedFeeYuan: 300_000m, InitialPaymentYuan: 100_000m), 3,
            "分三期支付：签约时十万元，第一、二年末各十万元。", "Three instalments: ¥100,000 on notice, then ¥100,000 at the end of years one and two.")));

        // Submitted, waiting for the CNIPA announcement.
        var submitted = Declare("packaging-design", Terms(PaymentMode.LumpSumOnce, new FeeStandard(FixedFeeYuan: 20_000m), 3,
            "外观设计普通许可，许可期内可用于电池检测仪产品。", "Ordinary design licence for battery-tester products.", "专利权评价报告 PJ-2025-0144"));
        Must(submitted.Submit(patents["packaging-design"], org("fudan"), options, now.AddDays(-5)));
        declarations.Add(submitted);

        // Withdrawal submitted (still in force until announced).
        var withdrawing = Declare("ballscrew-monitor", Terms(PaymentMode.Royalty,
            new FeeStandard(InitialPaymentYuan: 0m, RoyaltyRatePercent: 3m, RoyaltyBase: RoyaltyBase.SalesRevenue), 4,
            "按含本专利技术产品销售额的 3% 提成，按季度结算。", "3 % of sales of products using the patent, settled quarterly."));
        SubmitAndAnnounce(withdrawing, "ballscrew-monitor", 200, "CN-KFXK-2025-000931");
        Must(withdrawing.RequestWithdrawal(org("sjtu"), now.AddDays(-7)));
        declarations.Add(withdrawing);

        // Withdrawn, with a licence granted before the withdrawal that stays valid (R3.11).
        var withdrawn = Declare("hydrogen-valve", Terms(PaymentMode.LumpSumOnce, new FeeStandard(FixedFeeYuan: 150_000m), 5,
            "普通许可，许可地域为中国大陆。", "Ordinary licence; territory: mainland China."));
        SubmitAndAnnounce(withdrawn, "hydrogen-valve", 300, "CN-KFXK-2025-000512");
        var g4 = Must(withdrawn.TakeLicence(org("zhixin"), orgName("zhixin"), "书面通知 ZX-2025-031", today.AddDays(-250), now));
        Must(withdrawn.RecordPayment(g4.Id, org("zhixin"), 150_000m, "银行回单 95588-101", today.AddDays(-248), options, now));
        Must(withdrawn.RecordFiling(g4.Id, org("zhixin"), "备案证明 2025-SH-1138", today.AddDays(-200), now));
        Must(withdrawn.RequestWithdrawal(org("sjtu"), now.AddDays(-60)));
        Must(withdrawn.AnnounceWithdrawal("CN-KFXK-CH-2025-000077", today.AddDays(-30)));
        declarations.Add(withdrawn);

        // Lapsed: the patent terminated (fees unpaid past the grace period).
        var lapsed = Declare("catalyst", Terms(PaymentMode.LumpSumOnce, new FeeStandard(FixedFeeYuan: 60_000m), 2,
            "普通许可。", "Ordinary licence."));
        SubmitAndAnnounce(lapsed, "catalyst", 400, "CN-KFXK-2025-000101");
        Must(patents["catalyst"].ChangeLegalStatus(PatentLegalStatus.Lapsed, now.AddDays(-20)));
        Must(lapsed.Lapse(OpenLicenseLapseReason.PatentTerminated, today.AddDays(-20)));
        declarations.Add(lapsed);

        // Existing licences on the patent for the effective open-licence grants.
        foreach (var d in declarations)
            foreach (var g in d.Grants.Where(x => x.Status == OpenLicenseGrantStatus.Effective))
                Must(patents.Values.Single(p => p.Id == d.PatentId)
                    .RecordLicence(g.LicenseeName, LicenseScope.NonExclusive, g.EffectiveOn!.Value, g.ValidUntil, d.IsInForce, now, g.Id));

        // Custody agreements: active (with operations and a renewal), draft, expired, terminated.
        var custody = new List<CustodyAgreement>();
        CustodyAgreement Custody(string no, string key, CustodyDealType[] types, decimal floor, int startDaysAgo, int termDays, string ownerShareName) =>
            Must(CustodyAgreement.Create(patents[key].OwnerOrganizationId, no, CustodySubjectType.Patent, patents[key].Id, patents[key].Title,
                org("tti"), orgName("tti"), new CustodyMandate(types, floor, today.AddDays(-startDaysAgo), today.AddDays(-startDaysAgo + termDays)),
                [new(ownerShareName, patents[key].OwnerOrganizationId, 30m), new("发明人团队", null, 60m), new(orgName("tti"), org("tti"), 10m)],
                now.AddDays(-startDaysAgo - 5)));

        var c1 = Custody("TG-FD-2026-001", "quantum-sensor", [CustodyDealType.Listing, CustodyDealType.NonExclusiveLicence], 500_000m, 180, 730, "复旦大学");
        Must(c1.Activate(org("tti"), now.AddDays(-179)));
        Must(c1.Operate(org("tti"), new CustodyOperationRequest(CustodyDealType.Listing, "", 800_000m, null), now.AddDays(-150)));
        Must(c1.Operate(org("tti"), new CustodyOperationRequest(CustodyDealType.NonExclusiveLicence, orgName("hefei"), 600_000m, today.AddDays(400)), now.AddDays(-30)));
        Must(c1.Renew(org("fudan"), today.AddDays(-180 + 730 + 365), now.AddDays(-10)));
        custody.Add(c1);

        custody.Add(Custody("TG-FD-2026-002", "liver-ai", [CustodyDealType.Listing, CustodyDealType.NonExclusiveLicence, CustodyDealType.SoleLicence], 1_000_000m, 0, 1095, "复旦大学"));

        var c3 = Custody("TG-JD-2024-007", "weld-fixture", [CustodyDealType.NonExclusiveLicence], 50_000m, 800, 730, "上海交通大学");
        Must(c3.Activate(org("tti"), now.AddDays(-799)));
        Must(c3.Operate(org("tti"), new CustodyOperationRequest(CustodyDealType.NonExclusiveLicence, orgName("jinggong"), 80_000m, today.AddDays(-100)), now.AddDays(-700)));
        c3.ExpireIfTermEnded(today); // what the rights-expiry job stores once the term is over
        custody.Add(c3);

        var c4 = Custody("TG-JD-2025-003", "robot-gripper", [CustodyDealType.Listing], 2_000_000m, 300, 730, "上海交通大学");
        Must(c4.Activate(org("tti"), now.AddDays(-299)));
        Must(c4.Terminate(org("sjtu"), "专利已独占许可给企业，双方协商终止托管。", now.AddDays(-90)));
        custody.Add(c4);

        return new Result(patents.Values.ToList(), declarations, custody);
    }

    private static T Must<T>(TechTransfer.SharedKernel.Result<T> r) =>
        r.IsSuccess ? r.Value : throw new InvalidOperationException($"Demo data: {r.Error!.Code} {r.Error.En}");

    private static void Must(TechTransfer.SharedKernel.Result r)
    {
        if (r.IsFailure) throw new InvalidOperationException($"Demo data: {r.Error!.Code} {r.Error.En}");
    }
}

using Microsoft.Extensions.Time.Testing;
using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.UnitTests.Achievements;

internal static class Orgs
{
    public static readonly Guid Fudan = Guid.Parse("10000000-0000-0000-0000-000000000001");
    public static readonly Guid Sjtu = Guid.Parse("10000000-0000-0000-0000-000000000002");
}

internal static class People
{
    public static readonly Guid ZhangWei = Guid.Parse("20000000-0000-0000-0000-000000000001");
    public static readonly Guid LiNa = Guid.Parse("20000000-0000-0000-0000-000000000002");
    public static readonly Guid FudanOfficer = Guid.Parse("20000000-0000-0000-0000-000000000003");
    public static readonly Guid SjtuOfficer = Guid.Parse("20000000-0000-0000-0000-000000000004");
    public static readonly Guid SjtuResearcher = Guid.Parse("20000000-0000-0000-0000-000000000005");

    public static Caller Researcher => Caller.Of(ZhangWei, Orgs.Fudan, Roles.Researcher);
    public static Caller CoInventor => Caller.Of(LiNa, Orgs.Fudan, Roles.Researcher);
    public static Caller Office => Caller.Of(FudanOfficer, Orgs.Fudan, Roles.InstitutionAdmin);
    public static Caller OtherOffice => Caller.Of(SjtuOfficer, Orgs.Sjtu, Roles.InstitutionAdmin);
    public static Caller OtherResearcher => Caller.Of(SjtuResearcher, Orgs.Sjtu, Roles.Researcher);
}

internal static class AchievementTestData
{
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)));

    public static AchievementInput Input(FundingSource funding = FundingSource.Fiscal, bool confidential = false,
        IReadOnlyList<CompleterInput>? completers = null, int trl = 5) => new(
        Title: "基于深度学习的锂电池缺陷检测方法",
        TitleEn: "Deep-learning defect detection for lithium batteries",
        Abstract: "利用卷积神经网络对锂电池极片进行在线缺陷检测。",
        AbstractEn: "Online defect detection of battery electrodes with CNNs.",
        Keywords: ["锂电池", "缺陷检测", "深度学习"],
        TechnicalField: "计算机科学与技术",
        IpcCodes: ["G06N 3/08", "H01M10/0525"],
        IpType: IpType.PatentApplication,
        Trl: trl,
        FundingSource: funding,
        ProjectReferences: funding == FundingSource.Own ? [] : ["国家重点研发计划 2022YFB2502000"],
        Completers: completers ?? [new("张伟", People.ZhangWei, 60m), new("李娜", People.LiNa, 40m, HoldsLeadershipPost: true)],
        PatentApplicationNumbers: ["CN202310123456.7"],
        IsConfidential: confidential,
        ConfidentialDetails: "关键工艺参数：烧结温度 850℃",
        NamedViewerUserIds: []);

    public static Achievement NewDraft(DateTimeOffset now, AchievementInput? input = null) =>
        Achievement.Draft(input ?? Input(), People.Researcher, now).Value;

    public static Achievement Disclosed(DateTimeOffset now, AchievementInput? input = null)
    {
        var a = NewDraft(now, input);
        Assert.True(a.Disclose(People.Researcher, now).IsSuccess);
        return a;
    }

    public static Achievement UnderReview(DateTimeOffset now, AchievementInput? input = null)
    {
        var a = Disclosed(now, input);
        Assert.True(a.StartReview(People.Office, now).IsSuccess);
        return a;
    }

    public static Achievement Registered(DateTimeOffset now, AchievementInput? input = null)
    {
        var a = UnderReview(now, input);
        Assert.True(a.Register(People.Office, now).IsSuccess);
        return a;
    }

    public static IncomeRuleSet Shanghai => IncomeRuleSet.Defaults.Single(r => r.Jurisdiction == Jurisdiction.Shanghai);
    public static IncomeRuleSet National => IncomeRuleSet.Defaults.Single(r => r.Jurisdiction == Jurisdiction.National);
    public static IdleRuleSet ShanghaiIdle => IdleRuleSet.Defaults.Single(r => r.Jurisdiction == Jurisdiction.Shanghai);
    /// <summary>The transfer office's share of the remainder at Fudan in these tests (R4.4).</summary>
    public const decimal OfficeShare = 10m;
}

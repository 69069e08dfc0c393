using Microsoft.Extensions.Time.Testing;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Demands;

/// <summary>Organisations, people and valid inputs shared by the demand and challenge tests.</summary>
internal static class DemandsTestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public static FakeTimeProvider Clock() => new(Start);

    public static readonly Guid PlatformOrg = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid AcmeMotors = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid BetaChem = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    public static readonly Guid Fudan = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    public static readonly Guid Tongji = Guid.Parse("00000000-0000-0000-0000-0000000000f2");
    public static readonly Guid ScienceCommission = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    /// <summary>DM.9 as the tests configure it: platform admins and the technology managers of <see cref="PlatformOrg"/>.</summary>
    public static readonly PlatformStaff Staff = new(PlatformOrg);

    /// <summary>DM.9 with no reviewer organisation configured: every technology manager on the platform reviews.</summary>
    public static readonly PlatformStaff AnyManagerStaff = new(null);

    public static Caller Enterprise(Guid org) => Caller.Of(Guid.NewGuid(), org, Roles.Enterprise);
    public static Caller Admin() => Caller.Of(Guid.NewGuid(), PlatformOrg, Roles.PlatformAdmin);
    public static Caller PlatformTechManager() => Caller.Of(Guid.NewGuid(), PlatformOrg, Roles.TechManager);
    public static Caller OutsideTechManager(Guid org) => Caller.Of(Guid.NewGuid(), org, Roles.TechManager);
    public static Caller Tto(Guid org) => Caller.Of(Guid.NewGuid(), org, Roles.InstitutionAdmin);
    public static Caller Researcher(Guid org) => Caller.Of(Guid.NewGuid(), org, Roles.Researcher);
    public static Caller Government(Guid org) => Caller.Of(Guid.NewGuid(), org, Roles.Analyst);

    public static DemandDetails ValidDemand(DateTimeOffset now) => new()
    {
        Title = "新能源汽车电机控制器散热方案",
        Need = "现有电机控制器在持续高负载下 IGBT 结温超过 150℃，需要一种紧凑的液冷或相变散热方案。",
        Goal = "结温降低 20℃ 以上，体积不增加，成本增加不超过 8%。",
        ExistingBasis = "已有 3 款控制器量产平台和热仿真团队。",
        Field = "新能源汽车",
        IpcCodes = ["H05K 7/20", "b60l"],
        Keywords = ["液冷", "IGBT", "散热"],
        BudgetMinYuan = 500_000m,
        BudgetMaxYuan = 1_500_000m,
        Deadline = now.AddDays(90),
        CooperationModes = CooperationModes.JointDevelopment | CooperationModes.CommissionedDevelopment,
        DivisionCode = "310115",
        ContactVisibility = ContactVisibility.AfterMatch,
        ContactName = "王工",
        ContactPhone = "021-5080 1234",
        ContactEmail = "wang@acme-motors.example",
    };

    public static Demand DraftDemand(Caller owner, DateTimeOffset now, DemandDetails? details = null) =>
        Demand.Create(Guid.NewGuid(), owner, details ?? ValidDemand(now), now).Value;

    public static Demand PublishedDemand(Caller owner, DateTimeOffset now, DemandDetails? details = null)
    {
        var demand = DraftDemand(owner, now, details);
        Assert.True(demand.Submit(owner, now).IsSuccess);
        Assert.True(demand.Approve(Admin(), Staff, null, now).IsSuccess);
        return demand;
    }

    /// <summary>A schedule relative to <paramref name="now"/>: opens +1 d, closes +31 d, judging ends +45 d, announced +50 d.</summary>
    public static ChallengeDetails ValidChallenge(DateTimeOffset now) => new()
    {
        Kind = ChallengeKind.OpenCall,
        Title = "高精度滚珠丝杠国产化揭榜挂帅",
        Description = "面向数控机床的 C3 级滚珠丝杠，需在精度保持性上达到进口水平。",
        Requirements = "具有精密加工或摩擦学研究基础；12 个月内完成样件；提供第三方检测报告。",
        Field = "高端装备",
        IpcCodes = ["F16H 25/22"],
        RewardKind = RewardKind.Budget,
        RewardYuan = 3_000_000m,
        DivisionCode = "310000",
        ApplicationOpensAt = now.AddDays(1),
        ApplicationClosesAt = now.AddDays(31),
        JudgingEndsAt = now.AddDays(45),
        AnnouncementAt = now.AddDays(50),
        WinnerCount = 1,
        Rubric =
        [
            new CriterionInput("技术先进性", "Technical merit", 40),
            new CriterionInput("实施可行性", "Feasibility", 35),
            new CriterionInput("团队能力", "Team", 25),
        ],
    };

    public static ProposalDetails Proposal(string who = "复旦大学精密加工团队") =>
        new($"{who}：基于超精密磨削与预紧力在线补偿的滚珠丝杠方案", "采用成形磨削加工滚道，配合残余应力控制工艺和在线预紧补偿，提升精度保持性。", "教授 2 名、博士后 3 名", 2_500_000m);

    public static Dictionary<string, decimal> Scores(decimal c1, decimal c2, decimal c3) => new() { ["c1"] = c1, ["c2"] = c2, ["c3"] = c3 };
}

/// <summary>Builds a challenge in a given phase with a clock that can move through its windows.</summary>
internal sealed class ChallengeScenario
{
    public FakeTimeProvider Clock { get; } = DemandsTestData.Clock();
    public Caller Owner { get; } = DemandsTestData.Enterprise(DemandsTestData.AcmeMotors);
    public Caller Judge { get; } = Caller.Of(Guid.NewGuid(), DemandsTestData.Tongji, Roles.Researcher);
    public Caller SecondJudge { get; } = Caller.Of(Guid.NewGuid(), DemandsTestData.BetaChem, Roles.Enterprise);
    public Challenge Challenge { get; }

    public ChallengeScenario(bool publish = true, int winners = 1)
    {
        var now = Clock.GetUtcNow();
        Challenge = Challenge.Create(Guid.NewGuid(), Owner, DemandsTestData.ValidChallenge(now) with { WinnerCount = winners }, now).Value;
        Assert.True(Challenge.AddJudge(Owner, Judge.UserId!.Value, DemandsTestData.Tongji, "李教授", now).IsSuccess);
        Assert.True(Challenge.AddJudge(Owner, SecondJudge.UserId!.Value, DemandsTestData.BetaChem, "赵总工", now).IsSuccess);
        if (publish) Assert.True(Challenge.Publish(Owner, now).IsSuccess);
    }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public void MoveTo(DateTimeOffset at) => Clock.SetUtcNow(at);

    public void OpenWindow() => MoveTo(Challenge.ApplicationOpensAt);

    public void StartJudging() => MoveTo(Challenge.ApplicationClosesAt);

    public void EndJudging() => MoveTo(Challenge.JudgingEndsAt);

    public ChallengeApplication ApplyAs(Caller solver, string who = "复旦大学精密加工团队")
    {
        var result = Challenge.Apply(Guid.NewGuid(), solver, DemandsTestData.Proposal(who), Now);
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value;
    }
}

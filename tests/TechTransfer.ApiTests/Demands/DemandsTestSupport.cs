using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Demands;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ApiTests.Demands;

/// <summary>The app with the demand expiry job switched off, so tests that move the clock decide when expiry runs.</summary>
public sealed class DemandsSqliteFactory() : TechTransferFactory(StorageProvider.Sqlite)
{
    protected override void ConfigureServices(IServiceCollection services) => services.Configure<DemandsOptions>(o => o.RunExpiryJob = false);
}

public sealed class DemandsPostgresFactory() : TechTransferFactory(StorageProvider.Postgres)
{
    protected override void ConfigureServices(IServiceCollection services) => services.Configure<DemandsOptions>(o => o.RunExpiryJob = false);
}

internal static class DemandsApi
{
    public static object DemandBody(DateTimeOffset now, string title = "新能源汽车电机控制器液冷散热方案", string visibility = "AfterMatch",
        string[]? ipc = null, decimal? min = 500_000m, decimal? max = 1_500_000m, int deadlineDays = 60, string division = "310115",
        string[]? modes = null) => new
    {
        title,
        need = "现有电机控制器在持续高负载下 IGBT 结温超过 150℃，需要紧凑的液冷散热方案。",
        goal = "结温降低 20℃ 以上，体积不增加。",
        existingBasis = "已有量产平台。",
        field = "新能源汽车",
        ipcCodes = ipc ?? ["H05K 7/20", "B60L"],
        keywords = new[] { "液冷", "IGBT" },
        budgetMinYuan = min,
        budgetMaxYuan = max,
        deadline = now.AddDays(deadlineDays),
        cooperationModes = modes ?? ["JointDevelopment", "CommissionedDevelopment"],
        divisionCode = division,
        contactVisibility = visibility,
        contactName = "王工",
        contactPhone = "021-50801234",
        contactEmail = "wang@example.cn",
    };

    public static object ChallengeBody(DateTimeOffset now, object[]? rubric = null, int winners = 1) => new
    {
        kind = "OpenCall",
        title = "高精度滚珠丝杠国产化揭榜挂帅",
        description = "面向数控机床的 C3 级滚珠丝杠，精度保持性达到进口水平。",
        requirements = "具有精密加工研究基础；12 个月内完成样件。",
        field = "高端装备",
        ipcCodes = new[] { "F16H 25/22" },
        rewardKind = "Budget",
        rewardYuan = 3_000_000m,
        divisionCode = "320500",
        applicationOpensAt = now,
        applicationClosesAt = now.AddDays(30),
        judgingEndsAt = now.AddDays(45),
        announcementAt = now.AddDays(50),
        winnerCount = winners,
        rubric = rubric ?? [new { nameZh = "技术先进性", nameEn = "Technical merit", weight = 40 }, new { nameZh = "实施可行性", nameEn = "Feasibility", weight = 35 },
            new { nameZh = "团队能力", nameEn = "Team", weight = 25 }],
    };

    public static object Proposal(string who = "复旦大学") => new
    {
        summary = $"{who}：基于超精密磨削与预紧力在线补偿的滚珠丝杠方案",
        approach = "采用成形磨削加工滚道，配合残余应力控制和在线预紧补偿，提升精度保持性。",
        team = "教授 2 名、博士后 3 名",
        requestedYuan = 2_500_000m,
    };

    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<Guid> CreateDemandAsync(this HttpClient client, DateTimeOffset now, string title = "新能源汽车电机控制器液冷散热方案", string visibility = "AfterMatch",
        string[]? ipc = null, decimal? min = 500_000m, decimal? max = 1_500_000m, int deadlineDays = 60, string division = "310115", string[]? modes = null)
    {
        var json = await (await client.PostAsJsonAsync("/api/v1/demands", DemandBody(now, title, visibility, ipc, min, max, deadlineDays, division, modes))).Json(HttpStatusCode.Created);
        return json.GetProperty("id").GetGuid();
    }

    /// <summary>Creates, submits and (as a platform admin) approves a demand.</summary>
    public static async Task<Guid> PublishDemandAsync(this TechTransferFactory factory, HttpClient owner, string title = "新能源汽车电机控制器液冷散热方案",
        string visibility = "AfterMatch", string[]? ipc = null, decimal? min = 500_000m, decimal? max = 1_500_000m, int deadlineDays = 60,
        string division = "310115", string[]? modes = null)
    {
        var id = await owner.CreateDemandAsync(factory.Clock.GetUtcNow(), title, visibility, ipc, min, max, deadlineDays, division, modes);
        await (await owner.PostAsync($"/api/v1/demands/{id}/submit", null)).Json(HttpStatusCode.OK);
        await (await factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null)).PostAsJsonAsync($"/api/v1/demands/{id}/approve", new { comment = "准予发布" }))
            .Json(HttpStatusCode.OK);
        return id;
    }

    /// <summary>A real platform account (judges are named by user name), returned as a test caller with the same id.</summary>
}

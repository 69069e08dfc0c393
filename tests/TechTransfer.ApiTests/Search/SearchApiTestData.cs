using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Demands;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Search.Features;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Search;

/// <summary>An institution of the tests: its organisation id, a researcher and its transfer office.</summary>
public sealed record Institution(Guid Org, TestUser Researcher, TestUser Office)
{
    public static Institution New()
    {
        var org = Guid.NewGuid();
        return new Institution(org, TestUser.Of(Roles.Researcher, org), TestUser.Of(Roles.InstitutionAdmin, org));
    }
}

public static class SearchApiTestData
{
    public const string MatchingTitle = "新能源汽车电机控制器 IGBT 液冷散热结构";
    public const string MatchingAbstract = "面向新能源汽车电机控制器的紧凑液冷散热方案，降低 IGBT 结温，体积不增加，已在量产平台验证。";

    public static Task<int> DrainAsync(this TechTransferFactory factory) =>
        factory.Services.GetRequiredService<SearchOutboxDrainer>().DrainAllAsync();

    /// <summary>An achievement disclosed by the institution's researcher and registered by its office (public unless
    /// <paramref name="confidential"/>), through the Achievements API, and indexed.</summary>
    public static async Task<Guid> RegisteredAchievementAsync(this TechTransferFactory factory, Institution i,
        string title = MatchingTitle, string summary = MatchingAbstract, bool confidential = false)
    {
        var researcher = factory.ClientAs(i.Researcher);
        var office = factory.ClientAs(i.Office);
        var created = await (await researcher.PostAsJsonAsync("/api/v1/achievements", new
        {
            title, @abstract = summary, keywords = new[] { "液冷", "IGBT" }, technicalField = "新能源汽车", ipcCodes = new[] { "H05K 7/20" },
            ipType = "PatentApplication", trl = 6, fundingSource = "Fiscal", projectReferences = new[] { "2022YFB2502000" },
            completers = new object[] { new { name = "张伟", contributionPercent = 100m } }, // by name: header-only test users are no platform accounts (user references are checked)
            isConfidential = confidential, confidentialDetails = confidential ? "冷板流道参数" : null,
        })).Json(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await (await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null)).Json(HttpStatusCode.OK);
        await (await office.PostAsync($"/api/v1/achievements/{id}/start-review", null)).Json(HttpStatusCode.OK);
        await (await office.PostAsJsonAsync($"/api/v1/achievements/{id}/register", new { reason = "符合登记条件" })).Json(HttpStatusCode.OK);
        await factory.DrainAsync();
        return id;
    }
}

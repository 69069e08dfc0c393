using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Identity;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>Shared set-up for the contract feature tests: a seller, a buyer, a registry office and its registrar.</summary>
internal sealed record ContractParties(Organization Seller, Organization Buyer, Organization Registry, TestUser SellerUser, TestUser BuyerUser, TestUser Registrar);

internal static class ContractTestSupport
{
    public static async Task<ContractParties> NewPartiesAsync(this TechTransferFactory factory)
    {
        var seller = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var buyer = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        var registry = await factory.CreateOrganizationAsync(OrganizationKind.RegistrationOffice, "024", "310104");
        return new ContractParties(seller, buyer, registry, TestUser.Of(Roles.InstitutionAdmin, seller.Id), TestUser.Of(Roles.Enterprise, buyer.Id),
            TestUser.Of(Roles.Registrar, registry.Id));
    }

    public static object DraftRequest(ContractParties s, decimal total = 1_000_000m, string category = "Development", string subType = "Commissioned",
        IEnumerable<Guid>? achievementIds = null) => new
    {
        projectName = $"锂电池缺陷检测方法开发 {Guid.NewGuid():N}"[..24],
        category,
        subType,
        form = "Written",
        signedDate = "2026-02-20",
        validFrom = "2026-02-20",
        validTo = "2027-02-19",
        totalAmount = total,
        technicalField = "电子信息",
        achievementIds = achievementIds?.ToArray() ?? [],
        parties = new object[]
        {
            new { role = "Seller", name = s.Seller.NameZh, creditCode = s.Seller.CreditCode, entityNature = "022", countryCode = "CHN", divisionCode = "310110", organizationId = s.Seller.Id },
            new { role = "Buyer", name = s.Buyer.NameZh, creditCode = s.Buyer.CreditCode, entityNature = "150", countryCode = "CHN", divisionCode = "320102", organizationId = s.Buyer.Id },
        },
    };

    public static async Task<Guid> DraftAsync(this TechTransferFactory factory, ContractParties s, decimal total = 1_000_000m, IEnumerable<Guid>? achievementIds = null)
    {
        var seller = factory.ClientAs(s.SellerUser);
        var created = await seller.PostAsJsonAsync("/api/v1/contracts", DraftRequest(s, total, achievementIds: achievementIds));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        await OkAsync(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/attachments",
            new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 }));
        return id;
    }

    public static async Task<Guid> SubmittedAsync(this TechTransferFactory factory, ContractParties s, decimal total = 1_000_000m, IEnumerable<Guid>? achievementIds = null)
    {
        var id = await factory.DraftAsync(s, total, achievementIds);
        await OkAsync(await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/submit", null));
        return id;
    }

    public static async Task<Guid> RegisteredAsync(this TechTransferFactory factory, ContractParties s, decimal total = 1_000_000m, IEnumerable<Guid>? achievementIds = null)
    {
        var id = await factory.SubmittedAsync(s, total, achievementIds);
        var registrar = factory.ClientAs(s.Registrar);
        await OkAsync(await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null));
        await OkAsync(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { }));
        return id;
    }

    /// <summary>An achievement of <paramref name="organizationId"/> taken through disclosure to unit registration (confidential or public).</summary>
    public static async Task<Guid> RegisteredAchievementAsync(this TechTransferFactory factory, Guid organizationId, bool confidential = false)
    {
        var office = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, organizationId));
        var researcherUser = await factory.CreateAccountAsync(Roles.Researcher, organizationId);
        var researcher = factory.ClientAs(researcherUser);
        var created = await researcher.PostAsJsonAsync("/api/v1/achievements", new
        {
            title = $"基于深度学习的锂电池缺陷检测方法 {Guid.NewGuid():N}"[..24], titleEn = "Deep-learning defect detection", @abstract = "利用卷积神经网络对锂电池极片进行在线缺陷检测。",
            keywords = new[] { "锂电池" }, technicalField = "计算机科学与技术", ipcCodes = new[] { "G06N 3/08" }, ipType = "PatentApplication", trl = 5,
            fundingSource = "Own", projectReferences = Array.Empty<string>(),
            completers = new object[] { new { name = "张伟", userId = researcherUser.UserId, contributionPercent = 100m } },
            patentApplicationNumbers = Array.Empty<string>(), isConfidential = confidential,
        });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        await OkAsync(await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null));
        await OkAsync(await office.PostAsync($"/api/v1/achievements/{id}/start-review", null));
        await OkAsync(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/register", new { reason = "符合登记条件" }));
        return id;
    }

    /// <summary>A real registrar account (the assignee of a bulk assignment must exist and hold the role).</summary>
    public static async Task<Guid> CreateUserAsync(this TechTransferFactory factory, string role, Guid organizationId, string displayName) =>
        (await factory.CreateAccountAsync(role, organizationId, displayName)).UserId;

    /// <summary>The <c>rule</c> of the field error for <paramref name="field"/> in a problem body.</summary>
    public static string? FieldRule(JsonElement problem, string field) =>
        problem.GetProperty("fieldErrors").EnumerateArray().First(e => e.GetProperty("field").GetString() == field).TryGetProperty("rule", out var r) ? r.GetString() : null;

    /// <summary>The contract's current version, as the seller reads it.</summary>
    public static async Task<int> VersionAsync(this TechTransferFactory factory, TestUser reader, Guid id) =>
        (await OkAsync(await factory.ClientAs(reader).GetAsync($"/api/v1/contracts/{id}"))).GetProperty("version").GetInt32();

    public static async Task<JsonElement> OkAsync(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}

using System.Net;
using System.Net.Http.Json;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Demands;

/// <summary>The server-rendered pages answer in both languages and apply the same visibility as the API.</summary>
public abstract class DemandPagesTests(TechTransferFactory factory)
{
    private async Task<string> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        return WebUtility.HtmlDecode(body);
    }

    [Fact]
    public async Task Published_demand_is_listed_and_shown_in_chinese_and_english()
    {
        var org = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id));
        var title = "退役电池直接再生" + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.PublishDemandAsync(owner, title: title);

        var list = await Html(factory.ClientAs(null), "/demands?q=" + Uri.EscapeDataString(title));
        Assert.Contains(title, list);
        Assert.Contains("企业发布的技术需求，经平台审核后公开", list);
        var english = await Html(factory.ClientAs(null, "en"), $"/demands/{id}?culture=en");
        Assert.Contains(title, english);
        Assert.Contains("Cooperation modes", english);
        Assert.Contains("Joint development", english);
    }

    [Fact]
    public async Task Draft_page_shows_not_found_to_another_enterprise_and_the_actions_to_its_owner()
    {
        var org = await factory.CreateOrganizationAsync();
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id));
        var id = await owner.CreateDemandAsync(factory.Clock.GetUtcNow(), title: "不公开的草稿需求");
        var other = factory.ClientAs(TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id));

        var hidden = await Html(other, $"/demands/{id}");
        Assert.DoesNotContain("不公开的草稿需求", hidden);
        Assert.Contains("data-testid=\"not-found\"", hidden);
        var mine = await Html(owner, $"/demands/{id}");
        Assert.Contains("不公开的草稿需求", mine);
        Assert.Contains("data-testid=\"submit-demand\"", mine);
    }

    [Fact]
    public async Task Posting_form_and_challenge_pages_render()
    {
        var org = await factory.CreateOrganizationAsync();
        var enterprise = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id));
        Assert.Contains("data-testid=\"save-demand\"", await Html(enterprise, "/demands/new"));
        Assert.Contains("data-testid=\"save-challenge\"", await Html(enterprise, "/challenges/new"));

        var created = await enterprise.PostAsJsonAsync("/api/v1/challenges", DemandsApi.ChallengeBody(factory.Clock.GetUtcNow()));
        var id = (await created.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var page = await Html(enterprise, $"/challenges/{id}");
        Assert.Contains("高精度滚珠丝杠国产化揭榜挂帅", page);
        Assert.Contains("data-testid=\"add-judge\"", page);
        Assert.Contains("Challenges", await Html(factory.ClientAs(null, "en"), "/challenges?culture=en"));
    }
}

public sealed class DemandPagesTests_Sqlite(DemandsSqliteFactory f) : DemandPagesTests(f), IClassFixture<DemandsSqliteFactory>;

[Collection("Postgres")]
public sealed class DemandPagesTests_Postgres(DemandsPostgresFactory f) : DemandPagesTests(f), IClassFixture<DemandsPostgresFactory>;

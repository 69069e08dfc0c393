using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.Demands.Features;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.ApiTests.Demands;

/// <summary>Technology demands through HTTP, once on SQLite and once on PostgreSQL: journeys, filters and denials.</summary>
public abstract class DemandApiTests(TechTransferFactory factory)
{
    private async Task<(HttpClient Client, Guid Org)> EnterpriseAsync()
    {
        var org = await factory.CreateOrganizationAsync();
        return (factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id)), org.Id);
    }

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    [Fact]
    public async Task Enterprise_posts_a_draft_submits_it_and_after_approval_anyone_sees_it()
    {
        var (owner, org) = await EnterpriseAsync();
        var created = await (await owner.PostAsJsonAsync("/api/v1/demands", DemandsApi.DemandBody(Now))).Json(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal(org, created.GetProperty("ownerOrganizationId").GetGuid());
        Assert.Equal("H05K 7/20", created.GetProperty("ipcCodes")[0].GetString());

        var submitted = await (await owner.PostAsync($"/api/v1/demands/{id}/submit", null)).Json(HttpStatusCode.OK);
        Assert.Equal("UnderReview", submitted.GetProperty("status").GetString());
        await (await factory.ClientAs(null).GetAsync($"/api/v1/demands/{id}")).Json(HttpStatusCode.NotFound);

        var reviewer = factory.ClientAs(TestUser.Of(Roles.TechManager, (await factory.CreateOrganizationAsync()).Id));
        var approved = await (await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/approve", new { comment = "内容完整" })).Json(HttpStatusCode.OK);
        Assert.Equal("Published", approved.GetProperty("status").GetString());

        var anonymous = await (await factory.ClientAs(null).GetAsync($"/api/v1/demands/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("新能源汽车电机控制器液冷散热方案", anonymous.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("contact").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("reviewComment").ValueKind);
    }

    [Fact]
    public async Task Owner_organisation_is_notified_when_its_demand_is_published()
    {
        var (owner, org) = await EnterpriseAsync();
        var id = await factory.PublishDemandAsync(owner, title: "通知测试需求");
        var notes = await factory.WithDbAsync((db, _) => db.Notifications.Where(n => n.RecipientOrganizationId == org).ToListAsync());
        var note = Assert.Single(notes);
        Assert.Contains("通知测试需求", note.TitleZh);
        Assert.Contains("approved", note.TitleEn);
        Assert.Equal($"/demands/{id}", note.Link);
    }

    [Fact]
    public async Task Another_enterprise_cannot_see_a_draft_directly_or_in_the_list()
    {
        var (owner, _) = await EnterpriseAsync();
        var (other, _) = await EnterpriseAsync();
        var title = "草稿需求" + Guid.NewGuid().ToString("N")[..6];
        var id = await owner.CreateDemandAsync(Now, title);

        var response = await other.GetAsync($"/api/v1/demands/{id}");
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "demand.not_found");
        var list = await (await other.GetAsync($"/api/v1/demands?q={title}")).Json(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var own = await (await owner.GetAsync($"/api/v1/demands?q={title}")).Json(HttpStatusCode.OK);
        Assert.Equal(1, own.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_enterprise_cannot_edit_a_draft_and_it_stays_unchanged()
    {
        var (owner, _) = await EnterpriseAsync();
        var (other, _) = await EnterpriseAsync();
        var id = await owner.CreateDemandAsync(Now);
        var response = await other.PutAsJsonAsync($"/api/v1/demands/{id}", WithVersion(DemandsApi.DemandBody(Now, title: "被篡改的需求"), 1));
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "demand.not_found");
        var title = await factory.WithDbAsync((db, _) => db.Set<Demand>().Where(d => d.Id == id).Select(d => d.Title).SingleAsync());
        Assert.Equal("新能源汽车电机控制器液冷散热方案", title);
    }

    [Fact]
    public async Task Another_enterprise_cannot_close_a_published_demand_it_can_see()
    {
        var (owner, _) = await EnterpriseAsync();
        var (other, _) = await EnterpriseAsync();
        var id = await factory.PublishDemandAsync(owner);
        var response = await other.PostAsJsonAsync($"/api/v1/demands/{id}/close", new { reason = "捣乱" });
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "demand.not_owner");
        var status = await factory.WithDbAsync((db, _) => db.Set<Demand>().Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
        Assert.Equal(DemandStatus.Published, status);
    }

    [Fact]
    public async Task Owner_edits_a_draft_with_its_version_and_a_stale_version_is_a_conflict()
    {
        var (owner, _) = await EnterpriseAsync();
        var id = await owner.CreateDemandAsync(Now);
        var body = DemandsApi.DemandBody(Now, title: "修订后的散热需求");
        var edited = await (await owner.PutAsJsonAsync($"/api/v1/demands/{id}", WithVersion(body, 1))).Json(HttpStatusCode.OK);
        Assert.Equal("修订后的散热需求", edited.GetProperty("title").GetString());
        var stale = await owner.PutAsJsonAsync($"/api/v1/demands/{id}", WithVersion(body, 1));
        await ProblemAssert.IsProblem(stale, HttpStatusCode.Conflict, "concurrency.conflict");
    }

    [Fact]
    public async Task Researcher_cannot_post_a_demand()
    {
        var org = await factory.CreateOrganizationAsync();
        var response = await factory.ClientAs(TestUser.Of(Roles.Researcher, org.Id)).PostAsJsonAsync("/api/v1/demands", DemandsApi.DemandBody(Now));
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "demand.only_enterprises_post");
    }

    [Fact]
    public async Task Anonymous_caller_cannot_post_a_demand()
    {
        var response = await factory.ClientAs(null).PostAsJsonAsync("/api/v1/demands", DemandsApi.DemandBody(Now));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_ipc_code_and_inverted_budget_are_bilingual_field_errors_and_nothing_is_saved()
    {
        var (owner, org) = await EnterpriseAsync();
        var response = await owner.PostAsJsonAsync("/api/v1/demands", DemandsApi.DemandBody(Now, ipc: ["电机控制"], min: 2_000_000m, max: 1_000_000m));
        await ProblemAssert.HasFieldError(response, "ipcCodes", "demand.ipc_code_invalid");
        var json = await ProblemAssert.HasFieldError(await owner.PostAsJsonAsync("/api/v1/demands", DemandsApi.DemandBody(Now, min: 2_000_000m, max: 1_000_000m)),
            "budgetMinYuan", "demand.budget_min_above_max");
        Assert.Contains("预算下限", json.GetProperty("errors").GetProperty("budgetMinYuan")[0].GetString());
        Assert.False(await factory.WithDbAsync((db, _) => db.Set<Demand>().AnyAsync(d => d.OwnerOrganizationId == org)));
    }

    [Fact]
    public async Task Field_errors_follow_accept_language()
    {
        var org = await factory.CreateOrganizationAsync();
        var en = factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id), "en");
        var json = await ProblemAssert.HasFieldError(await en.PostAsJsonAsync("/api/v1/demands", DemandsApi.DemandBody(Now, division: "990000")),
            "divisionCode", "demand.division_code_invalid");
        Assert.Contains("GB/T 2260", json.GetProperty("errors").GetProperty("divisionCode")[0].GetString());
        Assert.StartsWith("\"990000\" is not", json.GetProperty("errors").GetProperty("divisionCode")[0].GetString());
    }

    [Fact]
    public async Task Owner_cannot_approve_its_own_demand()
    {
        var (owner, _) = await EnterpriseAsync();
        var id = await owner.CreateDemandAsync(Now);
        await owner.PostAsync($"/api/v1/demands/{id}/submit", null);
        await ProblemAssert.IsProblem(await owner.PostAsJsonAsync($"/api/v1/demands/{id}/approve", new { }), HttpStatusCode.Forbidden, "demand.not_reviewer");
    }

    [Fact]
    public async Task Returning_a_demand_needs_a_reason_and_the_owner_sees_it()
    {
        var (owner, _) = await EnterpriseAsync();
        var id = await owner.CreateDemandAsync(Now);
        await owner.PostAsync($"/api/v1/demands/{id}/submit", null);
        var admin = factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null));
        await ProblemAssert.HasFieldError(await admin.PostAsJsonAsync($"/api/v1/demands/{id}/reject", new { reason = "" }), "reason", "demand.rejection_reason_required");
        await (await admin.PostAsJsonAsync($"/api/v1/demands/{id}/reject", new { reason = "请补充预期指标" })).Json(HttpStatusCode.OK);
        var mine = await (await owner.GetAsync($"/api/v1/demands/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("Draft", mine.GetProperty("status").GetString());
        Assert.Equal("请补充预期指标", mine.GetProperty("reviewComment").GetString());
        Assert.True(mine.GetProperty("can").GetProperty("edit").GetBoolean());
    }

    [Fact]
    public async Task Private_demand_is_hidden_from_other_enterprises_even_when_published()
    {
        var (owner, _) = await EnterpriseAsync();
        var (other, _) = await EnterpriseAsync();
        var id = await factory.PublishDemandAsync(owner, visibility: "Private");
        await ProblemAssert.IsProblem(await other.GetAsync($"/api/v1/demands/{id}"), HttpStatusCode.NotFound, "demand.not_found");
        var mine = await (await owner.GetAsync($"/api/v1/demands/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("王工", mine.GetProperty("contact").GetProperty("name").GetString());
    }

    [Fact]
    public async Task After_match_contact_is_shown_to_the_matched_organisation_only()
    {
        var (owner, _) = await EnterpriseAsync();
        var partnerOrg = await factory.CreateOrganizationAsync(TechTransfer.Organizations.Domain.OrganizationKind.University, "022");
        var partner = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, partnerOrg.Id));
        var (bystander, _) = await EnterpriseAsync();
        var id = await factory.PublishDemandAsync(owner);
        Assert.Equal(JsonValueKind.Null, (await (await partner.GetAsync($"/api/v1/demands/{id}")).Json(HttpStatusCode.OK)).GetProperty("contact").ValueKind);

        await (await owner.PostAsJsonAsync($"/api/v1/demands/{id}/match", new { organizationId = partnerOrg.Id })).Json(HttpStatusCode.OK);
        var seen = await (await partner.GetAsync($"/api/v1/demands/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("Matched", seen.GetProperty("status").GetString());
        Assert.Equal("021-50801234", seen.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, (await (await bystander.GetAsync($"/api/v1/demands/{id}")).Json(HttpStatusCode.OK)).GetProperty("contact").ValueKind);
    }

    [Fact]
    public async Task List_filters_by_ipc_prefix_region_mode_and_budget_overlap()
    {
        var (owner, _) = await EnterpriseAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var battery = await factory.PublishDemandAsync(owner, title: $"电池回收{tag}", ipc: ["H01M 10/54"], division: "310112", min: 2_000_000m, max: 5_000_000m, modes: ["Transfer"]);
        var vision = await factory.PublishDemandAsync(owner, title: $"视觉检测{tag}", ipc: ["G06T 7/00"], division: "330100", min: 100_000m, max: 300_000m, modes: ["Consulting"]);
        var anyone = factory.ClientAs(null);

        async Task<Guid[]> Ids(string query) => (await (await anyone.GetAsync($"/api/v1/demands?q={tag}&{query}")).Json(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray();

        Assert.Equal(new[] { battery }, await Ids("ipc=h01m"));
        Assert.Equal(new[] { vision }, await Ids("division=330000"));
        Assert.Equal(new[] { battery }, await Ids("mode=Transfer"));
        Assert.Equal(new[] { battery }, await Ids("budgetMin=1000000"));
        Assert.Equal(new[] { vision }, await Ids("budgetMax=500000"));
        Assert.Equal(2, (await Ids("sort=deadline&desc=false")).Length);
    }

    [Fact]
    public async Task Unknown_filter_values_and_oversized_pages_are_field_errors()
    {
        var anyone = factory.ClientAs(null);
        await ProblemAssert.HasFieldError(await anyone.GetAsync("/api/v1/demands?pageSize=500"), "pageSize", "paging.page_size_out_of_range");
        await ProblemAssert.HasFieldError(await anyone.GetAsync("/api/v1/demands?status=Gone"), "status", "demand.unknown_status");
        await ProblemAssert.HasFieldError(await anyone.GetAsync("/api/v1/demands?sort=budget"), "sort", "paging.unknown_sort");
    }

    [Fact]
    public async Task Published_demand_reads_as_expired_after_its_deadline_and_the_job_stores_it()
    {
        var (owner, _) = await EnterpriseAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await factory.PublishDemandAsync(owner, title: $"短期需求{tag}", deadlineDays: 1);
        factory.Clock.Advance(TimeSpan.FromDays(1));

        var read = await (await owner.GetAsync($"/api/v1/demands/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("Expired", read.GetProperty("status").GetString());
        Assert.Equal("Published", read.GetProperty("storedStatus").GetString());
        var expiredList = await (await owner.GetAsync($"/api/v1/demands?q={tag}&status=Expired")).Json(HttpStatusCode.OK);
        Assert.Equal(1, expiredList.GetProperty("total").GetInt32());
        var partner = await factory.CreateOrganizationAsync();
        await ProblemAssert.IsProblem(await owner.PostAsJsonAsync($"/api/v1/demands/{id}/match", new { organizationId = partner.Id }),
            HttpStatusCode.Conflict, "demand.invalid_transition");

        var expired = await factory.WithDbAsync((_, sp) => sp.GetRequiredService<DemandService>().ExpireDueAsync(default));
        Assert.True(expired >= 1);
        var stored = await factory.WithDbAsync((db, _) => db.Set<Demand>().Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
        Assert.Equal(DemandStatus.Expired, stored);
    }

    [Fact]
    public async Task Search_documents_are_public_only_for_published_non_private_demands()
    {
        var (owner, org) = await EnterpriseAsync();
        var draft = await owner.CreateDemandAsync(Now);
        var published = await factory.PublishDemandAsync(owner);
        var hidden = await factory.PublishDemandAsync(owner, visibility: "Private");

        var docs = await factory.WithDbAsync(async (_, sp) =>
        {
            var source = sp.GetServices<ISearchDocumentSource>().Single(s => s.Type == SearchDocumentTypes.Demand);
            return new[] { (await source.LoadAsync(draft, default))!, (await source.LoadAsync(published, default))!, (await source.LoadAsync(hidden, default))! };
        });
        Assert.Equal(new[] { false, true, false }, docs.Select(d => d.IsPublic));
        Assert.All(docs, d => Assert.Equal(new[] { org }, d.VisibleToOrganizations));
        Assert.Equal($"/demands/{published}", docs[1].Url);
        Assert.Contains("IGBT", docs[1].Body);
        Assert.Equal(500_000m, docs[1].PriceMinYuan);
        Assert.Null(await factory.WithDbAsync((_, sp) => sp.GetServices<ISearchDocumentSource>().Single(s => s.Type == SearchDocumentTypes.Demand).LoadAsync(Guid.NewGuid(), default)));
    }

    private static Dictionary<string, object?> WithVersion(object body, int version)
    {
        var json = JsonSerializer.SerializeToElement(body);
        var dict = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        dict["version"] = version;
        return dict;
    }
}

public sealed class DemandApiTests_Sqlite(DemandsSqliteFactory f) : DemandApiTests(f), IClassFixture<DemandsSqliteFactory>;

[Collection("Postgres")]
public sealed class DemandApiTests_Postgres(DemandsPostgresFactory f) : DemandApiTests(f), IClassFixture<DemandsPostgresFactory>;

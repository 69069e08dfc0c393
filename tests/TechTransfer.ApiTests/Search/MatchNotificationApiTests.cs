using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Demands;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Notifications;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.Search.Features;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

using static TechTransfer.ApiTests.Search.SearchApiTestData;

namespace TechTransfer.ApiTests.Search;

/// <summary>
/// New-match notifications (after indexing, once per pair, only to those who may see both records) and the assignment
/// of technology managers, through HTTP, on SQLite and PostgreSQL.
/// </summary>
public abstract class MatchNotificationApiTests(TechTransferFactory factory)
{
    /// <summary>Unrelated records, so that matching's document-frequency cut (≤ 25 %) keeps the distinctive words.</summary>
    private async Task FillIndexAsync()
    {
        var index = factory.Services.GetRequiredService<SearchIndex>();
        for (var i = 0; i < 40; i++)
            index.Upsert(new SearchDocument { Type = SearchDocumentTypes.Organization, Id = Guid.NewGuid(), Title = $"园林绿化养护服务中心{i}", Body = "城市绿地 苗木 灌溉", IsPublic = true });
        index.Commit();
        await DrainAsync();
    }

    private Task<int> DrainAsync() => factory.DrainAsync();

    private static Institution NewInstitution() => Institution.New();

    private Task<Guid> RegisteredAchievementAsync(Institution i, string title = MatchingTitle, string summary = MatchingAbstract, bool confidential = false) =>
        factory.RegisteredAchievementAsync(i, title, summary, confidential);

    /// <summary>A published demand; its title ends in a number unique to the test (numbers are never key terms, so
    /// matching is unaffected), which tells its notifications apart from those of other tests' demands in the shared index.</summary>
    private async Task<(HttpClient Owner, Guid Org, Guid DemandId, string Title)> PublishedDemandAsync(string visibility = "AfterMatch")
    {
        var org = (await factory.CreateOrganizationAsync()).Id;
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, org));
        var title = $"新能源汽车电机控制器液冷散热方案 {Random.Shared.Next(100_000, 999_999)}";
        var id = await factory.PublishDemandAsync(owner, title: title, visibility: visibility);
        await DrainAsync();
        return (owner, org, id, title);
    }

    /// <summary>The new-match notifications (other kinds — a disclosure to review, a decision — are not this test's subject).</summary>
    private Task<List<Notification>> NotificationsAsync() =>
        factory.WithDbAsync((db, _) => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKinds.NewMatch).ToListAsync());

    private Task<List<MatchNotice>> NoticesAsync(Guid demandId) =>
        factory.WithDbAsync((db, _) => db.Set<MatchNotice>().AsNoTracking().Where(n => n.DemandId == demandId).ToListAsync());

    private static HttpClient Admin(TechTransferFactory f) => f.ClientAs(TestUser.Of(Roles.PlatformAdmin, null));

    // ------------------------------------------------------------------ notifications

    [Fact]
    public async Task A_published_demand_notifies_its_enterprise_the_achievement_office_and_the_achievements_manager()
    {
        await FillIndexAsync();
        var inst = NewInstitution();
        var achievement = await RegisteredAchievementAsync(inst);
        var manager = await factory.CreateAccountAsync(Roles.TechManager, Guid.NewGuid());
        await (await factory.ClientAs(inst.Office).PostAsJsonAsync($"/api/v1/achievements/{achievement}/managers", new { userId = manager.UserId }))
            .Json(HttpStatusCode.Created);

        var (_, org, demand, title) = await PublishedDemandAsync();

        var notices = await NoticesAsync(demand);   // other tests' achievements in the shared index may match too
        var notice = Assert.Single(notices, n => n.SupplyId == achievement);
        Assert.Equal(SearchDocumentTypes.Achievement, notice.SupplyType);
        Assert.True(notice.Strength >= 0.3, $"strength {notice.Strength}");
        var all = await NotificationsAsync();
        var toEnterprise = all.Where(n => n.RecipientOrganizationId == org && n.Link == $"/demands/{demand}/matches").ToList();
        Assert.Equal(notices.Count, toEnterprise.Count);   // one per announced pair
        Assert.All(toEnterprise, n => Assert.Equal(Roles.Enterprise, n.RecipientRole));
        Assert.Contains(MatchingTitle, toEnterprise[0].TitleZh);
        var toOffice = Assert.Single(all, n => n.RecipientOrganizationId == inst.Org && n.TitleZh.Contains(title));
        Assert.Equal($"/achievements/{achievement}/matches", toOffice.Link);
        Assert.Equal(Roles.InstitutionAdmin, toOffice.RecipientRole);
        Assert.Single(all, n => n.RecipientUserId == manager.UserId && n.Link == $"/demands/{demand}");
    }

    [Fact]
    public async Task A_pair_is_announced_only_once_even_when_both_records_are_indexed_again()
    {
        await FillIndexAsync();
        var inst = NewInstitution();
        var achievement = await RegisteredAchievementAsync(inst);
        var (_, org, demand, title) = await PublishedDemandAsync();
        var before = (await NotificationsAsync()).Count(n => n.RecipientOrganizationId == org);
        Assert.True(before >= 1);
        var noticesBefore = (await NoticesAsync(demand)).Count;

        // the indexer sees both records again (as after an edit or a crash before the outbox rows were deleted)
        await factory.WithDbAsync(async db =>
        {
            db.SearchOutbox.Add(new Data.Outbox.SearchOutboxEntry(SearchDocumentTypes.Demand, demand, factory.Clock.GetUtcNow()));
            db.SearchOutbox.Add(new Data.Outbox.SearchOutboxEntry(SearchDocumentTypes.Achievement, achievement, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        await DrainAsync();

        Assert.Equal(noticesBefore, (await NoticesAsync(demand)).Count);
        Assert.Single(await NoticesAsync(demand), n => n.SupplyId == achievement);
        Assert.Equal(before, (await NotificationsAsync()).Count(n => n.RecipientOrganizationId == org));
        Assert.Single(await NotificationsAsync(), n => n.RecipientOrganizationId == inst.Org && n.TitleZh.Contains(title));
    }

    [Fact]
    public async Task A_pair_whose_two_records_are_indexed_in_the_same_batch_is_announced_once()
    {
        await FillIndexAsync();
        var inst = NewInstitution();
        var achievement = await RegisteredAchievementAsync(inst);
        var org = (await factory.CreateOrganizationAsync()).Id;
        var owner = factory.ClientAs(TestUser.Of(Roles.Enterprise, org));
        var title = $"新能源汽车电机控制器液冷散热方案 {Random.Shared.Next(100_000, 999_999)}";
        var demand = await factory.PublishDemandAsync(owner, title: title);
        // the achievement is re-indexed in the same batch as the new demand: each finds the other
        await factory.WithDbAsync(async db =>
        {
            db.SearchOutbox.Add(new Data.Outbox.SearchOutboxEntry(SearchDocumentTypes.Achievement, achievement, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        await DrainAsync();

        Assert.Single(await NoticesAsync(demand), n => n.SupplyId == achievement);
        Assert.Single(await NotificationsAsync(), n => n.RecipientOrganizationId == inst.Org && n.TitleZh.Contains(title));
    }

    [Fact]
    public async Task A_new_achievement_notifies_the_demands_enterprise_and_the_manager_the_platform_assigned_to_the_demand()
    {
        await FillIndexAsync();
        var (_, org, demand, title) = await PublishedDemandAsync();
        var manager = await factory.CreateAccountAsync(Roles.TechManager, Guid.NewGuid());
        await (await Admin(factory).PostAsJsonAsync($"/api/v1/demands/{demand}/managers", new { userId = manager.UserId })).Json(HttpStatusCode.Created);

        var inst = NewInstitution();
        var achievement = await RegisteredAchievementAsync(inst);

        var notices = await NoticesAsync(demand);
        Assert.Single(notices, n => n.SupplyId == achievement);
        var all = await NotificationsAsync();
        Assert.Equal(notices.Count, all.Count(n => n.RecipientOrganizationId == org && n.Link == $"/demands/{demand}/matches"));
        var toManager = all.Where(n => n.RecipientUserId == manager.UserId).ToList();
        Assert.True(toManager.Count == 1, string.Join(" | ", toManager.Select(n => n.TitleZh)));
        Assert.Equal($"/demands/{demand}/matches", toManager[0].Link);
        Assert.Single(all, n => n.RecipientOrganizationId == inst.Org && n.TitleZh.Contains(title));
    }

    [Fact]
    public async Task A_confidential_achievement_is_never_announced_to_anyone_outside_its_institution()
    {
        await FillIndexAsync();
        var inst = NewInstitution();
        var secret = await RegisteredAchievementAsync(inst, title: "机密：" + MatchingTitle, confidential: true);
        var (_, _, demand, _) = await PublishedDemandAsync();

        Assert.DoesNotContain(await NoticesAsync(demand), n => n.SupplyId == secret);
        Assert.DoesNotContain(await NotificationsAsync(), n => n.TitleZh.Contains("机密") || n.TitleEn.Contains("机密"));
    }

    [Fact]
    public async Task A_demand_with_private_contact_is_announced_to_its_enterprise_but_not_to_the_achievement_office()
    {
        await FillIndexAsync();
        var inst = NewInstitution();
        var achievement = await RegisteredAchievementAsync(inst);
        var (_, org, demand, title) = await PublishedDemandAsync(visibility: "Private");

        var notice = Assert.Single(await NoticesAsync(demand), n => n.SupplyId == achievement);
        Assert.Equal(1, notice.Recipients);
        var all = await NotificationsAsync();
        Assert.Contains(all, n => n.RecipientOrganizationId == org && n.Link == $"/demands/{demand}/matches");
        Assert.DoesNotContain(all, n => n.TitleZh.Contains(title) && n.RecipientOrganizationId != org);
    }

    [Fact]
    public async Task An_unrelated_achievement_below_the_threshold_is_not_announced()
    {
        await FillIndexAsync();
        var inst = NewInstitution();
        var unrelated = await RegisteredAchievementAsync(inst, title: "城市污水处理厂污泥干化焚烧工艺", summary: "采用低温干化与流化床焚烧处理市政污泥，实现减量化。");
        var (_, _, demand, _) = await PublishedDemandAsync();

        Assert.DoesNotContain(await NoticesAsync(demand), n => n.SupplyId == unrelated);
        Assert.DoesNotContain(await NotificationsAsync(), n => n.RecipientOrganizationId == inst.Org);
    }

    // ------------------------------------------------------------------ manager assignment

    [Fact]
    public async Task The_platform_assigns_a_manager_to_a_demand_the_owner_sees_it_and_it_is_audited()
    {
        var (owner, _, demand, _) = await PublishedDemandAsync();
        var manager = await factory.CreateAccountAsync(Roles.TechManager, Guid.NewGuid());
        var created = await (await Admin(factory).PostAsJsonAsync($"/api/v1/demands/{demand}/managers", new { userId = manager.UserId }))
            .Json(HttpStatusCode.Created);
        Assert.Equal(manager.UserId, created.GetProperty("managerUserId").GetGuid());

        var list = await (await owner.GetAsync($"/api/v1/demands/{demand}/managers")).Json(HttpStatusCode.OK);
        Assert.Equal(manager.UserId, Assert.Single(list.EnumerateArray()).GetProperty("managerUserId").GetGuid());
        var audited = await factory.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ManagerAssignment) && a.Action == "Added"
            && a.EntityId == created.GetProperty("id").GetGuid().ToString()));
        Assert.Equal(1, audited);

        await ProblemAssert.IsProblem(await Admin(factory).PostAsJsonAsync($"/api/v1/demands/{demand}/managers", new { userId = manager.UserId }),
            HttpStatusCode.Conflict, "manager_assignment.already_assigned");
    }

    [Fact]
    public async Task The_demands_own_enterprise_may_not_assign_a_manager()
    {
        var (owner, _, demand, _) = await PublishedDemandAsync();
        var manager = await factory.CreateAccountAsync(Roles.TechManager, Guid.NewGuid());
        await ProblemAssert.IsProblem(await owner.PostAsJsonAsync($"/api/v1/demands/{demand}/managers", new { userId = manager.UserId }),
            HttpStatusCode.Forbidden, "manager_assignment.forbidden");
        Assert.Equal(0, await factory.WithDbAsync((db, _) => db.Set<ManagerAssignment>().CountAsync(a => a.SubjectId == demand)));
    }

    [Fact]
    public async Task Another_institutions_office_may_not_assign_a_manager_to_an_achievement()
    {
        var achievement = await RegisteredAchievementAsync(NewInstitution());
        var manager = await factory.CreateAccountAsync(Roles.TechManager, Guid.NewGuid());
        await ProblemAssert.IsProblem(
            await factory.ClientAs(NewInstitution().Office).PostAsJsonAsync($"/api/v1/achievements/{achievement}/managers", new { userId = manager.UserId }),
            HttpStatusCode.Forbidden, "manager_assignment.forbidden");
    }

    [Fact]
    public async Task A_user_who_is_not_a_technology_manager_or_no_user_is_a_field_error()
    {
        var inst = NewInstitution();
        var achievement = await RegisteredAchievementAsync(inst);
        var colleague = await factory.CreateAccountAsync(Roles.Researcher, inst.Org);
        var outsider = await factory.CreateAccountAsync(Roles.Enterprise, Guid.NewGuid());
        var office = factory.ClientAs(inst.Office);
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/achievements/{achievement}/managers", new { userId = colleague.UserId }),
            "userId", "manager_assignment.not_a_tech_manager");
        // another organisation's user who is no technology manager is not visible: it reads like an unknown id
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/achievements/{achievement}/managers", new { userId = outsider.UserId }),
            "userId", "reference.not_found");
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/achievements/{achievement}/managers", new { }),
            "userId", "manager_assignment.user_required");
    }

    [Fact]
    public async Task Assigning_a_user_that_does_not_exist_is_a_reference_field_error()
    {
        var inst = NewInstitution();
        var achievement = await RegisteredAchievementAsync(inst);
        await ProblemAssert.HasFieldError(
            await factory.ClientAs(inst.Office).PostAsJsonAsync($"/api/v1/achievements/{achievement}/managers", new { userId = Guid.NewGuid() }),
            "userId", "reference.not_found");
        Assert.Equal(0, await factory.WithDbAsync((db, _) => db.Set<ManagerAssignment>().CountAsync(a => a.SubjectId == achievement)));
    }

    [Fact]
    public async Task The_assignment_body_is_validated_before_the_record_is_looked_up()
    {
        var office = factory.ClientAs(NewInstitution().Office);
        await ProblemAssert.HasFieldError(await office.PostAsJsonAsync($"/api/v1/achievements/{Guid.NewGuid()}/managers", new { userId = Guid.Empty }),
            "userId", "manager_assignment.user_required");
    }

    [Fact]
    public async Task A_role_that_never_assigns_managers_is_refused_before_anything_else()
    {
        var enterprise = factory.ClientAs(TestUser.Of(Roles.Enterprise, Guid.NewGuid()));
        await ProblemAssert.IsProblem(await enterprise.PostAsJsonAsync($"/api/v1/demands/{Guid.NewGuid()}/managers", new { }),
            HttpStatusCode.Forbidden, "manager_assignment.forbidden");
    }

    [Fact]
    public async Task A_manager_who_may_not_see_a_confidential_achievement_cannot_be_assigned_to_it()
    {
        var inst = NewInstitution();
        var secret = await RegisteredAchievementAsync(inst, confidential: true);
        var outsider = await factory.CreateAccountAsync(Roles.TechManager, Guid.NewGuid());
        await ProblemAssert.HasFieldError(
            await factory.ClientAs(inst.Office).PostAsJsonAsync($"/api/v1/achievements/{secret}/managers", new { userId = outsider.UserId }),
            "userId", "manager_assignment.manager_cannot_see");

        var insider = await factory.CreateAccountAsync(Roles.TechManager, inst.Org);
        await (await factory.ClientAs(inst.Office).PostAsJsonAsync($"/api/v1/achievements/{secret}/managers", new { userId = insider.UserId }))
            .Json(HttpStatusCode.Created);
        // another organisation does not learn that the confidential achievement exists
        await ProblemAssert.IsProblem(await factory.ClientAs(NewInstitution().Office).GetAsync($"/api/v1/achievements/{secret}/managers"),
            HttpStatusCode.NotFound, "search.source_not_found");
    }

    [Fact]
    public async Task The_office_unassigns_a_manager_and_the_list_is_empty()
    {
        var inst = NewInstitution();
        var achievement = await RegisteredAchievementAsync(inst);
        var manager = await factory.CreateAccountAsync(Roles.TechManager, Guid.NewGuid());
        var office = factory.ClientAs(inst.Office);
        await (await office.PostAsJsonAsync($"/api/v1/achievements/{achievement}/managers", new { userId = manager.UserId })).Json(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/v1/achievements/{achievement}/managers/{manager.UserId}")).StatusCode);
        var list = await (await office.GetAsync($"/api/v1/achievements/{achievement}/managers")).Json(HttpStatusCode.OK);
        Assert.Empty(list.EnumerateArray());
        await ProblemAssert.IsProblem(await office.DeleteAsync($"/api/v1/achievements/{achievement}/managers/{manager.UserId}"),
            HttpStatusCode.NotFound, "manager_assignment.not_found");
    }

    [Fact]
    public async Task Another_enterprise_may_not_list_a_demands_managers()
    {
        var (_, _, demand, _) = await PublishedDemandAsync();
        var other = factory.ClientAs(TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id));
        await ProblemAssert.IsProblem(await other.GetAsync($"/api/v1/demands/{demand}/managers"), HttpStatusCode.Forbidden, "auth.forbidden");
    }
}

public sealed class MatchNotificationApiTests_Sqlite(SqliteFactory f) : MatchNotificationApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class MatchNotificationApiTests_Postgres(PostgresFactory f) : MatchNotificationApiTests(f), IClassFixture<PostgresFactory>;

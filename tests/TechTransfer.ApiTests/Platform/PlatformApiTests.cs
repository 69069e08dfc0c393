using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ApiTests.Platform;

/// <summary>Sign-in, health, errors and schema: the platform around the modules, on both databases.</summary>
public abstract class PlatformApiTests(TechTransferFactory factory)
{
    private async Task<(string UserName, string Password)> CreateUserAsync(string role = Roles.Enterprise)
    {
        var org = await factory.CreateOrganizationAsync();
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        const string password = "Str0ng!Passw0rd";
        await factory.WithDbAsync(async (_, sp) =>
        {
            var result = await sp.GetRequiredService<UserAdministration>().CreateAsync(name, "测试用户", password, [role], org.Id);
            Assert.True(result.IsSuccess, result.Error?.En);
            return true;
        });
        return (name, password);
    }

    [Fact]
    public async Task The_schema_matches_the_model_so_no_migration_is_missing()
    {
        var pending = await factory.WithDbAsync((db, _) => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The {factory.Provider} model has changes without a migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public async Task Health_reports_status_storage_search_and_version()
    {
        var json = await factory.ClientAs(null).GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.Equal(factory.Provider.ToString(), json.GetProperty("storage").GetString());
        Assert.Equal("ready", json.GetProperty("searchIndex").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", json.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Login_returns_a_bearer_token_that_identifies_the_user()
    {
        var (user, password) = await CreateUserAsync();
        var client = factory.ClientAs(null);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(user, me.GetProperty("userName").GetString());
        Assert.Equal(new[] { Roles.Enterprise }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem()
    {
        var (user, _) = await CreateUserAsync();
        var response = await factory.ClientAs(null).PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = "wrong-Passw0rd!" });
        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var (user, password) = await CreateUserAsync();
        var client = factory.ClientAs(null);
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = "wrong-Passw0rd!" });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password });
        await ProblemAssert.IsProblem(response, (HttpStatusCode)423, "auth.locked_out");
    }

    [Fact]
    public async Task Empty_credentials_are_field_errors()
    {
        var response = await factory.ClientAs(null).PostAsJsonAsync("/api/v1/auth/login", new { userName = "", password = "" });
        await ProblemAssert.HasFieldError(response, "password", "auth.password_required");
    }

    [Fact]
    public async Task A_weak_password_is_refused_when_creating_a_user()
    {
        var org = await factory.CreateOrganizationAsync();
        var admin = TestUser.Of(Roles.PlatformAdmin, null);
        var response = await factory.ClientAs(admin).PostAsJsonAsync("/api/v1/users",
            new { userName = "weak" + Guid.NewGuid().ToString("N")[..6], displayName = "弱密码", password = "abc", roles = new[] { Roles.Enterprise }, organizationId = org.Id });
        var json = await ProblemAssert.HasFieldError(response, "password", "identity.PasswordTooShort");
        var error = json.GetProperty("fieldErrors").EnumerateArray().First(e => e.GetProperty("code").GetString() == "identity.PasswordTooShort");
        Assert.StartsWith("密码至少需要", error.GetProperty("zh").GetString());
        Assert.StartsWith("The password needs at least", error.GetProperty("en").GetString());
    }

    [Fact]
    public async Task Only_platform_admins_create_users()
    {
        var org = await factory.CreateOrganizationAsync();
        var response = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, org.Id)).PostAsJsonAsync("/api/v1/users",
            new { userName = "x" + Guid.NewGuid().ToString("N")[..6], displayName = "x", password = "Str0ng!Passw0rd", roles = new[] { Roles.PlatformAdmin } });
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_404_problem()
    {
        var response = await factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null)).GetAsync("/api/v1/no-such-thing");
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "route.not_found");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_organisation_endpoints()
    {
        var json = await factory.ClientAs(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.1", json.GetProperty("openapi").GetString());
        Assert.True(json.GetProperty("paths").TryGetProperty("/api/v1/organizations", out _));
    }

    [Fact]
    public async Task Notifications_reach_the_user_and_the_organisation_role_but_no_one_else()
    {
        var org = await factory.CreateOrganizationAsync();
        var other = await factory.CreateOrganizationAsync();
        var me = TestUser.Of(Roles.Enterprise, org.Id);
        await factory.WithDbAsync(async db =>
        {
            db.Add(TechTransfer.Data.Notifications.Notification.ToUser(me.UserId, "给我", "to me", null, factory.Clock.GetUtcNow()));
            db.Add(TechTransfer.Data.Notifications.Notification.ToOrganization(org.Id, Roles.Enterprise, "给机构", "to org", "/x", factory.Clock.GetUtcNow()));
            db.Add(TechTransfer.Data.Notifications.Notification.ToOrganization(other.Id, null, "给别人", "to others", null, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var list = await factory.ClientAs(me, "en").GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var titles = list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()!).OrderBy(t => t, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "to me", "to org" }, titles);
    }

    [Fact]
    public async Task Notification_list_sorts_filters_pages_and_exports_the_callers_own()
    {
        var org = await factory.CreateOrganizationAsync();
        var me = TestUser.Of(Roles.Enterprise, org.Id);
        var stranger = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);
        var now = factory.Clock.GetUtcNow();
        await factory.WithDbAsync(async db =>
        {
            db.Add(TechTransfer.Data.Notifications.Notification.ToUser(me.UserId, "甲 合同", "A contract", null, now.AddDays(-3), "contract.status"));
            db.Add(TechTransfer.Data.Notifications.Notification.ToUser(me.UserId, "乙 提醒", "B reminder", null, now.AddDays(-2), "reminder"));
            db.Add(TechTransfer.Data.Notifications.Notification.ToUser(me.UserId, "丙 匹配", "C match", null, now.AddDays(-1), "match.new"));
            await db.SaveChangesAsync();
        });
        var client = factory.ClientAs(me, "en");
        Task<(int Total, List<string> Names)> List(string query) =>
            ListApi.PageAsync(client, "/api/v1/notifications?" + query, n => n.GetProperty("titleEn").GetString()![..1]);

        ListApi.AssertPage(3, ["C", "B", "A"], await List("")); // the newest first
        ListApi.AssertPage(3, ["A", "B", "C"], await List("sort=createdAt"));
        ListApi.AssertPage(3, ["A", "C", "B"], await List("sort=kind"));
        ListApi.AssertPage(3, ["B"], await List("sort=createdAt&pageSize=1&page=2"));
        var day = BusinessTime.DateOf(now.AddDays(-2)).ToString("yyyy-MM-dd");
        ListApi.AssertPage(1, ["B"], await List($"from={day}&to={day}"));
        ListApi.AssertPage(1, ["A"], await List("kind=contract.status&unread=true"));
        await ProblemAssert.HasFieldError(await client.GetAsync("/api/v1/notifications?sort=title"), "sort", "paging.unknown_sort");

        foreach (var (language, kindHeader, reminder, stateHeader, unread) in new[] { ("zh-CN", "类别", "到期提醒", "状态", "未读"), ("en", "Kind", "Deadline reminders", "State", "Unread") })
        {
            var response = await factory.ClientAs(me, language).GetAsync("/api/v1/notifications/export?sort=createdAt&pageSize=1");
            ListApi.AssertExportName(response, "notifications");
            var rows = await ListFile.RowsAsync(response);
            Assert.Equal(3, rows.Count);
            Assert.Equal(reminder, rows[1][kindHeader]?.ToString());
            Assert.All(rows, r => Assert.Equal(unread, r[stateHeader]?.ToString()));
        }
        // nobody exports another user's notifications
        Assert.DoesNotContain(await ListFile.RowsAsync(await factory.ClientAs(stranger).GetAsync($"/api/v1/notifications/export?from={day}&to={day}")),
            r => r["通知"]?.ToString() == "乙 提醒");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/notifications/export")).StatusCode);
    }

    [Fact]
    public async Task A_user_cannot_mark_someone_elses_notification_read()
    {
        var org = await factory.CreateOrganizationAsync();
        var owner = TestUser.Of(Roles.Enterprise, org.Id);
        var stranger = TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id);
        var note = TechTransfer.Data.Notifications.Notification.ToUser(owner.UserId, "私信", "private", null, factory.Clock.GetUtcNow());
        await factory.WithDbAsync(async db => { db.Add(note); await db.SaveChangesAsync(); });

        var denied = await factory.ClientAs(stranger).PostAsync($"/api/v1/notifications/{note.Id}/read", null);
        await ProblemAssert.IsProblem(denied, HttpStatusCode.NotFound, "notification.not_found");
        var readAt = await factory.WithDbAsync((db, _) => db.Notifications.Where(n => n.Id == note.Id).Select(n => n.ReadAt).SingleAsync());
        Assert.Null(readAt);

        var allowed = await factory.ClientAs(owner).PostAsync($"/api/v1/notifications/{note.Id}/read", null);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
    }

    [Fact]
    public async Task Enterprises_cannot_list_users_and_institution_admins_see_only_their_own()
    {
        var org = await factory.CreateOrganizationAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id)).GetAsync("/api/v1/users"),
            HttpStatusCode.Forbidden, "auth.forbidden");

        await CreateUserAsync(); // a user of another organisation
        var users = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, org.Id)).GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.All(users.EnumerateArray(), u => Assert.Equal(org.Id, u.GetProperty("organizationId").GetGuid()));
    }
}

public sealed class PlatformApiTests_Sqlite(SqliteFactory f) : PlatformApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class PlatformApiTests_Postgres(PostgresFactory f) : PlatformApiTests(f), IClassFixture<PostgresFactory>;

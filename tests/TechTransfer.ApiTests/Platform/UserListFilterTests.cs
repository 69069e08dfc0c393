using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// The admin's user list filtered by "locked" and by role, through the API and the page: the workbench's
/// "locked accounts" card links to the filtered page, and the card's count, the API's list and the page's total agree.
/// </summary>
public abstract partial class UserListFilterTests(TechTransferFactory factory)
{
    private static readonly TestUser Admin = TestUser.Of(Roles.PlatformAdmin, null, "admin-user-list");

    private async Task<JsonElement> LockedCardAsync()
    {
        var wb = await factory.ClientAs(Admin).GetFromJsonAsync<JsonElement>("/api/v1/workbench");
        return wb.GetProperty("toDo").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "platform.locked_users");
    }

    [GeneratedRegex("data-testid=\"list-total\">[^<0-9]*(\\d+)")]
    private static partial Regex PageTotal();

    [Fact]
    public async Task The_locked_card_links_to_the_filtered_list_and_the_counts_agree()
    {
        var client = factory.ClientAs(Admin);
        var (locked, _) = await factory.CreateUserAsync(Roles.Enterprise);
        var (alsoLocked, _) = await factory.CreateUserAsync(Roles.Researcher);
        var (open, _) = await factory.CreateUserAsync(Roles.Enterprise);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/users/{locked}/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/users/{alsoLocked}/lock", null)).StatusCode);

        var card = await LockedCardAsync();
        Assert.Equal("/admin/users?locked=true", card.GetProperty("link").GetString());
        var count = card.GetProperty("count").GetInt64();
        Assert.True(count >= 2);

        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/users?locked=true");
        var ids = api.EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(count, ids.Count);
        Assert.Contains(locked, ids);
        Assert.Contains(alsoLocked, ids);
        Assert.DoesNotContain(open, ids);
        Assert.All(api.EnumerateArray(), u => Assert.True(u.GetProperty("lockedOut").GetBoolean()));

        var html = await client.GetStringAsync("/admin/users?locked=true");
        Assert.Equal(count, long.Parse(PageTotal().Match(html).Groups[1].Value));
        var all = await client.GetStringAsync("/admin/users");
        Assert.True(long.Parse(PageTotal().Match(all).Groups[1].Value) > count);

        // locked and holding a role
        var researchers = await client.GetFromJsonAsync<JsonElement>("/api/v1/users?locked=true&role=Researcher");
        Assert.Contains(alsoLocked, researchers.EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));
        Assert.All(researchers.EnumerateArray(), u => Assert.Contains("Researcher", u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        Assert.DoesNotContain(locked, researchers.EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));

        // unlocking takes the account off the card and the filtered list
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/users/{locked}/unlock", null)).StatusCode);
        Assert.Equal(count - 1, (await LockedCardAsync()).GetProperty("count").GetInt64());
        Assert.Equal(count - 1, (await client.GetFromJsonAsync<JsonElement>("/api/v1/users?locked=true")).GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_role_is_a_field_error_and_others_may_not_filter_every_account()
    {
        await ProblemAssert.HasFieldError(await factory.ClientAs(Admin).GetAsync("/api/v1/users?role=Wizard"), "roles", "user.unknown_role");
        var org = await factory.CreateOrganizationAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(TestUser.Of(Roles.Enterprise, org.Id)).GetAsync("/api/v1/users?locked=true")).StatusCode);
        // an institution's admin sees its own organisation's accounts only, filtered the same way
        var mine = (await factory.CreateAccountAsync(Roles.Researcher, org.Id)).UserId;
        var (elsewhere, _) = await factory.CreateUserAsync(Roles.Researcher);
        await factory.ClientAs(Admin).PostAsync($"/api/v1/users/{mine}/lock", null);
        await factory.ClientAs(Admin).PostAsync($"/api/v1/users/{elsewhere}/lock", null);
        var office = await factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, org.Id)).GetFromJsonAsync<JsonElement>("/api/v1/users?locked=true");
        Assert.Equal([mine], office.EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToArray());
        // the page ignores an unknown role
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Admin).GetAsync("/admin/users?role=Wizard")).StatusCode);
    }
}

public sealed class UserListFilterTests_Sqlite(SqliteFactory f) : UserListFilterTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class UserListFilterTests_Postgres(PostgresFactory f) : UserListFilterTests(f), IClassFixture<PostgresFactory>;

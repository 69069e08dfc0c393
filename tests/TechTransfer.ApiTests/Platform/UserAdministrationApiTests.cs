using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TechTransfer.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data.Audit;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// A platform admin edits accounts (name, e-mail, organisation), sets a new password, locks, unlocks and changes roles;
/// every change is in the audit log; anyone else is refused (403), also an institution's own admin.
/// </summary>
public abstract class UserAdministrationApiTests(TechTransferFactory factory)
{
    private static readonly TestUser Admin = TestUser.Of(Roles.PlatformAdmin, null, "admin-users");

    private async Task<JsonElement> GetAsync(Guid id) =>
        await factory.ClientAs(Admin).GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");

    private async Task<List<JsonElement>> TrailAsync(Guid id)
    {
        var page = await factory.ClientAs(Admin).GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=PlatformUser&entityId={id}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task An_admin_edits_name_email_and_organisation_and_the_change_is_audited()
    {
        var (id, _) = await factory.CreateUserAsync();
        var other = await factory.CreateOrganizationAsync();
        var saved = await factory.ClientAs(Admin).PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "  王小明 ", email = "wang@example.org", organizationId = other.Id });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);

        var user = await GetAsync(id);
        Assert.Equal("王小明", user.GetProperty("displayName").GetString());
        Assert.Equal("wang@example.org", user.GetProperty("email").GetString());
        Assert.Equal(other.Id, user.GetProperty("organizationId").GetGuid());

        var modified = (await TrailAsync(id)).Where(e => e.GetProperty("action").GetString() == "Modified").Select(e => e.GetProperty("after").GetString()!).ToList();
        Assert.Contains(modified, a => a.Contains("王小明") && a.Contains(other.Id.ToString()) && a.Contains("wang@example.org"));
        Assert.All(await TrailAsync(id), e => Assert.DoesNotContain("PasswordHash", e.GetProperty("after").ToString()));
    }

    [Fact]
    public async Task The_profile_is_validated_before_the_account_is_loaded()
    {
        var (id, _) = await factory.CreateUserAsync();
        var client = factory.ClientAs(Admin);
        var bad = await client.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = " ", email = "not-an-address", organizationId = Guid.NewGuid() });
        await ProblemAssert.HasFieldError(bad, "displayName", "user.display_name_required");
        await ProblemAssert.HasFieldError(await client.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "x", email = "not-an-address", organizationId = Guid.NewGuid() }),
            "email", "user.email_invalid");
        await ProblemAssert.HasFieldError(await client.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "x", organizationId = Guid.NewGuid() }),
            "organizationId", "reference.not_found");
        // a researcher without an organisation is refused; the body of an unknown account is still checked first
        await ProblemAssert.HasFieldError(await client.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "x" }), "organizationId", "user.organization_required");
        await ProblemAssert.HasFieldError(await client.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}", new { displayName = "" }), "displayName", "user.display_name_required");
        await ProblemAssert.IsProblem(await client.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}", new { displayName = "x" }), HttpStatusCode.NotFound, "user.not_found");
        Assert.Equal("测试用户", (await GetAsync(id)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_password_reset_replaces_the_password_ends_sessions_and_is_audited()
    {
        var (id, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        var before = (await GetAsync(id)).GetProperty("passwordChangedAt").GetDateTimeOffset();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var weak = await factory.ClientAs(Admin).PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "short" });
        await ProblemAssert.HasFieldError(weak, "newPassword", "identity.PasswordTooShort");
        await ProblemAssert.HasFieldError(await factory.ClientAs(Admin).PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "" }),
            "newPassword", "user.new_password_required");
        var reset = await factory.ClientAs(Admin).PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "N3w!Reset-Passw0rd" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Bearer(tokens.AccessToken).GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().LoginAsync(user, RealSignIn.Password)).StatusCode);
        await factory.SignInAsync(user, "N3w!Reset-Passw0rd");
        var after = (await GetAsync(id)).GetProperty("passwordChangedAt").GetDateTimeOffset();
        Assert.True(after > before);
        Assert.Contains(await TrailAsync(id), e => e.GetProperty("action").GetString() == "Modified"
            && e.GetProperty("after").GetString()!.Contains("PasswordChangedAt") && e.GetProperty("userName").GetString() == Admin.Name);
    }

    [Fact]
    public async Task Lock_unlock_and_role_change_are_each_in_the_audit_log()
    {
        var (id, _) = await factory.CreateUserAsync(Roles.Enterprise);
        var client = factory.ClientAs(Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/users/{id}/lock", null)).StatusCode);
        Assert.True((await GetAsync(id)).GetProperty("lockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/users/{id}/unlock", null)).StatusCode);
        Assert.False((await GetAsync(id)).GetProperty("lockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { Roles.TechManager } })).StatusCode);
        Assert.Equal(new[] { Roles.TechManager }, (await GetAsync(id)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        var lockouts = (await TrailAsync(id)).Where(e => e.GetProperty("after").ToString().Contains("LockoutEnd")).ToList();
        Assert.True(lockouts.Count >= 2, "lock and unlock each leave an entry");
        var prefix = id.ToString() + "|";
        var roleActions = await factory.WithDbAsync((db, _) => db.Set<AuditEntry>().Where(a => a.EntityId.StartsWith(prefix)).Select(a => a.Action).ToListAsync());
        Assert.Contains("Added", roleActions);
        Assert.Contains("Deleted", roleActions);
    }

    [Theory]
    [InlineData(Roles.InstitutionAdmin)]
    [InlineData(Roles.Researcher)]
    [InlineData(Roles.Analyst)]
    public async Task Only_a_platform_admin_reads_edits_or_resets_an_account(string role)
    {
        var (id, _) = await factory.CreateUserAsync();
        var org = await factory.CreateOrganizationAsync();
        var caller = factory.ClientAs(TestUser.Of(role, org.Id));
        await ProblemAssert.IsProblem(await caller.GetAsync($"/api/v1/users/{id}"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await caller.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "x", organizationId = org.Id }), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await caller.PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "N3w!Reset-Passw0rd" }), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await caller.PostAsync($"/api/v1/users/{id}/lock", null), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await caller.PostAsync($"/api/v1/users/{id}/unlock", null), HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal("测试用户", (await GetAsync(id)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task An_admin_does_not_reset_their_own_password_here()
    {
        var admin = await factory.CreateAccountAsync(Roles.PlatformAdmin, null);
        await ProblemAssert.IsProblem(await factory.ClientAs(admin).PostAsJsonAsync($"/api/v1/users/{admin.UserId}/password", new { newPassword = "N3w!Reset-Passw0rd" }),
            HttpStatusCode.Conflict, "user.cannot_change_self");
    }
}

public sealed class UserAdministrationApiTests_Sqlite(SqliteFactory f) : UserAdministrationApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class UserAdministrationApiTests_Postgres(PostgresFactory f) : UserAdministrationApiTests(f), IClassFixture<PostgresFactory>;

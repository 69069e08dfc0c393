using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Identity;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// Short-lived access tokens, refresh, and revocation: lockout, password change, role change, removal and sign-out end
/// API access (bearer) and UI access (cookie) within a minute. Every test signs in for real; the clock is the factory's.
/// </summary>
public abstract class SessionRevocationTests(TechTransferFactory factory)
{
    private static readonly TestUser Admin = TestUser.Of(Roles.PlatformAdmin, null, "admin-sessions");
    private static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(30);

    private async Task<HttpStatusCode> MeAsync(string accessToken) => (await factory.Bearer(accessToken).GetAsync("/api/v1/auth/me")).StatusCode;

    private async Task AssertTokenRevokedAsync(string accessToken)
    {
        var response = await factory.Bearer(accessToken).GetAsync("/api/v1/auth/me");
        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
    }

    // ---- tokens and refresh ----

    [Fact]
    public async Task Login_returns_a_five_minute_access_token_and_a_refresh_token()
    {
        var (_, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        Assert.Equal(300, tokens.ExpiresIn);
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task An_expired_access_token_is_a_401_and_the_refresh_token_issues_new_tokens()
    {
        var (_, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await AssertTokenRevokedAsync(tokens.AccessToken);

        var refreshed = await factory.RefreshAsync(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = await RealSignIn.ReadTokensAsync(refreshed);
        Assert.NotEqual(tokens.AccessToken, renewed.AccessToken);
        var me = await factory.Bearer(renewed.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(user, me.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task An_expired_refresh_token_is_refused()
    {
        var (_, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        factory.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1));
        await ProblemAssert.IsProblem(await factory.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
    }

    [Fact]
    public async Task A_forged_refresh_token_or_an_access_token_used_as_one_is_refused()
    {
        var (_, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        await ProblemAssert.IsProblem(await factory.RefreshAsync("not-a-token"), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await ProblemAssert.IsProblem(await factory.RefreshAsync(tokens.AccessToken), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await ProblemAssert.HasFieldError(await factory.RefreshAsync(""), "refreshToken", "auth.refresh_token_required");
    }

    // ---- invalid bearer tokens ----

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/v1/auth/login")]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/account/login")]
    public async Task An_invalid_bearer_token_is_a_401_even_where_anonymous_callers_are_allowed(string path)
    {
        foreach (var header in new[] { "Bearer not-a-token", "Bearer " })
        {
            var client = factory.Anonymous();
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
            var response = await client.GetAsync(path);
            await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "auth.invalid_token");
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        }
    }

    // ---- revocation of bearer access ----

    [Fact]
    public async Task Sign_out_ends_the_callers_access_and_refresh_tokens()
    {
        var (_, user) = await factory.CreateUserAsync();
        var first = await factory.SignInAsync(user);
        var second = await factory.SignInAsync(user); // another device

        Assert.Equal(HttpStatusCode.NoContent, (await factory.Bearer(first.AccessToken).PostAsync("/api/v1/auth/logout", null)).StatusCode);

        await AssertTokenRevokedAsync(first.AccessToken);
        await AssertTokenRevokedAsync(second.AccessToken);
        await ProblemAssert.IsProblem(await factory.RefreshAsync(first.RefreshToken), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, await MeAsync((await factory.SignInAsync(user)).AccessToken));
    }

    [Fact]
    public async Task Lockout_by_an_administrator_ends_bearer_access_within_a_minute()
    {
        var (id, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokens.AccessToken));

        Assert.Equal(HttpStatusCode.NoContent, (await factory.ClientAs(Admin).PostAsync($"/api/v1/users/{id}/lock", null)).StatusCode);
        factory.Clock.Advance(RevalidationInterval);

        await AssertTokenRevokedAsync(tokens.AccessToken);
        await ProblemAssert.IsProblem(await factory.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await ProblemAssert.IsProblem(await factory.Anonymous().LoginAsync(user, RealSignIn.Password), (HttpStatusCode)423, "auth.locked_out");
    }

    [Fact]
    public async Task Unlocking_lets_the_user_sign_in_again()
    {
        var (id, user) = await factory.CreateUserAsync();
        await factory.ClientAs(Admin).PostAsync($"/api/v1/users/{id}/lock", null);
        Assert.Equal(HttpStatusCode.NoContent, (await factory.ClientAs(Admin).PostAsync($"/api/v1/users/{id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await MeAsync((await factory.SignInAsync(user)).AccessToken));
    }

    [Fact]
    public async Task Lockout_by_failed_sign_ins_ends_bearer_access_too()
    {
        var (_, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        for (var i = 0; i < 5; i++) await factory.Anonymous().LoginAsync(user, "wrong-Passw0rd!");
        factory.Clock.Advance(RevalidationInterval);

        await AssertTokenRevokedAsync(tokens.AccessToken);
        await ProblemAssert.IsProblem(await factory.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
    }

    [Fact]
    public async Task A_password_change_ends_every_session_and_the_new_password_works()
    {
        var (_, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        const string newPassword = "N3w!Passw0rd-x";

        var changed = await factory.Bearer(tokens.AccessToken).PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = RealSignIn.Password, newPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await AssertTokenRevokedAsync(tokens.AccessToken);
        await ProblemAssert.IsProblem(await factory.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await ProblemAssert.IsProblem(await factory.Anonymous().LoginAsync(user, RealSignIn.Password), HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal(HttpStatusCode.OK, await MeAsync((await factory.SignInAsync(user, newPassword)).AccessToken));
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_keeps_the_session_when_refused()
    {
        var (_, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        var refused = await factory.Bearer(tokens.AccessToken).PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "wrong-Passw0rd!", newPassword = "N3w!Passw0rd-x" });
        await ProblemAssert.HasFieldError(refused, "currentPassword", "auth.wrong_current_password");
        var weak = await factory.Bearer(tokens.AccessToken).PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = RealSignIn.Password, newPassword = "short" });
        await ProblemAssert.HasFieldError(weak, "newPassword", "identity.PasswordTooShort");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task A_role_change_ends_bearer_access_and_the_next_sign_in_carries_the_new_role()
    {
        var (id, user) = await factory.CreateUserAsync(Roles.Enterprise);
        var tokens = await factory.SignInAsync(user);

        var changed = await factory.ClientAs(Admin).PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { Roles.TechManager } });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        factory.Clock.Advance(RevalidationInterval);

        await AssertTokenRevokedAsync(tokens.AccessToken);
        await ProblemAssert.IsProblem(await factory.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        var me = await factory.Bearer((await factory.SignInAsync(user)).AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(new[] { Roles.TechManager }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Removal_ends_bearer_access_and_the_user_can_no_longer_sign_in()
    {
        var (id, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);

        Assert.Equal(HttpStatusCode.NoContent, (await factory.ClientAs(Admin).DeleteAsync($"/api/v1/users/{id}")).StatusCode);
        factory.Clock.Advance(RevalidationInterval);

        await AssertTokenRevokedAsync(tokens.AccessToken);
        await ProblemAssert.IsProblem(await factory.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await ProblemAssert.IsProblem(await factory.Anonymous().LoginAsync(user, RealSignIn.Password), HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task A_session_ended_by_another_app_instance_stops_working_within_the_revalidation_interval()
    {
        var (id, user) = await factory.CreateUserAsync();
        var tokens = await factory.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokens.AccessToken)); // this instance now holds a recent answer

        // another instance renews the stamp: this one is not told, its answer is at most 30 s old
        await factory.WithDbAsync(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<PlatformUser>>();
            return (await users.UpdateSecurityStampAsync((await users.FindByIdAsync(id.ToString()))!)).Succeeded;
        });
        factory.Clock.Advance(RevalidationInterval);

        await AssertTokenRevokedAsync(tokens.AccessToken);
    }

    // ---- revocation of cookie (UI) access ----

    [Fact]
    public async Task Lockout_ends_cookie_access_within_a_minute()
    {
        var (id, user) = await factory.CreateUserAsync();
        var cookie = await factory.SignInWithCookieAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await factory.WithCookie(cookie).GetAsync("/api/v1/auth/me")).StatusCode);

        await factory.ClientAs(Admin).PostAsync($"/api/v1/users/{id}/lock", null);
        factory.Clock.Advance(RevalidationInterval + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithCookie(cookie).GetAsync("/api/v1/auth/me")).StatusCode);
        var page = await factory.WithCookie(cookie).GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Signing_out_in_the_ui_ends_a_copy_of_the_cookie_within_a_minute()
    {
        var (_, user) = await factory.CreateUserAsync();
        var cookie = await factory.SignInWithCookieAsync(user);
        var copy = cookie; // e.g. left behind on a shared computer
        Assert.Equal(HttpStatusCode.OK, (await factory.WithCookie(copy).GetAsync("/api/v1/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await factory.SignOutInUiAsync(cookie)).StatusCode);
        factory.Clock.Advance(RevalidationInterval + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithCookie(copy).GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_through_the_api_ends_cookie_access_too()
    {
        var (_, user) = await factory.CreateUserAsync();
        var cookie = await factory.SignInWithCookieAsync(user);
        var tokens = await factory.SignInAsync(user);
        Assert.Equal(HttpStatusCode.NoContent, (await factory.Bearer(tokens.AccessToken).PostAsync("/api/v1/auth/logout", null)).StatusCode);
        factory.Clock.Advance(RevalidationInterval + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithCookie(cookie).GetAsync("/api/v1/auth/me")).StatusCode);
    }

    // ---- who may change accounts ----

    [Fact]
    public async Task Only_platform_admins_lock_change_roles_or_remove_accounts()
    {
        var (id, user) = await factory.CreateUserAsync();
        var org = await factory.CreateOrganizationAsync();
        var officeAdmin = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, org.Id));
        await ProblemAssert.IsProblem(await officeAdmin.PostAsync($"/api/v1/users/{id}/lock", null), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await officeAdmin.PostAsync($"/api/v1/users/{id}/unlock", null), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await officeAdmin.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { Roles.PlatformAdmin } }), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblem(await officeAdmin.DeleteAsync($"/api/v1/users/{id}"), HttpStatusCode.Forbidden, "auth.forbidden");

        var me = await factory.Bearer((await factory.SignInAsync(user)).AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(new[] { Roles.Enterprise }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task An_admin_cannot_lock_remove_or_change_the_roles_of_their_own_account()
    {
        var client = factory.ClientAs(Admin);
        await ProblemAssert.IsProblem(await client.PostAsync($"/api/v1/users/{Admin.UserId}/lock", null), HttpStatusCode.Conflict, "user.cannot_change_self");
        await ProblemAssert.IsProblem(await client.DeleteAsync($"/api/v1/users/{Admin.UserId}"), HttpStatusCode.Conflict, "user.cannot_change_self");
        await ProblemAssert.IsProblem(await client.PutAsJsonAsync($"/api/v1/users/{Admin.UserId}/roles", new { roles = new[] { Roles.Analyst } }), HttpStatusCode.Conflict, "user.cannot_change_self");
    }

    [Fact]
    public async Task Account_changes_name_an_existing_user_and_known_roles()
    {
        var client = factory.ClientAs(Admin);
        await ProblemAssert.IsProblem(await client.PostAsync($"/api/v1/users/{Guid.NewGuid()}/lock", null), HttpStatusCode.NotFound, "user.not_found");
        await ProblemAssert.IsProblem(await client.DeleteAsync($"/api/v1/users/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "user.not_found");
        var (id, _) = await factory.CreateUserAsync();
        await ProblemAssert.HasFieldError(await client.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "Emperor" } }), "roles", "user.unknown_role");
        await ProblemAssert.HasFieldError(await client.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = Array.Empty<string>() }), "roles", "user.role_required");
    }
}

public sealed class SessionRevocationTests_Sqlite(SessionSqliteFactory f) : SessionRevocationTests(f), IClassFixture<SessionSqliteFactory>;

[Collection("Postgres")]
public sealed class SessionRevocationTests_Postgres(SessionPostgresFactory f) : SessionRevocationTests(f), IClassFixture<SessionPostgresFactory>;

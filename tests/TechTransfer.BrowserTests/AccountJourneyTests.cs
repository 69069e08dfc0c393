using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechTransfer.BrowserTests;

/// <summary>The app with sessions re-checked on every request, so a journey sees revocation at once instead of within 30 s.</summary>
public sealed class ImmediateRevalidationFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Security:Sessions:RevalidationInterval"] = "00:00:00" };
}

/// <summary>Account changes that end open sessions: an administrator's lock, and a user's own password change.</summary>
public sealed class AccountJourneyTests(ImmediateRevalidationFixture browser) : IClassFixture<ImmediateRevalidationFixture>
{
    [Fact]
    public async Task An_administrator_locks_a_user_whose_open_session_ends_and_unlocks_them_again()
    {
        var user = await browser.NewPageAsync();
        await user.SignInAsync("researcher.sjtu");

        var admin = await browser.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.GotoAsync("/admin/users");
        await admin.GetByTestId("actions-researcher.sjtu").GetByRole(AriaRole.Button, new() { Name = "锁定", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("user-action-done")).ToContainTextAsync("researcher.sjtu");
        await admin.ScreenshotAsync("users-locked");

        await user.GotoAsync("/notifications");
        await Assertions.Expect(user).ToHaveURLAsync(new Regex("/account/login"));
        await user.Locator("#userName").FillAsync("researcher.sjtu");
        await user.Locator("#password").FillAsync(BrowserFixture.DemoPassword);
        await user.Locator("main button.primary").ClickAsync();
        await Assertions.Expect(user.GetByRole(AriaRole.Alert)).ToContainTextAsync("账户已锁定");

        await admin.GetByTestId("actions-researcher.sjtu").GetByRole(AriaRole.Button, new() { Name = "解锁", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("user-action-done")).ToContainTextAsync("已解锁");
        await user.SignInAsync("researcher.sjtu");
        Assert.Empty(browser.CspViolationsOf(user));
        await user.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN", "保存", "设置新密码", "已保存", "已设置新密码")]
    [InlineData("en", "Save", "Set new password", "Saved", "New password set")]
    public async Task An_administrator_edits_a_user_and_sets_a_new_password_which_the_user_signs_in_with(
        string locale, string save, string setPassword, string saved, string passwordSet)
    {
        var account = locale == "en" ? "researcher.fudan" : "enterprise.zhixin";
        var newPassword = "Adm1n!Reset-" + locale;
        var admin = await browser.NewPageAsync(locale);
        await admin.SignInAsync("admin");
        await admin.GotoAsync("/admin/users");
        await admin.GetByTestId("edit-" + account).ClickAsync();
        await admin.Locator("#displayName").FillAsync("改名 Renamed");
        await admin.Locator("#email").FillAsync(account + "@example.org");
        await admin.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("user-edit-done")).ToContainTextAsync(saved);
        await Assertions.Expect(admin.Locator("#displayName")).ToHaveValueAsync("改名 Renamed");
        await admin.Locator("#newPassword").FillAsync(newPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = setPassword, Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("user-edit-done")).ToContainTextAsync(passwordSet);
        await admin.ScreenshotAsync("user-edit-" + locale);

        // on a phone the users table scrolls sideways in its own box instead of squeezing its columns
        await admin.SetViewportSizeAsync(390, 800);
        await admin.GotoAsync("/admin/users");
        var table = admin.GetByTestId("user-table");
        var (client, scroll) = (await table.EvaluateAsync<int>("t => t.clientWidth"), await table.EvaluateAsync<int>("t => t.scrollWidth"));
        Assert.True(scroll > client, $"the table scrolls (scrollWidth {scroll} > clientWidth {client})");
        Assert.True(await admin.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page itself does not scroll sideways");
        await admin.ScreenshotAsync("users-narrow-" + locale);

        var user = await browser.NewPageAsync(locale);
        await user.GotoAsync("/account/login");
        await user.Locator("#userName").FillAsync(account);
        await user.Locator("#password").FillAsync(newPassword);
        await user.Locator("main button.primary").ClickAsync();
        await Assertions.Expect(user).Not.ToHaveURLAsync(new Regex("/account/login"));
        Assert.Empty(browser.CspViolationsOf(admin));
        await user.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_changes_their_password_stays_signed_in_here_and_is_signed_out_elsewhere()
    {
        const string newPassword = "N3w!Passw0rd-x";
        var here = await browser.NewPageAsync();
        await here.SignInAsync("enterprise.lvneng");
        var elsewhere = await browser.NewPageAsync();
        await elsewhere.SignInAsync("enterprise.lvneng");

        await here.GetByTestId("change-password").ClickAsync();
        await here.Locator("#currentPassword").FillAsync(BrowserFixture.DemoPassword);
        await here.Locator("#newPassword").FillAsync(newPassword);
        await here.Locator("#confirmPassword").FillAsync(newPassword + "-typo");
        await here.Locator("main button.primary").ClickAsync();
        await Assertions.Expect(here.Locator("main")).ToContainTextAsync("两次输入的新密码不一致");

        await here.Locator("#currentPassword").FillAsync(BrowserFixture.DemoPassword);
        await here.Locator("#newPassword").FillAsync(newPassword);
        await here.Locator("#confirmPassword").FillAsync(newPassword);
        await here.Locator("main button.primary").ClickAsync();
        await Assertions.Expect(here.GetByTestId("password-changed")).ToBeVisibleAsync();
        await here.GotoAsync("/notifications");
        await Assertions.Expect(here.GetByTestId("current-user")).ToBeVisibleAsync();

        await elsewhere.GotoAsync("/notifications");
        await Assertions.Expect(elsewhere).ToHaveURLAsync(new Regex("/account/login"));
        await elsewhere.SignInAsync("enterprise.lvneng", newPassword);
        await here.Context.CloseAsync();
        await elsewhere.Context.CloseAsync();
    }
}

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

using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using Microsoft.Playwright;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.BrowserTests;

/// <summary>The foundation's journeys in Chromium: sign in as every role, switch language, register an organisation.</summary>
public sealed class PlatformJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string> DemoAccounts()
    {
        var data = new TheoryData<string, string>();
        foreach (var (user, _, role, _) in AccountDemoData.Accounts) data.Add(user, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Every_demo_role_signs_in_and_sees_its_name_and_role(string userName, string role)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        var display = AccountDemoData.Accounts.Single(a => a.UserName == userName).DisplayName;
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(display);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Roles.Label(role).Zh);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_stays_signed_out()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#userName").FillAsync("analyst");
        await page.Locator("#password").FillAsync("not-the-password");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_turns_the_interface_to_english_and_back()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("tto.fudan");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的工作台");
        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My workbench");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Organisations" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("home-en");
        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的工作台");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/organizations");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_enterprise_cannot_open_the_audit_log()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("enterprise.zhixin");
        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/denied"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_registers_an_organisation_after_fixing_a_wrong_credit_code_and_sees_the_audit_entry()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GotoAsync("/organizations");
        await page.GetByTestId("new-organization").ClickAsync();

        var valid = UnifiedSocialCreditCode.Compose('9', '1', "310115", "MA1FL8K2" + "X");
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var name = "浏览器测试科技有限公司" + Guid.NewGuid().ToString("N")[..4];
        await page.Locator("#nameZh").FillAsync(name);
        await page.Locator("#creditCode").FillAsync(wrong);
        await page.Locator("#kind").SelectOptionAsync("Enterprise");
        await page.Locator("#entityNature").SelectOptionAsync("150");
        await page.Locator("#divisionCode").SelectOptionAsync("310115");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message")).ToContainTextAsync("校验位错误");
        await page.ScreenshotAsync("organization-invalid-credit-code");

        await page.Locator("#creditCode").FillAsync(valid);
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("credit-code")).ToHaveTextAsync(valid);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("jurisdiction")).ToContainTextAsync("上海");

        // a platform admin sets whose rules apply on the edit page
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await page.Locator("#jurisdiction").SelectOptionAsync("National");
        await page.Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("jurisdiction")).ToContainTextAsync("全国");

        await page.GotoAsync("/admin/audit?entityType=Organization");
        await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("admin");
        await page.ScreenshotAsync("audit-log");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_api_reference_page_lists_the_organisation_endpoints()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/api-docs/");
        await Assertions.Expect(page.GetByText("TechTransfer API").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Organizations").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_creates_a_user_who_can_then_sign_in()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GotoAsync("/admin/users");
        var userName = "new" + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#displayName").FillAsync("新用户");
        await page.Locator("#password").FillAsync("short");
        await page.Locator("#role").SelectOptionAsync(Roles.Analyst);
        await page.Locator("#organizationId").SelectOptionAsync(new SelectOptionValue { Label = "上海市科学技术委员会" });
        await page.GetByTestId("new-user").Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message").First).ToContainTextAsync("密码至少需要");

        await page.Locator("#password").FillAsync("Val1d!Passw0rd");
        await page.GetByTestId("new-user").Locator("button.primary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-table")).ToContainTextAsync(userName);
        await page.Context.CloseAsync();

        var second = await browser.NewPageAsync();
        await second.SignInAsync(userName, "Val1d!Passw0rd");
        await Assertions.Expect(second.GetByTestId("current-user")).ToHaveTextAsync("新用户");
        await second.Context.CloseAsync();
    }
}

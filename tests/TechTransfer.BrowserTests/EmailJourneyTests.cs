using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using TechTransfer.Achievements.Domain;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data;

namespace TechTransfer.BrowserTests;

/// <summary>
/// The platform with <c>Smtp</c> pointed at a real SMTP server on a loopback port (the API tests' <see cref="LoopbackSmtpServer"/>)
/// and the background sender looking at the outbox every second, as a deployment runs it.
/// </summary>
public sealed class EmailFixture : BrowserFixture, IDisposable
{
    public LoopbackSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "noreply@techtransfer.test",
        ["Smtp:BaseUrl"] = "https://tt.example",
        ["Smtp:Interval"] = "00:00:01",
    };

    public void Dispose() => Smtp.Dispose();
}

/// <summary>
/// An e-mail received (issue 12): a researcher turns on e-mail for decisions on their disclosures in their preferences page
/// (and chooses English), the transfer office takes their disclosure into review and approves their rights grant in the
/// browser, and the review e-mail arrives at the SMTP server in English with the link to the achievement; the grant's
/// decision — a kind the researcher left off — is shown in the app and sends no e-mail.
/// </summary>
public sealed class EmailJourneyTests(EmailFixture browser) : IClassFixture<EmailFixture>
{
    private const string Address = "chen.researcher@fudan.example";

    [Fact]
    public async Task A_researcher_receives_by_e_mail_in_English_the_kind_they_chose_and_nothing_for_a_kind_left_off()
    {
        var (achievementId, titleEn, grantId) = await WithDbAsync(async db =>
        {
            // the address is an administrator's business (the user page); set here so the journey is the researcher's
            var user = await db.Users.SingleAsync(u => u.UserName == "researcher.fudan");
            user.Email = Address;
            await db.SaveChangesAsync();
            var a = await db.Set<Achievement>().SingleAsync(x => x.Title == "新型二维半导体材料晶圆级制备技术");
            Assert.Equal(AchievementStatus.Disclosed, a.Status);
            var grant = await db.Set<RightsGrant>().SingleAsync(g => g.AchievementTitle == "可降解镁合金心血管支架" && g.Status == RightsGrantStatus.Submitted);
            return (a.Id, a.TitleEn!, grant.Id);
        });

        // the researcher: English, e-mail for decisions on my disclosures only
        var researcher = await browser.NewPageAsync("en");
        await researcher.SignInAsync("researcher.fudan");
        await researcher.GotoAsync("/notifications/preferences");
        await researcher.Locator("#language").SelectOptionAsync("en");
        await researcher.GetByTestId("email-achievement.decision").CheckAsync();
        await Assertions.Expect(researcher.GetByTestId("email-rights_grant")).Not.ToBeCheckedAsync();
        await researcher.GetByTestId("save-preferences").ClickAsync();
        await Assertions.Expect(researcher.GetByTestId("preferences-saved")).ToBeVisibleAsync();
        await Assertions.Expect(researcher.GetByTestId("email-achievement.decision")).ToBeCheckedAsync();
        await researcher.ScreenshotAsync("email-preferences-en");

        // the office (Chinese): takes the disclosure into review, approves the grant
        var office = await browser.NewPageAsync("zh-CN");
        await office.SignInAsync("tto.fudan");
        await office.GotoAsync($"/achievements/{achievementId}");
        await office.GetByTestId("start-review").ClickAsync();
        await Assertions.Expect(office.GetByTestId("start-review")).ToHaveCountAsync(0);
        await office.GotoAsync($"/rights-grants/{grantId}");
        await office.Locator("select[aria-label]").SelectOptionAsync("true");
        await office.GetByTestId("decide-grant").ClickAsync();
        await Assertions.Expect(office.GetByTestId("grant-status")).ToHaveTextAsync("已批准");

        // the review e-mail arrives, in English, with the link to the achievement
        MimeMessage[] Received() => browser.Smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == Address)).ToArray();
        await WaitForAsync(() => Task.FromResult(Received().Length >= 1));
        var mail = Assert.Single(Received());
        Assert.Equal($"[TechTransfer] Your disclosure is under review: {titleEn}", mail.Subject);
        Assert.Contains($"https://tt.example/achievements/{achievementId}", mail.TextBody);
        Assert.Contains("https://tt.example/notifications/preferences", mail.TextBody);
        Assert.DoesNotContain("审核", mail.TextBody);

        // the grant's decision: in the app, and no e-mail once the outbox is drained
        await WaitForAsync(async () => !await WithDbAsync(db => db.EmailOutbox.AnyAsync(e => e.SentAt == null && e.FailedAt == null)));
        Assert.False(await WithDbAsync(db => db.EmailOutbox.AnyAsync(e => e.SentAt == null && e.FailedAt == null)));
        Assert.Single(Received());
        await researcher.GotoAsync("/notifications");
        await Assertions.Expect(researcher.GetByText("Rights grant approved", new() { Exact = false }).First).ToBeVisibleAsync();
        await researcher.ScreenshotAsync("email-notifications-en");
    }

    private async Task<T> WithDbAsync<T>(Func<TechTransferDbContext, Task<T>> work)
    {
        using var scope = browser.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TechTransferDbContext>());
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition() && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(200);
    }
}

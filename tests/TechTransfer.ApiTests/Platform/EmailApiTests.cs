using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Composition;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Platform;

/// <summary>The application with <c>Smtp</c> configured to the loopback server.</summary>
public abstract class SmtpFactory(StorageProvider provider) : TechTransferFactory(provider)
{
    public LoopbackSmtpServer Smtp { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<SmtpOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = Smtp.Port;
            o.Security = SmtpSecurity.None;
            o.From = "noreply@techtransfer.test";
            o.BaseUrl = "https://tt.example";
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}

public sealed class SqliteSmtpFactory() : SmtpFactory(StorageProvider.Sqlite);
public sealed class PostgresSmtpFactory() : SmtpFactory(StorageProvider.Postgres);

/// <summary>
/// E-mail end to end: a state change writes a notification and its outbox row in one transaction; the background sender
/// (run here by hand) sends it through the loopback SMTP server to the users who chose e-mail for that kind, in their
/// language; users who did not choose it, or have no address, get none; a sent message is not sent again.
/// </summary>
public abstract class EmailApiTests(SmtpFactory factory)
{
    private sealed record Person(TestUser User, string Email);

    private async Task<Person> AccountWithEmailAsync(string role, Guid org, string email)
    {
        var user = await factory.CreateAccountAsync(role, org);
        await factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.UserId);
            u.Email = email;
            await db.SaveChangesAsync();
        });
        return new Person(user, email);
    }

    [Fact]
    public async Task A_disclosure_is_e_mailed_to_the_offices_that_chose_e_mail_in_their_language_once()
    {
        var org = (await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310104")).Id;
        var researcher = await factory.CreateAccountAsync(Roles.Researcher, org);
        var english = await AccountWithEmailAsync(Roles.InstitutionAdmin, org, $"en{Guid.NewGuid():N}@example.com");
        var chinese = await AccountWithEmailAsync(Roles.InstitutionAdmin, org, $"zh{Guid.NewGuid():N}@example.com");
        var silent = await AccountWithEmailAsync(Roles.InstitutionAdmin, org, $"no{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(english.User).PutAsJsonAsync("/api/v1/notifications/preferences",
            new { kinds = new[] { new { kind = "achievement.review", email = true } }, language = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(chinese.User).PutAsJsonAsync("/api/v1/notifications/preferences",
            new { kinds = new[] { new { kind = "achievement.review", email = true } } })).StatusCode);
        _ = silent;

        var client = factory.ClientAs(researcher);
        var created = await client.PostAsJsonAsync("/api/v1/achievements", new
        {
            title = "一种钠离子电池正极材料", titleEn = "A sodium-ion cathode material", @abstract = "层状氧化物正极材料及其制备方法。",
            keywords = new[] { "钠离子电池" }, technicalField = "材料科学", ipcCodes = new[] { "H01M 4/505" }, ipType = "PatentApplication", trl = 4,
            fundingSource = "Own", projectReferences = Array.Empty<string>(),
            completers = new object[] { new { name = "王芳", userId = researcher.UserId, contributionPercent = 100m } },
            patentApplicationNumbers = Array.Empty<string>(), isConfidential = false,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/achievements/{id}/disclose", null)).StatusCode);
        // nothing is sent inside the request: the outbox holds the fan-out row
        Assert.DoesNotContain(factory.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == english.Email || a.Address == chinese.Email));
        Assert.Equal(1, await factory.WithDbAsync((db, _) => db.EmailOutbox.CountAsync(e => e.RecipientUserId == null && e.SentAt == null)));

        var sender = factory.Services.GetRequiredService<EmailSender>();
        await sender.RunOnceAsync(CancellationToken.None);
        string[] addresses = [english.Email, chinese.Email, silent.Email];
        MimeMessage[] Mine() => factory.Smtp.Messages.Where(m => addresses.Contains(m.To.Mailboxes.Single().Address)).ToArray();
        await WaitForAsync(() => Mine().Length >= 2);
        var messages = Mine();
        Assert.Equal(2, messages.Length);
        var en = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == english.Email);
        Assert.Equal("[TechTransfer] New disclosure to review: A sodium-ion cathode material", en.Subject);
        Assert.Contains($"https://tt.example/achievements/{id}", en.TextBody);
        var zh = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == chinese.Email);
        Assert.Equal("【上海技术转移平台】新的成果披露待受理：一种钠离子电池正极材料", zh.Subject);
        Assert.Contains("修改设置", zh.TextBody);

        await sender.RunOnceAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.Equal(2, Mine().Length);
        Assert.Equal(2, await factory.WithDbAsync((db, _) => db.EmailOutbox.CountAsync(e => e.RecipientUserId != null && e.SentAt != null && addresses.Contains(e.ToAddress!))));
    }

    [Fact]
    public async Task A_registration_reaches_the_inventors_in_app_and_by_e_mail_only_for_the_kinds_each_chose()
    {
        var org = (await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310104")).Id;
        var researcher = await AccountWithEmailAsync(Roles.Researcher, org, $"r{Guid.NewGuid():N}@example.com");
        var coInventor = await AccountWithEmailAsync(Roles.Researcher, org, $"c{Guid.NewGuid():N}@example.com");
        var office = await factory.CreateAccountAsync(Roles.InstitutionAdmin, org);
        // the researcher wants decisions by e-mail; the co-inventor only reminders
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(researcher.User).PutAsJsonAsync("/api/v1/notifications/preferences",
            new { kinds = new[] { new { kind = "achievement.decision", email = true } }, language = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(coInventor.User).PutAsJsonAsync("/api/v1/notifications/preferences",
            new { kinds = new[] { new { kind = "reminder", email = true } } })).StatusCode);

        var client = factory.ClientAs(researcher.User);
        var created = await client.PostAsJsonAsync("/api/v1/achievements", new
        {
            title = "一种柔性钙钛矿太阳能电池", titleEn = "A flexible perovskite solar cell", @abstract = "柔性基底上的钙钛矿电池及其封装方法。",
            keywords = new[] { "钙钛矿" }, technicalField = "材料科学", ipcCodes = new[] { "H10K 30/10" }, ipType = "PatentApplication", trl = 4,
            fundingSource = "Own", projectReferences = Array.Empty<string>(),
            completers = new object[]
            {
                new { name = "赵强", userId = researcher.User.UserId, contributionPercent = 70m },
                new { name = "孙丽", userId = coInventor.User.UserId, contributionPercent = 30m },
            },
            patentApplicationNumbers = Array.Empty<string>(), isConfidential = false,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/achievements/{id}/disclose", null)).StatusCode);
        var officeClient = factory.ClientAs(office);
        Assert.Equal(HttpStatusCode.OK, (await officeClient.PostAsync($"/api/v1/achievements/{id}/start-review", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officeClient.PostAsJsonAsync($"/api/v1/achievements/{id}/register", new { reason = "符合登记条件" })).StatusCode);

        // in the app: both inventors hear of the registration
        foreach (var person in new[] { researcher, coInventor })
        {
            var notes = await factory.ClientAs(person.User).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/notifications?kind=achievement.decision");
            Assert.Contains(notes.GetProperty("items").EnumerateArray(), n => n.GetProperty("titleZh").GetString()!.Contains("已完成本单位登记")
                && n.GetProperty("link").GetString() == $"/achievements/{id}");
        }

        // by e-mail: the researcher only (decisions chosen), in English; the co-inventor chose reminders only
        await factory.Services.GetRequiredService<EmailSender>().RunOnceAsync(CancellationToken.None);
        MimeMessage[] To(Person u) => factory.Smtp.Messages.Where(m => m.To.Mailboxes.Single().Address == u.Email).ToArray();
        await WaitForAsync(() => To(researcher).Length >= 2);
        var received = To(researcher);
        Assert.Equal(2, received.Length); // under review, registered
        Assert.Contains(received, m => (m.Subject ?? "").StartsWith("[TechTransfer] ", StringComparison.Ordinal) && (m.TextBody ?? "").Contains($"https://tt.example/achievements/{id}"));
        await Task.Delay(300);
        Assert.Empty(To(coInventor));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
    }
}

public sealed class EmailApiTests_Sqlite(SqliteSmtpFactory f) : EmailApiTests(f), IClassFixture<SqliteSmtpFactory>;

[Collection("Postgres")]
public sealed class EmailApiTests_Postgres(PostgresSmtpFactory f) : EmailApiTests(f), IClassFixture<PostgresSmtpFactory>;

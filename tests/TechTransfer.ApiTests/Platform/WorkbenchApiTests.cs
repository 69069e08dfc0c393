using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.Platform.Jobs;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// The workbench (GET /api/v1/workbench, the home page) and the notifications raised by state changes: each count equals
/// the total of the filtered list it links to; each step of a disclosure notifies the people it concerns and no one else;
/// read state is per user; reminders are written once however often the job runs; preferences round-trip.
/// </summary>
public abstract class WorkbenchApiTests(TechTransferFactory factory)
{
    private sealed record Institution(Guid Org, TestUser Researcher, TestUser CoInventor, TestUser Office, TestUser Office2);

    private async Task<Institution> NewInstitutionAsync()
    {
        var org = (await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310104")).Id;
        return new Institution(org, await factory.CreateAccountAsync(Roles.Researcher, org), await factory.CreateAccountAsync(Roles.Researcher, org),
            await factory.CreateAccountAsync(Roles.InstitutionAdmin, org), await factory.CreateAccountAsync(Roles.InstitutionAdmin, org));
    }

    private static object Disclosure(Institution i) => new
    {
        title = "基于深度学习的锂电池缺陷检测方法", titleEn = "Deep-learning defect detection for lithium batteries",
        @abstract = "利用卷积神经网络对锂电池极片进行在线缺陷检测。", keywords = new[] { "锂电池" }, technicalField = "计算机科学与技术",
        ipcCodes = new[] { "G06N 3/08" }, ipType = "PatentApplication", trl = 5, fundingSource = "Own", projectReferences = Array.Empty<string>(),
        completers = new object[]
        {
            new { name = "张伟", userId = i.Researcher.UserId, contributionPercent = 60m },
            new { name = "李娜", userId = i.CoInventor.UserId, contributionPercent = 40m },
        },
        patentApplicationNumbers = Array.Empty<string>(), isConfidential = false,
    };

    private static async Task<JsonElement> Ok(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected} but got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<JsonElement> ItemAsync(TestUser user, string key)
    {
        var wb = await Ok(await factory.ClientAs(user).GetAsync("/api/v1/workbench"));
        foreach (var section in new[] { "toDo", "status", "figures" })
            foreach (var item in wb.GetProperty(section).EnumerateArray())
                if (item.GetProperty("key").GetString() == key) return item;
        throw new Xunit.Sdk.XunitException($"workbench item {key} not found: {wb}");
    }

    private static long CountOf(JsonElement item) => item.GetProperty("count").GetInt64();

    /// <summary>The total of the list an item links to, read through the API with the same filters.</summary>
    private async Task<int> ListTotalAsync(TestUser user, string api) =>
        (await Ok(await factory.ClientAs(user).GetAsync(api))).GetProperty("total").GetInt32();

    private async Task<JsonElement[]> NotificationsAsync(TestUser user, string query = "") =>
        (await Ok(await factory.ClientAs(user).GetAsync("/api/v1/notifications" + query))).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task A_disclosure_moves_through_the_office_and_researcher_workbenches_and_notifies_each_person_it_concerns()
    {
        var i = await NewInstitutionAsync();
        var other = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var office = factory.ClientAs(i.Office);
        var id = (await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i)), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var draft = await ItemAsync(i.Researcher, "achievements.my_drafts");
        Assert.Equal(1, CountOf(draft));
        Assert.Equal("/achievements?mine=true&status=Draft", draft.GetProperty("link").GetString());
        Assert.Equal(1, await ListTotalAsync(i.Researcher, "/api/v1/achievements?mine=true&status=Draft"));

        await Ok(await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null));
        var toReview = await ItemAsync(i.Office, "achievements.disclosed");
        Assert.Equal(1, CountOf(toReview));
        Assert.Equal("/achievements?status=Disclosed", toReview.GetProperty("link").GetString());
        Assert.Equal(1, await ListTotalAsync(i.Office, "/api/v1/achievements?status=Disclosed"));
        Assert.Equal(0, CountOf(await ItemAsync(other.Office, "achievements.disclosed")));

        // the office hears of the disclosure; the other institution's office does not
        var officeNotes = await NotificationsAsync(i.Office, "?kind=achievement.review");
        Assert.Single(officeNotes);
        Assert.Empty(await NotificationsAsync(other.Office, "?kind=achievement.review"));
        Assert.Empty(await NotificationsAsync(i.Researcher, "?kind=achievement.review"));

        await Ok(await office.PostAsync($"/api/v1/achievements/{id}/start-review", null));
        await Ok(await office.PostAsJsonAsync($"/api/v1/achievements/{id}/register", new { reason = "符合登记条件" }));

        // the disclosing researcher and the co-inventor each hear: under review, registered
        foreach (var person in new[] { i.Researcher, i.CoInventor })
        {
            var notes = await NotificationsAsync(person, "?kind=achievement.decision");
            Assert.Equal(2, notes.Length);
            Assert.Contains(notes, n => n.GetProperty("titleZh").GetString()!.Contains("已完成本单位登记"));
        }
        Assert.Empty(await NotificationsAsync(other.Researcher, "?kind=achievement.decision"));
        var registered = await ItemAsync(i.Researcher, "achievements.my_registered");
        Assert.Equal(1, CountOf(registered));
        Assert.Equal(1, await ListTotalAsync(i.Researcher, "/api/v1/achievements?mine=true&status=Registered"));
        // the co-inventor is named as a completer, not the author: the same count and list (the author, also a completer, counted once)
        Assert.Equal(1, CountOf(await ItemAsync(i.CoInventor, "achievements.my_registered")));
        Assert.Equal(1, await ListTotalAsync(i.CoInventor, "/api/v1/achievements?mine=true&status=Registered"));
        Assert.Equal(0, CountOf(await ItemAsync(other.Researcher, "achievements.my_registered")));
        Assert.Equal(0, CountOf(await ItemAsync(i.Office, "achievements.disclosed")));
    }

    [Fact]
    public async Task Read_state_is_per_user_and_nobody_reads_or_marks_another_users_notifications()
    {
        var i = await NewInstitutionAsync();
        var other = await NewInstitutionAsync();
        var researcher = factory.ClientAs(i.Researcher);
        var id = (await Ok(await researcher.PostAsJsonAsync("/api/v1/achievements", Disclosure(i)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Ok(await researcher.PostAsync($"/api/v1/achievements/{id}/disclose", null));

        var note = Assert.Single(await NotificationsAsync(i.Office, "?unread=true"));
        var noteId = note.GetProperty("id").GetGuid();
        Assert.Equal(1, (await Ok(await factory.ClientAs(i.Office).GetAsync("/api/v1/notifications/unread-count"))).GetProperty("count").GetInt32());

        // another organisation's office cannot mark it, and does not see it
        await ProblemAssert.IsProblem(await factory.ClientAs(other.Office).PostAsync($"/api/v1/notifications/{noteId}/read", null),
            HttpStatusCode.NotFound, "notification.not_found");
        Assert.Empty(await NotificationsAsync(other.Office));

        Assert.Equal(HttpStatusCode.NoContent, (await factory.ClientAs(i.Office).PostAsync($"/api/v1/notifications/{noteId}/read", null)).StatusCode);
        Assert.Empty(await NotificationsAsync(i.Office, "?unread=true"));
        Assert.True(Assert.Single(await NotificationsAsync(i.Office)).GetProperty("read").GetBoolean());
        // the same organisation notice is still unread for a colleague
        Assert.Single(await NotificationsAsync(i.Office2, "?unread=true"));
        var marked = await Ok(await factory.ClientAs(i.Office2).PostAsync("/api/v1/notifications/read-all", null));
        Assert.Equal(1, marked.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await Ok(await factory.ClientAs(i.Office2).GetAsync("/api/v1/notifications/unread-count"))).GetProperty("count").GetInt32());
        Assert.Equal(0, CountOf(await ItemAsync(i.Office2, "platform.unread_notifications")));
    }

    [Fact]
    public async Task An_annual_fee_falling_due_shows_on_the_office_workbench_and_is_reminded_once_however_often_the_job_runs()
    {
        var i = await NewInstitutionAsync();
        var office = factory.ClientAs(i.Office);
        var due = factory.Clock.Today().AddDays(20).ToString("yyyy-MM-dd");
        var patent = (await Ok(await office.PostAsJsonAsync("/api/v1/patents", new
        {
            applicationNo = "CN2020" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".1", publicationNo = "CN111222333B", type = "Invention",
            title = "一种锂电池缺陷检测方法", patenteeNames = "复旦大学", filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06",
            legalStatus = "InForce", annualFeePaidUntil = due,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var item = await ItemAsync(i.Office, "patents.fees_due");
        Assert.Equal(1, CountOf(item));
        Assert.Equal(due, item.GetProperty("deadline").GetString());
        var link = item.GetProperty("link").GetString()!;
        Assert.StartsWith("/patents?status=InForce&feeDueBefore=", link);
        Assert.Equal(1, await ListTotalAsync(i.Office, "/api/v1/patents" + link["/patents".Length..]));

        var job = factory.Services.GetRequiredService<DeadlineReminderJob>();
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await job.RunOnceAsync(CancellationToken.None);
        var reminders = await NotificationsAsync(i.Office, "?kind=reminder");
        var reminder = Assert.Single(reminders, n => n.GetProperty("link").GetString() == $"/patents/{patent}");
        Assert.Contains(due, reminder.GetProperty("titleZh").GetString());
        Assert.Empty(await NotificationsAsync(i.Researcher, "?kind=reminder"));
        var stored = await factory.WithDbAsync((db, _) => db.Notifications.CountAsync(n => n.DedupKey != null && n.DedupKey.Contains(patent.ToString("N"))));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Preferences_round_trip_and_refuse_unknown_kinds_and_languages()
    {
        var i = await NewInstitutionAsync();
        var client = factory.ClientAs(i.Researcher, "en");
        var initial = await Ok(await client.GetAsync("/api/v1/notifications/preferences"));
        Assert.Equal("zh-CN", initial.GetProperty("language").GetString());
        Assert.All(initial.GetProperty("kinds").EnumerateArray(), k => Assert.False(k.GetProperty("email").GetBoolean()));

        var saved = await Ok(await client.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { kinds = new[] { new { kind = "achievement.decision", email = true }, new { kind = "reminder", email = true } }, language = "en" }));
        Assert.Equal("en", saved.GetProperty("language").GetString());
        var chosen = saved.GetProperty("kinds").EnumerateArray().Where(k => k.GetProperty("email").GetBoolean()).Select(k => k.GetProperty("kind").GetString()).ToArray();
        Assert.Equal(new[] { "achievement.decision", "reminder" }, chosen);
        // another user's choices are their own
        var colleague = await Ok(await factory.ClientAs(i.CoInventor).GetAsync("/api/v1/notifications/preferences"));
        Assert.All(colleague.GetProperty("kinds").EnumerateArray(), k => Assert.False(k.GetProperty("email").GetBoolean()));

        var bad = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { kinds = new[] { new { kind = "nope", email = true } }, language = "fr" });
        await ProblemAssert.HasFieldError(bad, "kinds[0].kind", "notification.unknown_kind");
        await ProblemAssert.HasFieldError(await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { kinds = Array.Empty<object>(), language = "fr" }),
            "language", "notification.unknown_language");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/notifications/preferences")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/v1/workbench")).StatusCode);
    }
}

public sealed class WorkbenchApiTests_Sqlite(SqliteFactory f) : WorkbenchApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class WorkbenchApiTests_Postgres(PostgresFactory f) : WorkbenchApiTests(f), IClassFixture<PostgresFactory>;

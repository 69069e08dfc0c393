using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TechTransfer.ApiTests.Infrastructure;
using Xunit.Abstractions;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// No user enumeration: a user name that does not exist gets the same answer as a wrong password, in about the same time
/// (the password is verified against a dummy hash), and a locked account does not give itself away either.
/// </summary>
public abstract class LoginTimingTests(TechTransferFactory factory, ITestOutputHelper output)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Answer(HttpResponseMessage response) =>
        (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);

    [Fact]
    public async Task An_unknown_user_name_gets_the_same_answer_as_a_wrong_password()
    {
        var (_, user) = await factory.CreateUserAsync();
        var client = factory.Anonymous();
        var unknown = await Answer(await client.LoginAsync("nobody" + Guid.NewGuid().ToString("N")[..8], "wrong-Passw0rd!"));
        var wrong = await Answer(await client.LoginAsync(user, "wrong-Passw0rd!"));

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(wrong.Status, unknown.Status);
        foreach (var member in new[] { "type", "title", "status", "code", "messages" })
            Assert.Equal(wrong.Body.GetProperty(member).GetRawText(), unknown.Body.GetProperty(member).GetRawText());
        Assert.Equal(
            wrong.Body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            unknown.Body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_locked_account_answers_a_wrong_password_like_an_unknown_user_and_only_the_right_one_learns_it_is_locked()
    {
        var (_, user) = await factory.CreateUserAsync();
        var client = factory.Anonymous();
        for (var i = 0; i < 5; i++)
            await ProblemAssert.IsProblem(await client.LoginAsync(user, "wrong-Passw0rd!"), HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        await ProblemAssert.IsProblem(await client.LoginAsync(user, "another-Wr0ng!"), HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await ProblemAssert.IsProblem(await client.LoginAsync(user, RealSignIn.Password), (HttpStatusCode)423, "auth.locked_out");
    }

    /// <summary>
    /// Medians of alternating unknown-user and wrong-password sign-ins, after a warm-up. Without the dummy verification
    /// an unknown user answers in a few milliseconds against tens for a password check (ratio far below 0.5).
    /// </summary>
    [Fact]
    public async Task An_unknown_user_name_takes_as_long_as_a_wrong_password()
    {
        const int rounds = 15;
        var known = new List<string>();
        for (var i = 0; i < 3; i++) known.Add((await factory.CreateUserAsync()).UserName);
        var client = factory.Anonymous();

        async Task<double> TimeAsync(string userName)
        {
            var watch = Stopwatch.StartNew();
            var response = await client.LoginAsync(userName, "wrong-Passw0rd!");
            watch.Stop();
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 3; i++) // warm-up: JIT, connection pools, the dummy hash
        {
            await TimeAsync("warmup" + Guid.NewGuid().ToString("N")[..8]);
            await TimeAsync(known[i]);
        }

        var unknownTimes = new List<double>();
        var wrongTimes = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            unknownTimes.Add(await TimeAsync("nobody" + Guid.NewGuid().ToString("N")[..8]));
            wrongTimes.Add(await TimeAsync(known[i % known.Count]));
        }

        var ratio = Median(unknownTimes) / Median(wrongTimes);
        output.WriteLine($"unknown user: median {Median(unknownTimes):F1} ms [{string.Join(", ", unknownTimes.Select(t => t.ToString("F0")))}]");
        output.WriteLine($"wrong password: median {Median(wrongTimes):F1} ms [{string.Join(", ", wrongTimes.Select(t => t.ToString("F0")))}]");
        Assert.True(ratio is >= 0.5 and <= 2.0,
            $"unknown user median {Median(unknownTimes):F1} ms, wrong password median {Median(wrongTimes):F1} ms, ratio {ratio:F2} (expected 0.5–2.0)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

public sealed class LoginTimingTests_Sqlite(SessionSqliteFactory f, ITestOutputHelper o) : LoginTimingTests(f, o), IClassFixture<SessionSqliteFactory>;

[Collection("Postgres")]
public sealed class LoginTimingTests_Postgres(SessionPostgresFactory f, ITestOutputHelper o) : LoginTimingTests(f, o), IClassFixture<SessionPostgresFactory>;

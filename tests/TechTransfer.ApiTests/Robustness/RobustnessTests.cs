using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TechTransfer.ApiTests.Infrastructure;
using Xunit.Abstractions;

namespace TechTransfer.ApiTests.Robustness;

/// <summary>
/// Bad input never gives a 500 (issue 11, A). Reads the app's own OpenAPI document and, for every operation, as a role
/// allowed to call it and with real records in its path (<see cref="RobustnessWorld"/>, <see cref="RobustnessMapping"/>),
/// sends the malformed variants of <see cref="MalformedRequests"/>. The rule each response is held to:
/// <list type="number">
/// <item>never a 5xx;</item>
/// <item>every 4xx is an RFC 9457 body: <c>application/problem+json</c> with a non-empty <c>code</c> and the HTTP status;</item>
/// <item>a 4xx stores nothing: the row count of every table of the EF model (audit log included) and the attachment files
/// on disk are the same after the request as before;</item>
/// <item>a 2xx may store only for a Legal variant (an extreme but valid request, e.g. null where the document allows it)
/// of an operation that is not a GET; an Invalid variant (wrong type, null where the document forbids it, 1 MB text, lone
/// surrogate, NaN …) that succeeds must store nothing, and a GET never stores.</item>
/// </list>
/// After a request that stored, the test waits for the search indexer to drain the outbox before the next count.
/// Operations without a mapping fail the test, so every new endpoint is covered the day it is added.
/// </summary>
public abstract class RobustnessTests(TechTransferFactory factory, ITestOutputHelper output)
{
    /// <summary>Operations with more variants than this are sampled deterministically (seeded by operationId).</summary>
    public const int MaxVariantsPerOperation = 500;

    private sealed record Failure(string Operation, string Variant, int Status, string Reason, string Excerpt)
    {
        public override string ToString() => $"{Operation} · {Variant} → {(Status == 0 ? "exception" : Status.ToString())}: {Reason}{(Excerpt.Length > 0 ? " · " + Excerpt : "")}";
    }

    private async Task<OpenApiModel> DocumentAsync()
    {
        var response = await factory.ClientAs(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new OpenApiModel(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static void AssertEveryOperationIsMapped(OpenApiModel model)
    {
        var missing = model.Operations.Where(o => !RobustnessMapping.All.ContainsKey(o.OperationId)).Select(o => o.Label).ToList();
        var stale = RobustnessMapping.All.Keys.Except(model.Operations.Select(o => o.OperationId)).ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} operation(s) of /openapi/v1.json have no caller and data in tests/TechTransfer.ApiTests/Robustness/RobustnessMapping.cs " +
            $"(add a line with a role allowed to call it and the ids of its path): {string.Join("; ", missing)}");
        Assert.True(stale.Count == 0, $"RobustnessMapping.cs maps operations that are not in the document (renamed or removed?): {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Every_operation_in_the_openapi_document_has_a_caller_and_data_for_the_robustness_test()
    {
        var model = await DocumentAsync();
        Assert.True(model.Operations.Count > 100, $"only {model.Operations.Count} operations in the document");
        AssertEveryOperationIsMapped(model);
    }

    [Fact]
    public async Task Malformed_requests_to_every_operation_give_no_5xx_always_a_problem_with_a_code_and_store_nothing()
    {
        var model = await DocumentAsync();
        AssertEveryOperationIsMapped(model);
        var setUp = Stopwatch.StartNew();
        var world = await RobustnessWorld.CreateAsync(factory);
        setUp.Stop();

        var clock = Stopwatch.StartNew();
        var failures = new List<Failure>();
        var statuses = new SortedDictionary<int, int>();
        var requests = 0;
        var sampled = new List<string>();
        await using var store = await StoreSnapshot.OpenAsync(factory);
        var (counts, _) = await store.SettledAsync(TimeSpan.FromSeconds(60));
        var clients = new Dictionary<Guid, HttpClient>();
        HttpClient ClientFor(TestUser? user)
        {
            var key = user?.UserId ?? Guid.Empty;
            if (!clients.TryGetValue(key, out var c)) clients[key] = c = factory.ClientAs(user);
            return c;
        }

        foreach (var op in model.Operations)
        {
            var setup = RobustnessMapping.All[op.OperationId];
            var client = ClientFor(setup.Caller(world));
            var variants = MalformedRequests.For(op, await setup.BaseAsync(world, op, client)).ToList();
            var chosen = Sample(op.OperationId, variants.Count);
            if (chosen.Count < variants.Count) sampled.Add($"{op.OperationId} {chosen.Count}/{variants.Count}");
            foreach (var index in chosen)
            {
                var variant = variants[index];
                if (setup.RefreshesBody) variant = MalformedRequests.For(op, await setup.BaseAsync(world, op, client)).ElementAt(index);
                requests++;
                int status;
                string body;
                string? mediaType;
                try
                {
                    using var response = await client.SendAsync(variant.Build());
                    status = (int)response.StatusCode;
                    mediaType = response.Content.Headers.ContentType?.MediaType;
                    body = status >= 400 || status < 200 ? await response.Content.ReadAsStringAsync() : "";
                }
                catch (Exception ex)
                {
                    failures.Add(new Failure(op.Label, variant.Name, 0, ex.GetType().Name, Excerpt(ex.Message)));
                    (counts, _) = await store.SettledAsync();
                    continue;
                }
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (ProblemDefect(status, mediaType, body) is { } defect)
                    failures.Add(new Failure(op.Label, variant.Name, status, defect, Excerpt(body)));

                var after = await store.CountAsync();
                var stored = StoreSnapshot.Difference(counts, after);
                if (stored.Length == 0) continue;
                var allowed = status is >= 200 and < 400 && op.Method != "GET" && variant.Kind == VariantKind.Legal;
                if (!allowed)
                    failures.Add(new Failure(op.Label, variant.Name, status,
                        status >= 400 ? $"a {status} stored {stored}" : $"a {variant.Kind.ToString().ToLowerInvariant()} request{(op.Method == "GET" ? " (GET)" : "")} stored {stored}", ""));
                (counts, var drained) = await store.SettledAsync();
                if (!drained)
                    failures.Add(new Failure(op.Label, variant.Name, status, $"the search indexer did not drain the outbox after it ({StoreSnapshot.OutboxTable}: {counts[StoreSnapshot.OutboxTable]}): what was stored cannot be indexed", ""));
            }
        }
        clock.Stop();

        output.WriteLine($"Robustness ({factory.Provider}): {model.Operations.Count} operations, {requests} requests in {clock.Elapsed.TotalSeconds:0.0} s " +
                         $"(world set-up {setUp.Elapsed.TotalSeconds:0.0} s); statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        if (sampled.Count > 0) output.WriteLine($"Sampled (at most {MaxVariantsPerOperation} variants each): {string.Join(", ", sampled)}");
        foreach (var f in failures) output.WriteLine(f.ToString());
        Assert.True(failures.Count == 0,
            $"{failures.Count} robustness failure(s) in {requests} requests to {model.Operations.Count} operations ({factory.Provider}):\n"
            + string.Join("\n", failures.Take(150)) + (failures.Count > 150 ? $"\n… and {failures.Count - 150} more" : ""));
    }

    /// <summary>Why a response is not acceptable, or null: a 5xx; a 4xx that is not RFC 9457 problem details with a code and the status.</summary>
    private static string? ProblemDefect(int status, string? mediaType, string body)
    {
        if (status >= 500) return "server error";
        if (status < 400) return null;
        if (mediaType != "application/problem+json") return $"a {status} without a problem body (content type {mediaType ?? "none"})";
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            if (!json.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(code.GetString()))
                return "a problem body without a code";
            if (!json.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != status)
                return "a problem body whose status differs from the response's";
            return null;
        }
        catch (JsonException)
        {
            return "a problem body that is not JSON";
        }
    }

    /// <summary>All variant indexes, or a deterministic sample of <see cref="MaxVariantsPerOperation"/> of them (the same every run).</summary>
    private static List<int> Sample(string operationId, int count)
    {
        if (count <= MaxVariantsPerOperation) return Enumerable.Range(0, count).ToList();
        var random = new Random(operationId.Aggregate(17, (h, c) => unchecked(h * 31 + c)));
        return Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(MaxVariantsPerOperation).Order().ToList();
    }

    private static string Excerpt(string body)
    {
        var flat = body.ReplaceLineEndings(" ");
        return flat.Length <= 300 ? flat : flat[..300] + "…";
    }
}

public sealed class RobustnessTests_Sqlite(SqliteFactory f, ITestOutputHelper output) : RobustnessTests(f, output), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class RobustnessTests_Postgres(PostgresFactory f, ITestOutputHelper output) : RobustnessTests(f, output), IClassFixture<PostgresFactory>;

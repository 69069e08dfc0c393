using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TechTransfer.Bench.Auctions;
using TechTransfer.Composition.Accounts;
using TechTransfer.Data;
using TechTransfer.Data.Audit;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

// Auction bid-path benchmark (issue 13): the real platform (the web host's own composition, Kestrel on 127.0.0.1, real
// accounts signed in with bearer tokens, SQLite file or a throwaway PostgreSQL database) and many concurrent bidders
// sending POST /api/v1/auctions/{id}/bids over HTTP — on one lot, then spread over 100 lots — beside a plain-insert
// baseline through HTTP in the same run (POST /bench/plain-insert: same Kestrel, authentication and JSON body, one row
// inserted and committed per request). Then 200 SignalR clients in the lot's live room while bids arrive: the time from
// each bid's acknowledgement (its 201 at the bidder) to its receipt at each client. After every phase the bid log is
// checked: gap-free sequence, accepted bids strictly increasing by k × increment, every acknowledged bid in the log.
// usage: dotnet bench/TechTransfer.Bench.Auctions/bin/Release/net10.0/TechTransfer.Bench.Auctions.dll sqlite|postgres [seconds=20] [concurrency=64] [lots=100] [bidders=64] [push-clients=200]
var provider = args.Length > 0 ? args[0].ToLowerInvariant() : "sqlite";
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
var lotCount = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100;
var bidderCount = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 64;
var pushClients = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 200;
var warmup = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP_SECONDS") ?? "5", CultureInfo.InvariantCulture));
const int BiddersPerSpreadLot = 8;
const decimal StartingPrice = 100_000m, Increment = 1_000m;
const string Password = "Bench!Passw0rd2026";

var root = RepoRoot();
var dataDir = Path.Combine(Path.GetTempPath(), "tt-bench-auctions", provider);
var pgBase = Environment.GetEnvironmentVariable("TECHTRANSFER_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
const string PgDb = "tt_bench_auctions";
if (Directory.Exists(dataDir)) Directory.Delete(dataDir, true);
Directory.CreateDirectory(dataDir);
if (provider == "postgres") await DropPostgresAsync(pgBase, PgDb);

Console.WriteLine($"# Auction bid-path benchmark — {provider}, {concurrency} concurrent bidders' requests, {seconds} s per phase after {warmup.TotalSeconds:0} s warm-up, " +
                  $"{Environment.ProcessorCount} cores, {MemoryGiB()} GiB RAM, commit {Commit(root)}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Load()}");

// ---- the platform, composed exactly as src/TechTransfer.Web/Program.cs does, on a loopback port ----
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    ApplicationName = "TechTransfer.Web",
    ContentRootPath = Path.Combine(root, "src", "TechTransfer.Web"),
    EnvironmentName = "Production",
});
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Platform:Mode"] = "Production",
    ["Storage:Provider"] = provider == "sqlite" ? "Sqlite" : "Postgres",
    ["Storage:DataDirectory"] = dataDir,
    ["ConnectionStrings:Postgres"] = $"{pgBase};Database={PgDb}",
    ["Urls"] = "http://127.0.0.1:0",
    // every bidder signs in once, from the same loopback address; tokens outlive the run
    ["Security:Login:PerAddress"] = "100000",
    ["Security:Login:PerUserName"] = "1000",
    ["Security:Sessions:AccessTokenLifetime"] = "01:00:00",
});
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft", LogLevel.Error);
builder.AddTechTransfer();
var app = builder.Build();
await app.InitializeTechTransferAsync();
app.UseTechTransfer();
// The baseline: one row inserted and committed per request through the same host, authentication and JSON binding.
// An audit entry is the plain append-only row the save interceptor does not audit again (one INSERT, one commit).
app.MapPost("/bench/plain-insert", async (PlainInsert body, TechTransferDbContext db, ICurrentUser user, TimeProvider clock) =>
{
    db.Add(new AuditEntry(clock.GetUtcNow(), user.UserId, user.UserName, user.OrganizationId, "Bench", "PlainInsert",
        body.Amount.ToString(CultureInfo.InvariantCulture), null, null, null, null));
    await db.SaveChangesAsync();
    return Results.Created();
}).RequireAuthorization();
await app.StartAsync();
var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"- host on {url}");

// ---- seed: organisations, accounts (UserAdministration), a patent (API), lots and registrations (API) ----
var sw = Stopwatch.StartNew();
var clock = app.Services.GetRequiredService<TimeProvider>();
Guid consignor, exchange;
var bidderOrgs = new List<Guid>();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
    Organization Org(string name) => Organization.Register(new OrganizationDetails(name, "Bench organisation", CreditCode(), OrganizationKind.Enterprise,
        "150", "CHN", "310104", null, null, null, null, [new OrganizationContact("联系人", null, "021-12345678", "c@example.cn")]), clock.GetUtcNow());
    var orgs = new List<Organization> { Org("竞价基准委托方"), Org("竞价基准交易所") };
    for (var i = 0; i < 8; i++) orgs.Add(Org($"竞价基准竞买人{i}"));
    db.AddRange(orgs);
    await db.SaveChangesAsync();
    consignor = orgs[0].Id;
    exchange = orgs[1].Id;
    bidderOrgs.AddRange(orgs.Skip(2).Select(o => o.Id));
}
async Task<Guid> AccountAsync(string userName, string role, Guid org)
{
    await using var scope = app.Services.CreateAsyncScope();
    var r = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(userName, userName, Password, [role], org);
    if (r.IsFailure) throw new InvalidOperationException(r.Error!.En);
    return r.Value!.Id;
}
await AccountAsync("bench.operator", Roles.ExchangeOperator, exchange);
await AccountAsync("bench.office", Roles.InstitutionAdmin, consignor);
var bidders = new List<Bidder>();
for (var i = 0; i < bidderCount; i++)
{
    var name = $"bench.bidder{i:D3}";
    bidders.Add(new Bidder(name, await AccountAsync(name, Roles.Enterprise, bidderOrgs[i % bidderOrgs.Count])));
}
var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
async Task<string> LoginAsync(string userName)
{
    var r = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password }, json);
    r.EnsureSuccessStatusCode();
    return (await r.Content.ReadFromJsonAsync<JsonElement>(json)).GetProperty("accessToken").GetString()!;
}
var operatorToken = await LoginAsync("bench.operator");
var officeToken = await LoginAsync("bench.office");
foreach (var b in bidders) b.Token = await LoginAsync(b.UserName);

async Task<JsonElement> PostAsync(string token, string path, object body)
{
    using var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: json) };
    req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var r = await http.SendAsync(req);
    var text = await r.Content.ReadAsStringAsync();
    if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)r.StatusCode} {text}");
    return JsonDocument.Parse(text).RootElement.Clone();
}
var patent = (await PostAsync(officeToken, "/api/v1/patents", new
{
    applicationNo = "CN2020" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".1", publicationNo = "CN111222333B", type = "Invention",
    title = "一种锂电池缺陷检测方法", patenteeNames = "复旦大学", filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06",
    legalStatus = "InForce", annualFeePaidUntil = "2027-05-09", termCompensationDays = 0, ipcCodes = "G06N 3/08",
})).GetProperty("id").GetGuid();
// announced more than 7 business days ahead (拍卖法 45), as the operator does; moved to "running" below
var startsAt = clock.GetUtcNow().AddDays(12);
var lots = new List<Guid>();
for (var i = 0; i <= lotCount; i++)
    lots.Add((await PostAsync(operatorToken, "/api/v1/auctions", new
    {
        title = $"竞价基准标的 {i}", description = "基准测试", objectType = "Patents", patentIds = new[] { patent }, consignorOrganizationId = consignor,
        startingPrice = StartingPrice, reservePrice = (decimal?)null, noReserve = true, increment = Increment, startsAt, endsAt = startsAt.AddHours(6),
    })).GetProperty("id").GetGuid());
var oneLot = lots[0];
var spreadLots = lots.Skip(1).ToList();
// every bidder on the one lot; BiddersPerSpreadLot bidders on each of the others
var registered = new Dictionary<Guid, List<Bidder>> { [oneLot] = bidders };
for (var i = 0; i < spreadLots.Count; i++)
    registered[spreadLots[i]] = Enumerable.Range(0, BiddersPerSpreadLot).Select(k => bidders[(i * BiddersPerSpreadLot + k) % bidders.Count]).Distinct().ToList();
await Parallel.ForEachAsync(registered.SelectMany(kv => kv.Value.Select(b => (Lot: kv.Key, Bidder: b))), new ParallelOptions { MaxDegreeOfParallelism = 16 },
    async (x, _) => await PostAsync(x.Bidder.Token, $"/api/v1/auctions/{x.Lot}/registrations", new { acceptTerms = true }));
// The set-up moves the lots into bidding (as the business clock would, 12 days later): started a minute ago, ending in
// 6 hours, so no bid of the run falls in the anti-sniping window.
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
    var now = clock.GetUtcNow();
    var moved = await db.Set<AuctionLot>().Where(l => lots.Contains(l.Id)).ExecuteUpdateAsync(s => s
        .SetProperty(l => l.StartsAt, now.AddMinutes(-1)).SetProperty(l => l.EndsAt, now.AddHours(6)).SetProperty(l => l.EffectiveCloseAt, now.AddHours(6)));
    if (moved != lots.Count) throw new InvalidOperationException($"moved {moved} lots of {lots.Count}");
}
Console.WriteLine($"- seeded {bidders.Count} bidders in {bidderOrgs.Count} organisations, {lots.Count} lots, " +
                  $"{registered.Sum(kv => kv.Value.Count)} registrations (deposits held) in {sw.Elapsed.TotalSeconds:N1} s");

// ---- phases ----
var acks = new ConcurrentBag<Ack>();
var counters = lots.ToDictionary(l => l, _ => new long[1]);
var unanswered = 0;

async Task<Outcome> BidAsync(Guid lot, Bidder bidder, ConcurrentDictionary<long, long>? ackTimes)
{
    // each bid is the next step of its lot's own counter: k × increment above every amount sent before it, so a bid is
    // refused only when a later-sent bid overtook it on the way to the lot's writer
    var amount = StartingPrice + Increment * Interlocked.Increment(ref counters[lot][0]);
    using var req = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/auctions/{lot}/bids")
    {
        Content = new StringContent($"{{\"amount\":{amount.ToString(CultureInfo.InvariantCulture)}}}", Encoding.UTF8, "application/json"),
    };
    req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bidder.Token);
    HttpResponseMessage r;
    try { r = await http.SendAsync(req); }
    catch (Exception) { Interlocked.Increment(ref unanswered); return new Outcome(0); }
    using (r)
    {
        if (r.StatusCode == HttpStatusCode.Created)
        {
            var at = Stopwatch.GetTimestamp();
            var body = await r.Content.ReadFromJsonAsync<JsonElement>(json);
            var seq = body.GetProperty("sequence").GetInt64();
            ackTimes?.TryAdd(seq, at);
            acks.Add(new Ack(lot, seq, body.GetProperty("amount").GetDecimal(), bidder.UserId));
            if (body.GetProperty("amount").GetDecimal() != amount) throw new InvalidOperationException("acknowledged amount differs from the amount sent");
        }
        else await r.Content.ReadAsByteArrayAsync();
        return new Outcome((int)r.StatusCode);
    }
}

async Task<Outcome> PlainInsertAsync(Bidder bidder)
{
    using var req = new HttpRequestMessage(HttpMethod.Post, "/bench/plain-insert")
    {
        Content = new StringContent($"{{\"amount\":{Random.Shared.Next(1, 1_000_000)}}}", Encoding.UTF8, "application/json"),
    };
    req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bidder.Token);
    using var r = await http.SendAsync(req);
    await r.Content.ReadAsByteArrayAsync();
    return new Outcome((int)r.StatusCode);
}

var results = new List<PhaseResult>();
Task<PhaseResult> Phase(string name, Func<int, Task<Outcome>> op, int? workers = null) =>
    Runner.RunAsync(name, workers ?? concurrency, warmup, TimeSpan.FromSeconds(seconds), op);

results.Add(await Phase("baseline: plain insert (1 row, 1 commit per request)", w => PlainInsertAsync(bidders[w % bidders.Count])));
results.Add(await Phase("bids on one lot", w => BidAsync(oneLot, bidders[w % bidders.Count], null)));
results.Add(await Phase($"bids spread over {spreadLots.Count} lots", w =>
{
    var lot = spreadLots[Random.Shared.Next(spreadLots.Count)];
    var rs = registered[lot];
    return BidAsync(lot, rs[Random.Shared.Next(rs.Count)], null);
}));
results.Add(await Phase("baseline again: plain insert", w => PlainInsertAsync(bidders[w % bidders.Count])));

// ---- live room: pushClients SignalR clients on the one lot while bids arrive ----
var receipts = new ConcurrentBag<(long First, long Last, long At)>[pushClients];
var connections = new List<HubConnection>();
for (var i = 0; i < pushClients; i++)
{
    var token = bidders[i % bidders.Count].Token;
    var mine = receipts[i] = [];
    var c = new HubConnectionBuilder().WithUrl(url + "/hubs/auctions", o =>
    {
        o.Transports = HttpTransportType.WebSockets;
        o.SkipNegotiation = true;
        o.AccessTokenProvider = () => Task.FromResult<string?>(token);
    }).Build();
    c.On<LiveMessage>("lot", m =>
    {
        var at = Stopwatch.GetTimestamp();
        if (m.NewBids is { Count: > 0 } nb) mine.Add((nb.Min(b => b.Sequence), nb.Max(b => b.Sequence), at));
    });
    connections.Add(c);
}
await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
{
    await c.StartAsync(ct);
    await c.InvokeAsync("Join", oneLot, ct);
});
Console.WriteLine($"- {connections.Count(c => c.State == HubConnectionState.Connected)} SignalR clients in the live room of the one lot");
var pushAcks = new ConcurrentDictionary<long, long>();
var pushWorkers = int.Parse(Environment.GetEnvironmentVariable("BENCH_PUSH_BIDDERS") ?? concurrency.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var pushPhase = await Phase($"bids on one lot with {pushClients} live-room clients", w => BidAsync(oneLot, bidders[w % bidders.Count], pushAcks), pushWorkers);
results.Add(pushPhase);
await Task.Delay(2000); // the last pushes
var pushLatencies = new List<double>();
long early = 0, missing = 0;
var ackedSeqs = pushAcks.Keys.ToHashSet();
foreach (var bag in receipts)
{
    var seen = new HashSet<long>();
    foreach (var (first, last, at) in bag)
        for (var s = first; s <= last; s++)
        {
            if (!pushAcks.TryGetValue(s, out var ackAt)) continue;
            seen.Add(s);
            var ms = Stopwatch.GetElapsedTime(ackAt, at).TotalMilliseconds;
            if (at < ackAt) { early++; ms = 0; }
            pushLatencies.Add(ms);
        }
    missing += ackedSeqs.Count(s => !seen.Contains(s));
}
foreach (var c in connections) await c.DisposeAsync();

// ---- results ----
Console.WriteLine();
Console.WriteLine("| phase | requests/s | accepted (2xx)/s | p50 ms | p95 ms | p99 ms | max ms | CPU ms per 2xx | KB allocated per 2xx | statuses |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var r in results)
    Console.WriteLine($"| {r.Name} | {r.PerSecond:N0} | {r.OkPerSecond:N0} | {r.P(0.50):N1} | {r.P(0.95):N1} | {r.P(0.99):N1} | {r.Max:N1} | {r.CpuMsPerOk:N3} | {r.KbPerOk:N1} | {r.Statuses} |");
Console.WriteLine("(CPU = user + system CPU of this one process — the platform and the load generator together — over the measured window, divided by the 2xx answers; allocations likewise)");
Console.WriteLine();
pushLatencies.Sort();
double PushP(double p) => pushLatencies.Count == 0 ? double.NaN : pushLatencies[Math.Min(pushLatencies.Count - 1, (int)Math.Ceiling(p * pushLatencies.Count) - 1)];
Console.WriteLine($"live-room push ({pushClients} clients, {pushAcks.Count:N0} acknowledged bids during the phase): acknowledgement → receipt at each client " +
                  $"p50 {PushP(0.5):N1} ms, p95 {PushP(0.95):N1} ms, max {(pushLatencies.Count == 0 ? double.NaN : pushLatencies[^1]):N1} ms over {pushLatencies.Count:N0} deliveries; " +
                  $"{early:N0} arrived before the bidder's 201 (counted as 0 ms); {missing:N0} (bid, client) deliveries missing");

// ---- correctness of every lot ----
var failures = await Checks.VerifyAsync(app.Services, lots, acks.ToList(), unanswered, StartingPrice, Increment);
Console.WriteLine(failures.Count == 0
    ? $"correctness: {lots.Count} lots — sequence gap-free, accepted bids strictly increasing by k × {Increment:N0}, lot = log, all {acks.Count:N0} acknowledged bids in the log (and no other accepted bid); {unanswered} requests unanswered"
    : "correctness FAILED:\n  " + string.Join("\n  ", failures.Take(20)));
Console.WriteLine($"load average at the end: {Load()}");
var one = results[1];
var goal = one.OkPerSecond >= 2000 && one.P(0.99) <= 50 && PushP(0.95) <= 500;
Console.WriteLine($"goal (≥ 2,000 accepted bids/s on one lot with p99 ≤ 50 ms; push p95 ≤ 500 ms): {(goal ? "met" : "missed")}");
await app.StopAsync();
if (provider == "postgres") { NpgsqlConnection.ClearAllPools(); await DropPostgresAsync(pgBase, PgDb); }
return failures.Count == 0 ? 0 : 1;

static string Load()
{
    try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (IOException) { return "n/a"; }
}

static string MemoryGiB()
{
    try
    {
        var kb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return (long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
    }
    catch (IOException) { return "n/a"; }
}

static string Commit(string root)
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = root, RedirectStandardOutput = true })!;
        var sha = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        using var dirty = Process.Start(new ProcessStartInfo("git", "status --porcelain --untracked-files=no") { WorkingDirectory = root, RedirectStandardOutput = true })!;
        var changes = dirty.StandardOutput.ReadToEnd().Trim();
        dirty.WaitForExit();
        return changes.Length == 0 ? sha : sha + " + uncommitted changes";
    }
    catch (System.ComponentModel.Win32Exception) { return "n/a"; }
}

static string RepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechTransfer.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Repository root (TechTransfer.slnx) not found.");
}

static string CreditCode()
{
    const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    var body = new string(Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
    return UnifiedSocialCreditCode.Compose('9', '1', "310104", body);
}

static async Task DropPostgresAsync(string server, string database)
{
    await using var c = new NpgsqlConnection(server + ";Database=postgres");
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c);
    await cmd.ExecuteNonQueryAsync();
}

namespace TechTransfer.Bench.Auctions
{
    internal sealed record PlainInsert(long Amount);

    internal sealed class Bidder(string userName, Guid userId)
    {
        public string UserName => userName;
        public Guid UserId => userId;
        public string Token { get; set; } = "";
    }

    internal sealed record Ack(Guid Lot, long Sequence, decimal Amount, Guid Bidder);

    internal readonly record struct Outcome(int Status);

    internal sealed record LiveMessage(Guid Id, List<LiveBidMessage>? NewBids);

    internal sealed record LiveBidMessage(long Sequence, decimal Amount);

    internal sealed class PhaseResult(string name, List<double> latencies, Dictionary<int, int> statuses, double seconds, double cpuSeconds, long allocatedBytes)
    {
        private readonly List<double> _sorted = latencies.Order().ToList();
        public string Name => name;
        /// <summary>User + system CPU of the whole process (platform and load generator) in the measured window.</summary>
        public double CpuSeconds => cpuSeconds;
        public int Ok => statuses.Where(kv => kv.Key is >= 200 and < 300).Sum(kv => kv.Value);
        /// <summary>Process CPU milliseconds per 2xx answer (per accepted bid in the bid phases).</summary>
        public double CpuMsPerOk => Ok == 0 ? double.NaN : cpuSeconds * 1000 / Ok;
        /// <summary>Managed bytes allocated by the process per 2xx answer, in KB.</summary>
        public double KbPerOk => Ok == 0 ? double.NaN : allocatedBytes / 1024.0 / Ok;
        public double PerSecond => _sorted.Count / seconds;
        public double OkPerSecond => statuses.Where(kv => kv.Key is >= 200 and < 300).Sum(kv => kv.Value) / seconds;
        public double Max => _sorted.Count == 0 ? double.NaN : _sorted[^1];
        public double P(double p) => _sorted.Count == 0 ? double.NaN : _sorted[Math.Min(_sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * _sorted.Count) - 1))];
        public string Statuses => string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{(kv.Key == 0 ? "no answer" : kv.Key.ToString(CultureInfo.InvariantCulture))}×{kv.Value:N0}"));
    }

    internal static class Runner
    {
        /// <summary>
        /// Closed loop: <paramref name="workers"/> tasks each send one request after the other. Requests that start in the
        /// measured window (after the warm-up) count: their latency (send → full response) and status.
        /// </summary>
        public static async Task<PhaseResult> RunAsync(string name, int workers, TimeSpan warmup, TimeSpan duration, Func<int, Task<Outcome>> op)
        {
            var start = Stopwatch.GetTimestamp();
            var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
            var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var lat = new List<double>[workers];
            var st = new Dictionary<int, int>[workers];
            // the process's CPU and allocations over the measured window: sampled when it opens and when its last request ends
            var process = Process.GetCurrentProcess();
            (TimeSpan Cpu, long Bytes) atOpen = default;
            var opened = Task.Run(async () =>
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                process.Refresh();
                atOpen = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes());
            });
            await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
            {
                var l = lat[w] = [];
                var s = st[w] = [];
                while (true)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    if (t0 >= end) break;
                    var o = await op(w);
                    if (t0 < measureFrom) continue;
                    l.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    s[o.Status] = s.GetValueOrDefault(o.Status) + 1;
                }
            })));
            // the window is closed when the last request started in it has been answered
            var measured = Stopwatch.GetElapsedTime(measureFrom).TotalSeconds;
            await opened;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - atOpen.Cpu).TotalSeconds;
            var bytes = GC.GetTotalAllocatedBytes() - atOpen.Bytes;
            var statuses = st.SelectMany(d => d).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
            var r = new PhaseResult(name, lat.SelectMany(x => x).ToList(), statuses, measured, cpu, bytes);
            Console.WriteLine($"- {name}: {r.OkPerSecond:N0} 2xx/s, p50 {r.P(0.5):N1} ms, p99 {r.P(0.99):N1} ms ({r.Statuses}); " +
                              $"process CPU {r.CpuSeconds:N1} s = {r.CpuMsPerOk:N3} ms per 2xx, {r.KbPerOk:N1} KB allocated per 2xx; load average {File.ReadAllText("/proc/loadavg")[..14]}");
            return r;
        }
    }

    internal static class Checks
    {
        /// <summary>Every lot's log against its acknowledgements and the lot row.</summary>
        public static async Task<List<string>> VerifyAsync(IServiceProvider services, List<Guid> lots, List<Ack> acks, int unanswered,
            decimal startingPrice, decimal increment)
        {
            var failures = new List<string>();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
            var byLot = acks.GroupBy(a => a.Lot).ToDictionary(g => g.Key, g => g.ToList());
            var extraAccepted = 0;
            foreach (var id in lots)
            {
                var lot = await db.Set<AuctionLot>().AsNoTracking().SingleAsync(l => l.Id == id);
                var log = await db.Set<AuctionBid>().AsNoTracking().Where(b => b.LotId == id).OrderBy(b => b.Sequence).ToListAsync();
                var accepted = log.Where(b => b.Accepted).ToList();
                for (var i = 0; i < log.Count; i++)
                    if (log[i].Sequence != i + 1) { failures.Add($"lot {id}: sequence gap at #{log[i].Sequence}"); break; }
                if (lot.LastSequence != log.Count) failures.Add($"lot {id}: lot says #{lot.LastSequence}, log has {log.Count}");
                if (lot.AcceptedBids != accepted.Count) failures.Add($"lot {id}: lot counts {lot.AcceptedBids} accepted, log {accepted.Count}");
                if (accepted.Count > 0 && lot.HighBid != accepted[^1].Amount) failures.Add($"lot {id}: high bid {lot.HighBid}, last accepted {accepted[^1].Amount}");
                if (accepted.Count > 0 && accepted[0].Amount < startingPrice) failures.Add($"lot {id}: first accepted bid below the starting price");
                for (var i = 1; i < accepted.Count; i++)
                {
                    var step = accepted[i].Amount - accepted[i - 1].Amount;
                    if (step <= 0 || step % increment != 0) { failures.Add($"lot {id}: step {step} at #{accepted[i].Sequence}"); break; }
                }
                var bySeq = log.ToDictionary(b => b.Sequence);
                var mine = byLot.GetValueOrDefault(id) ?? [];
                foreach (var a in mine)
                    if (!bySeq.TryGetValue(a.Sequence, out var b) || !b.Accepted || b.Amount != a.Amount || b.BidderUserId != a.Bidder)
                        failures.Add($"lot {id}: acknowledged bid #{a.Sequence} ¥{a.Amount} not in the log as accepted");
                if (mine.Select(a => a.Sequence).Distinct().Count() != mine.Count) failures.Add($"lot {id}: a sequence number acknowledged twice");
                extraAccepted += accepted.Count - mine.Count;
            }
            // an accepted bid nobody was told of can only be a request whose answer never arrived
            if (extraAccepted > unanswered) failures.Add($"{extraAccepted} accepted bids were never acknowledged ({unanswered} requests unanswered)");
            return failures;
        }
    }
}

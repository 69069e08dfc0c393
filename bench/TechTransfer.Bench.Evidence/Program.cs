using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TechTransfer.Composition;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Evidence;
using TechTransfer.Exchange.Features.Evidence;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Evidence;

// Evidence-chain benchmark: verification of one chain of N records (default 1,000,000) through the real verifier
// (EvidenceVerifier.VerifyChainAsync: streamed from the database in batches by sequence, each record's canonical form
// rebuilt and SHA-256 hashed, links and the head checked) — time per record — beside two baselines measured in the same
// run: reading the same rows without checking them (what the database read costs), and the hashing alone in memory.
// The chain is written once by the domain's own rules (EvidenceChainHead.Append) with realistic facts (~600 bytes).
// usage: dotnet bench/TechTransfer.Bench.Evidence/bin/Release/net10.0/TechTransfer.Bench.Evidence.dll sqlite|postgres [records]
var provider = args.Length > 0 ? args[0].ToLowerInvariant() : "sqlite";
var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var dataDir = Path.Combine(Path.GetTempPath(), "tt-bench-evidence", provider);
var pgBase = Environment.GetEnvironmentVariable("TECHTRANSFER_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
const string pgDb = "tt_bench_evidence";

if (provider == "sqlite") { if (Directory.Exists(dataDir)) Directory.Delete(dataDir, true); Directory.CreateDirectory(dataDir); }
else
{
    await using var c = new NpgsqlConnection(pgBase + ";Database=postgres");
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDb} WITH (FORCE)", c);
    await cmd.ExecuteNonQueryAsync();
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Platform:Mode"] = "Production",
    ["Storage:Provider"] = provider == "sqlite" ? "Sqlite" : "Postgres",
    ["Storage:DataDirectory"] = dataDir,
    ["ConnectionStrings:Postgres"] = $"{pgBase};Database={pgDb}",
});
builder.Services.AddTechTransferCore(builder.Configuration);
builder.Services.AddSingleton<ICurrentUser>(Caller.System("bench"));
using var host = builder.Build();
using (var scope = host.Services.CreateScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
Console.WriteLine($"# Evidence-chain benchmark — {provider}, {n:N0} records, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Load()}");

var chain = EvidenceChains.Deal(Guid.NewGuid());
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
var actor = Guid.NewGuid();
var write = Stopwatch.StartNew();
var inMemory = new List<EvidenceRecord>(Math.Min(n, 200_000));
using (var scope = host.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var head = EvidenceChainHead.Open(chain, start);
    db.Add(head);
    for (var i = 1; i <= n; i++)
    {
        var at = start.AddSeconds(i);
        var facts = new EvidenceFacts().Add("transferId", Guid.NewGuid()).Add("journalSequence", (long)i).Add("transferKind", "PaymentReceived")
            .Add("phase", "Single").Add("amount", 1_000m + i % 997 + 0.5m).Add("reference", "ICBC-" + i.ToString(CultureInfo.InvariantCulture))
            .Add("legs", new[] { "ExternalBank/-:-" + (1_000 + i % 997) + ".5", "ExchangeEscrow/-:" + (1_000 + i % 997) + ".5" })
            .Add("note", "第 " + i.ToString(CultureInfo.InvariantCulture) + " 笔分期付款，按成交确认书约定的付款计划收取");
        var record = head.Append("ledger.transfer", at, actor, facts.Values);
        db.Add(record);
        if (inMemory.Count < inMemory.Capacity) inMemory.Add(record);
        if (i % 20_000 == 0 || i == n)
        {
            db.Entry(head).DetectChanges(); // the head moved (automatic change detection is off for the bulk write)
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            db.Attach(head);
        }
    }
}
Console.WriteLine($"written in {write.Elapsed.TotalSeconds:N1} s (setup, not measured)");

async Task<(double Seconds, long Rows)> ReadOnly()
{
    using var scope = host.Services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
    var sw = Stopwatch.StartNew();
    long after = 0, rows = 0;
    while (true)
    {
        var from = after;
        var batch = await db.Set<EvidenceRecord>().AsNoTracking().Where(r => r.ChainKey == chain && r.Sequence > from).OrderBy(r => r.Sequence).Take(5000).ToListAsync();
        rows += batch.Count;
        if (batch.Count < 5000) break;
        after = batch[^1].Sequence;
    }
    return (sw.Elapsed.TotalSeconds, rows);
}

async Task<(double Seconds, ChainReport Report)> Verify()
{
    using var scope = host.Services.CreateScope();
    var verifier = scope.ServiceProvider.GetRequiredService<EvidenceVerifier>();
    var sw = Stopwatch.StartNew();
    var report = await verifier.VerifyChainAsync(chain, CancellationToken.None);
    return (sw.Elapsed.TotalSeconds, report);
}

static string PerRecord(double seconds, long rows) => $"{seconds * 1e6 / rows:N2} µs/record ({rows / seconds:N0} records/s, {seconds:N1} s)";

// hashing alone: the in-memory verifier over the first records (no database)
var hashing = Stopwatch.StartNew();
var memory = new EvidenceChainVerifier(chain);
foreach (var r in inMemory) memory.Next(r);
hashing.Stop();
if (memory.Break is not null) throw new InvalidOperationException("in-memory chain broken");

for (var round = 1; round <= 2; round++)
{
    var read = await ReadOnly();
    var (seconds, report) = await Verify();
    if (!report.Verified || report.Checked != n) throw new InvalidOperationException($"verification failed: {report.Break}");
    Console.WriteLine($"round {round}: verify (real verifier, database) {PerRecord(seconds, report.Checked)}");
    Console.WriteLine($"round {round}: baseline read only (same query, no checks) {PerRecord(read.Seconds, read.Rows)}");
}
Console.WriteLine($"baseline hashing alone in memory ({inMemory.Count:N0} records): {PerRecord(hashing.Elapsed.TotalSeconds, inMemory.Count)}");
Console.WriteLine($"load average at the end {Load()}");

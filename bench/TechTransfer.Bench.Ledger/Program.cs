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
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Settlement.Features;
using TechTransfer.SharedKernel;

// Escrow-ledger benchmark: posted transfers per second through the real use case (SettlementService: Idempotency-Key
// check, per-deal writer lock, book rules, accounts + transfer + legs + key with its response in one transaction),
// single-phase two-leg payments and four-leg payouts, one writer and two writers on different deals — beside a plain
// baseline measured in the same run: one INSERT of one row per transaction into a scratch table (what any durable write costs here).
// usage: dotnet bench/TechTransfer.Bench.Ledger/bin/Release/net10.0/TechTransfer.Bench.Ledger.dll sqlite|postgres [transfers] [deals]
var provider = args.Length > 0 ? args[0].ToLowerInvariant() : "sqlite";
var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
var dealCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var dataDir = Path.Combine(Path.GetTempPath(), "tt-bench-ledger", provider);
var pgBase = Environment.GetEnvironmentVariable("TECHTRANSFER_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
const string pgDb = "tt_bench_ledger";

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
builder.Services.AddSingleton<ICurrentUser>(Caller.Of(Guid.NewGuid(), Guid.NewGuid(), Roles.ExchangeOperator));
using var host = builder.Build();
using (var scope = host.Services.CreateScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
Console.WriteLine($"# Ledger benchmark — {provider}, {n:N0} transfers per phase, {dealCount} deals, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Load()}");

var deals = new List<Guid>();
using (var scope = host.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
    var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
    for (var i = 0; i < dealCount; i++)
    {
        var d = ExchangeDeal.Create(Guid.NewGuid(), new DealTerms(DealOrigin.Auction, null, Guid.NewGuid(), $"基准测试成交 {i}", DealObjectType.Patents, [Guid.NewGuid()],
            TechTransfer.Exchange.Domain.Listings.ListingDealType.Transfer, Guid.NewGuid(), Guid.NewGuid(), null, 1_000_000m, DealSettlement.LumpSum, []),
            new DealOptions(), null, clock.GetUtcNow());
        db.Add(d);
        deals.Add(d.Id);
    }
    await db.SaveChangesAsync();
    await db.Database.ExecuteSqlRawAsync(provider == "sqlite"
        ? "CREATE TABLE bench_plain (\"Id\" TEXT PRIMARY KEY, \"DealId\" TEXT NOT NULL, \"Amount\" TEXT NOT NULL)"
        : "CREATE TABLE bench_plain (\"Id\" uuid PRIMARY KEY, \"DealId\" uuid NOT NULL, \"Amount\" numeric(18,2) NOT NULL)");
}

async Task<(double PerSecond, double P50, double P99)> Run(string name, int writers, Func<IServiceProvider, int, int, Task> one)
{
    var latencies = new double[n];
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
    {
        for (var i = w; i < n; i += writers)
        {
            var sw = Stopwatch.StartNew();
            using var scope = host.Services.CreateScope();
            await one(scope.ServiceProvider, i, w);
            latencies[i] = sw.Elapsed.TotalMilliseconds;
        }
    })));
    var seconds = total.Elapsed.TotalSeconds;
    Array.Sort(latencies);
    var result = (n / seconds, latencies[n / 2], latencies[(int)(n * 0.99)]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"- {name}: {result.Item1:N0}/s (p50 {result.Item2:N2} ms, p99 {result.Item3:N2} ms; load average {Load()})"));
    return result;
}

Task Plain(IServiceProvider sp, int i, int w)
{
    var db = sp.GetRequiredService<TechTransferDbContext>();
    return PlainInsert(db, deals[(i + w) % deals.Count]);
}

static async Task PlainInsert(TechTransferDbContext db, Guid deal)
{
    await using var tx = await db.Database.BeginTransactionAsync();
    var id = Guid.NewGuid();
    if (db.Provider == DatabaseProvider.Sqlite)
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO bench_plain (\"Id\", \"DealId\", \"Amount\") VALUES ({id.ToString()}, {deal.ToString()}, {"100.00"})");
    else
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO bench_plain (\"Id\", \"DealId\", \"Amount\") VALUES ({id}, {deal}, {100.00m})");
    await tx.CommitAsync();
}

async Task Payment(IServiceProvider sp, Guid deal)
{
    var r = await sp.GetRequiredService<SettlementService>().RecordPaymentAsync(deal, Guid.NewGuid().ToString(), new PaymentRequest(1_015m, "BENCH"), CancellationToken.None);
    if (r.IsFailure) throw new InvalidOperationException(r.Error!.Code);
}

async Task Payout(IServiceProvider sp, Guid deal)
{
    var r = await sp.GetRequiredService<SettlementService>().PayOutAsync(deal, Guid.NewGuid().ToString(), new PayoutRequest(1_000m, 1m), CancellationToken.None);
    if (r.IsFailure) throw new InvalidOperationException(r.Error!.Code);
}

// warm-up (JIT, connection pool), not measured
for (var i = 0; i < 50; i++) { using var s = host.Services.CreateScope(); await Payment(s.ServiceProvider, deals[i % deals.Count]); await PlainInsert(s.ServiceProvider.GetRequiredService<TechTransferDbContext>(), deals[0]); }

await Run("baseline: plain INSERT, one row per transaction, 1 writer", 1, Plain);
await Run("payment (2 legs), 1 writer", 1, (sp, i, _) => Payment(sp, deals[i % deals.Count]));
await Run("payout (4 legs: escrow → seller, fees, broker), 1 writer", 1, (sp, i, _) => Payout(sp, deals[i % deals.Count]));
await Run("baseline: plain INSERT, 2 writers", 2, Plain);
await Run("payment (2 legs), 2 writers on different deals", 2, (sp, i, w) => Payment(sp, deals[(i % (deals.Count / 2)) * 2 + w]));
await Run("payment (2 legs), 2 writers on one deal", 2, (sp, _, _) => Payment(sp, deals[0]));

using (var scope = host.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
    var transfers = await db.Set<TechTransfer.Settlement.Domain.LedgerTransfer>().CountAsync();
    var legs = await db.Set<TechTransfer.Settlement.Domain.LedgerLeg>().CountAsync();
    var negative = await db.Set<TechTransfer.Settlement.Domain.LedgerAccount>().CountAsync(a => a.Balance < 0);
    Console.WriteLine($"- stored: {transfers:N0} transfers, {legs:N0} legs, accounts below zero: {negative}");
}

using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechTransfer.Composition;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

// Workbench benchmark (SQLite or PostgreSQL): loads A achievements (default 1,000,000, with one completer account each) and
// C contracts (default 10,000,000) with one buyer party each by set-based SQL, then builds every role's workbench
// (GET /api/v1/workbench: WorkbenchQueries over all IWorkbenchSource) R times per role and reports, per role, the whole
// workbench and every SQL command's server time (execution + reading its rows), checks each command's query plan for a
// full scan of the big tables, checks four counts against a full-scan count, and times those full scans in the same run
// as the baseline.
// usage: dotnet bench/TechTransfer.Bench.Workbench/bin/Release/net10.0/TechTransfer.Bench.Workbench.dll [sqlite|postgres] [achievements] [contracts] [runs]
// PostgreSQL: TECHTRANSFER_BENCH_POSTGRES (default Host=127.0.0.1;Port=55432;Username=postgres); database tt_bench_workbench is dropped and recreated.
var postgres = args.Length > 0 && args[0] == "postgres";
var rest = args.Length > 0 && args[0] is "sqlite" or "postgres" ? args[1..] : args;
var achievements = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000_000;
var contracts = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 10_000_000;
var runs = rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 30;
const int Organizations = 2000;
const string PgDb = "tt_bench_workbench";
var pgBase = Environment.GetEnvironmentVariable("TECHTRANSFER_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
var dataDir = Path.Combine(Path.GetTempPath(), "tt-bench-workbench", postgres ? "postgres" : "sqlite");
// BENCH_REUSE=1: measure the database a previous run loaded (same arguments) and keep it afterwards
var reuse = Environment.GetEnvironmentVariable("BENCH_REUSE") == "1";
if (!reuse)
{
    if (Directory.Exists(dataDir)) Directory.Delete(dataDir, true);
    if (postgres) await Bench.DropPostgresAsync(pgBase, PgDb);
}
Directory.CreateDirectory(dataDir);
ISqlDialect sql = postgres ? new PostgresDialect() : new SqliteDialect();

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Platform:Mode"] = "Production",
    ["Storage:Provider"] = postgres ? "Postgres" : "Sqlite",
    ["Storage:DataDirectory"] = dataDir,
    ["ConnectionStrings:Postgres"] = $"{pgBase};Database={PgDb};Command Timeout=3600",
});
builder.Services.AddTechTransferCore(builder.Configuration);
builder.Services.AddScoped<ICurrentUser>(_ => Bench.Caller);
using var host = builder.Build();
using (var scope = host.Services.CreateScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);

Console.WriteLine($"# Workbench benchmark — {(postgres ? "postgresql" : "sqlite")}, {achievements:N0} achievements, {contracts:N0} contracts (+{contracts:N0} party rows), " +
                  $"{Organizations:N0} organisations, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
var today = BusinessTime.DateOf(DateTimeOffset.UtcNow);
var now = DateTimeOffset.UtcNow;
var sw = Stopwatch.StartNew();
if (!reuse)
using (var scope = host.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
    var conn = db.Database.GetDbConnection();
    await conn.OpenAsync();
    foreach (var statement in sql.BeforeLoad) await Bench.Exec(conn, statement);
    // one org in twenty rows is organisation 0 (a big university: 5 % of everything), the rest spread over the others
    var Org = sql.Uuid("00000000-0000-0000-0000-%012X", $"CASE WHEN i % 20 = 0 THEN 0 ELSE 1 + i % ({Organizations} - 1) END");
    // a multiplicative hash of the row number, 0–999: states independent of the organisation and the researcher
    const string H = "(((i * 2654435761) % 4294967296) % 1000)";
    await Bench.LoadAsync(sql, conn, "ach_achievements", achievements, new()
    {
        ["Id"] = sql.Uuid("%08X-0000-7000-8000-%012X", "1", "i"),
        ["OwnerOrganizationId"] = Org,
        ["Status"] = $"CASE WHEN {H} < 10 THEN 'Returned' WHEN {H} < 20 THEN 'Declined' WHEN {H} < 120 THEN 'Draft' " +
                     $"WHEN {H} < 160 THEN 'Disclosed' WHEN {H} < 190 THEN 'UnderReview' ELSE 'Registered' END",
        // 20 researchers per organisation
        ["CreatedByUserId"] = sql.Uuid("00000001-0000-0000-%04X-%012X", "(i / 20) % 20", "CASE WHEN i % 20 = 0 THEN 0 ELSE 1 + i % (2000 - 1) END"),
        ["IdleFlaggedAt"] = $"CASE WHEN i % 37 = 0 THEN {sql.Time(now)} END",
        ["CreatedAt"] = sql.Time(now),
        ["UpdatedAt"] = sql.Time(now),
        ["Title"] = "'科技成果 ' || i",
        ["TechnicalField"] = "'新材料'",
    });
    Console.WriteLine($"- load {achievements:N0} achievements and rebuild their indexes: {sw.Elapsed.TotalSeconds:N1} s");
    sw.Restart();
    // one completer account per achievement: the next researcher of the same organisation (not the creator), so the
    // researcher's "named as a completer" count reads real rows
    await Bench.LoadAsync(sql, conn, "ach_achievement_completer_accounts", achievements, new()
    {
        ["AchievementId"] = sql.Uuid("%08X-0000-7000-8000-%012X", "1", "i"),
        ["UserId"] = sql.Uuid("00000001-0000-0000-%04X-%012X", "((i / 20) + 1) % 20", "CASE WHEN i % 20 = 0 THEN 0 ELSE 1 + i % (2000 - 1) END"),
    });
    Console.WriteLine($"- load {achievements:N0} completer accounts and rebuild their indexes: {sw.Elapsed.TotalSeconds:N1} s");
    sw.Restart();
    var status = $"CASE WHEN {H} < 5 THEN 'Draft' WHEN {H} < 10 THEN 'Submitted' WHEN {H} < 15 THEN 'Accepted' " +
                 $"WHEN {H} < 17 THEN 'ExpertReview' WHEN {H} < 20 THEN 'SupplementRequested' ELSE 'Registered' END";
    await Bench.LoadAsync(sql, conn, "contracts_contracts", contracts, new()
    {
        ["Id"] = sql.Uuid("%08X-0000-7000-8000-%012X", "2", "i"),
        ["OwnerOrganizationId"] = Org,
        ["Status"] = status,
        ["DueDate"] = $"CASE WHEN {H} BETWEEN 10 AND 16 THEN {sql.DatePlusDays(today, "(i % 41) - 20")} END",
        ["ResubmittedAt"] = $"CASE WHEN {H} BETWEEN 10 AND 14 AND i % 3 = 0 THEN {sql.Time(now)} END",
        ["AssignedRegistrarUserId"] = $"CASE WHEN {H} BETWEEN 5 AND 19 AND i % 10 = 0 THEN {sql.Uuid("00000002-0000-0000-0000-000000000001")} END",
        ["RegistrationNo"] = $"CASE WHEN {H} >= 20 THEN 'R' || i END",
        ["Fingerprint"] = "'f' || i",
        ["CreatedAt"] = sql.Time(now),
        ["UpdatedAt"] = sql.Time(now),
        ["ProjectName"] = "'技术合同 ' || i",
    });
    Console.WriteLine($"- load {contracts:N0} contracts and rebuild their indexes: {sw.Elapsed.TotalSeconds:N1} s");
    sw.Restart();
    // the buyer party of each contract: a registered organisation (the seller is the owner)
    await Bench.LoadAsync(sql, conn, "contracts_parties", contracts, new()
    {
        ["Id"] = sql.Uuid("%08X-0000-7000-8000-%012X", "3", "i"),
        ["ContractId"] = sql.Uuid("%08X-0000-7000-8000-%012X", "2", "i"),
        ["OrganizationId"] = sql.Uuid("00000000-0000-0000-0000-%012X", $"1 + (i * 31 + 7) % ({Organizations} - 1)"),
        ["Role"] = "'Buyer'",
        ["Name"] = "'受让方 ' || i",
    });
    Console.WriteLine($"- load {contracts:N0} contract parties and rebuild their indexes: {sw.Elapsed.TotalSeconds:N1} s");
    sw.Restart();
    foreach (var statement in sql.AfterLoad) await Bench.Exec(conn, statement);
    Console.WriteLine($"- analyze: {sw.Elapsed.TotalSeconds:N1} s; database {await sql.DatabaseBytesAsync(conn, dataDir) / 1048576.0:N0} MiB");
}

static Guid G(string s) => Guid.Parse(s);
var org0 = G("00000000-0000-0000-0000-000000000000");
var org5 = G("00000000-0000-0000-0000-000000000005");
var roles = new (string Name, Caller Caller)[]
{
    ("office (机构管理员)", Caller.Of(Guid.NewGuid(), org0, Roles.InstitutionAdmin)),
    ("researcher (科研人员)", Caller.Of(G("00000001-0000-0000-0000-000000000000"), org0, Roles.Researcher)),
    ("enterprise (企业)", Caller.Of(Guid.NewGuid(), org5, Roles.Enterprise)),
    ("registrar (登记员)", Caller.Of(G("00000002-0000-0000-0000-000000000001"), G("00000000-0000-0000-0000-0000000007CF"), Roles.Registrar)),
    ("technology manager (技术经理人)", Caller.Of(Guid.NewGuid(), org5, Roles.TechManager)),
    ("analyst (分析员)", Caller.Of(Guid.NewGuid(), G("00000000-0000-0000-0000-0000000007CE"), Roles.Analyst)),
    ("platform admin (平台管理员)", Caller.Of(Guid.NewGuid(), null, Roles.PlatformAdmin)),
};

using var log = new CommandLog();
using var subscription = DiagnosticListener.AllListeners.Subscribe(log);
var results = new Dictionary<string, WorkbenchResponse>();
var worst = 0.0;
Console.WriteLine($"\nEach role's workbench, {runs} runs after 3 warm-ups (server time per SQL command = EF's CommandExecuted duration + the time its rows were read, until DataReaderDisposing):\n");
Console.WriteLine("| role | commands | workbench p50 ms | workbench p95 ms | slowest command p95 ms | slowest command max ms | SCAN steps in the plans |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
foreach (var (name, caller) in roles)
{
    Bench.Caller = caller;
    var wall = new List<double>();
    var perCommand = new Dictionary<string, List<double>>();
    List<CommandLog.Entry> commands = [];
    for (var run = 0; run < runs + 3; run++)
    {
        log.Start();
        var t = Stopwatch.StartNew();
        using var scope = host.Services.CreateScope();
        var r = await scope.ServiceProvider.GetRequiredService<WorkbenchQueries>().GetAsync(CancellationToken.None);
        t.Stop();
        commands = log.Stop();
        if (r.IsFailure) throw new InvalidOperationException(name + ": " + r.Error);
        results[name] = r.Value!;
        if (run < 3) continue;
        wall.Add(t.Elapsed.TotalMilliseconds);
        foreach (var c in commands) (perCommand.TryGetValue(c.Sql, out var l) ? l : perCommand[c.Sql] = []).Add(c.Ms);
    }
    var scans = await Bench.FullScansAsync(sql, host.Services, commands);
    var slowest = perCommand.OrderByDescending(kv => Bench.Pct(kv.Value, 0.95)).First();
    worst = Math.Max(worst, perCommand.Values.Max(v => Bench.Pct(v, 0.95)));
    Console.WriteLine($"| {name} | {commands.Count} | {Bench.Pct(wall, 0.5):N1} | {Bench.Pct(wall, 0.95):N1} | {Bench.Pct(slowest.Value, 0.95):N2} | {slowest.Value.Max():N2} | {(scans.Count == 0 ? "none" : string.Join("; ", scans))} |");
    if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
        foreach (var kv in perCommand.OrderByDescending(kv => Bench.Pct(kv.Value, 0.95)))
            Console.WriteLine($"    {Bench.Pct(kv.Value, 0.95),8:N2} ms  {kv.Key.ReplaceLineEndings(" ")[..Math.Min(160, kv.Key.ReplaceLineEndings(" ").Length)]}");
}

// baseline in the same run: the same counts by a full scan of the table (SQLite NOT INDEXED); the workbench must agree
Console.WriteLine("\nBaseline — the same counts without their indexes (full table scan), each run 3 times, median:\n");
Console.WriteLine("| count | workbench | full scan | full-scan time ms |");
Console.WriteLine("|---|---:|---:|---:|");
long Item(string role, string key) => results[role].ToDo.Concat(results[role].Status).Concat(results[role].Figures).Single(i => i.Key == key).Count;
string U(Guid g) => sql.Uuid(g.ToString().ToUpperInvariant());
var me = G("00000001-0000-0000-0000-000000000000");
var checks = new (string Label, string Role, string Key, string Sql)[]
{
    ("office: disclosures to review", roles[0].Name, "achievements.disclosed",
        $"SELECT COUNT(*) FROM {sql.NoIndex("ach_achievements")} WHERE \"OwnerOrganizationId\" = {U(org0)} AND \"Status\" = 'Disclosed'"),
    ("researcher: my registered achievements", roles[1].Name, "achievements.my_registered",
        $"SELECT COUNT(*) FROM {sql.NoIndex("ach_achievements")} WHERE \"OwnerOrganizationId\" = {U(org0)} AND \"Status\" = 'Registered' " +
        $"AND (\"CreatedByUserId\" = {U(me)} OR \"Id\" IN (SELECT \"AchievementId\" FROM {sql.NoIndex("ach_achievement_completer_accounts")} WHERE \"UserId\" = {U(me)}))"),
    ("registrar: contracts to accept", roles[3].Name, "contracts.to_accept",
        $"SELECT COUNT(*) FROM {sql.NoIndex("contracts_contracts")} WHERE \"Status\" = 'Submitted'"),
    // the contracts themselves without an index; the party rows by contract (the predicate the workbench used before)
    ("enterprise: registered contracts that name it", roles[2].Name, "contracts.registered",
        $"SELECT COUNT(*) FROM {sql.NoIndex("contracts_contracts", "c")} WHERE \"Status\" IN ('Registered', 'ChangeRegistered') AND (\"OwnerOrganizationId\" = {U(org5)} " +
        $"OR EXISTS (SELECT 1 FROM contracts_parties AS p WHERE p.\"ContractId\" = c.\"Id\" AND p.\"OrganizationId\" = {U(org5)}))"),
};
using (var scope = host.Services.CreateScope())
{
    var conn = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>().Database.GetDbConnection();
    await conn.OpenAsync();
    foreach (var statement in sql.WithoutIndexes) await Bench.Exec(conn, statement);
    var failed = false;
    foreach (var (label, role, key, countSql) in checks)
    {
        var times = new List<double>();
        long scanned = 0;
        for (var i = 0; i < 3; i++)
        {
            var t = Stopwatch.StartNew();
            scanned = await Bench.Scalar(conn, countSql);
            times.Add(t.Elapsed.TotalMilliseconds);
        }
        var shown = Item(role, key);
        failed |= shown != scanned;
        Console.WriteLine($"| {label} | {shown:N0} | {scanned:N0} | {Bench.Pct(times, 0.5):N0} |");
    }
    if (failed) throw new InvalidOperationException("a workbench count differs from the full-scan count");
}
Console.WriteLine($"\nslowest SQL command p95 over all roles: {worst:N2} ms (target ≤ 50 ms)");
if (postgres && !reuse) { Npgsql.NpgsqlConnection.ClearAllPools(); await Bench.DropPostgresAsync(pgBase, PgDb); }
return worst <= 50 ? 0 : 1;

internal static class Bench
{
    public static Caller Caller { get; set; } = Caller.Of(Guid.NewGuid(), null, Roles.PlatformAdmin);

    public static double Pct(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }

    public static async Task Exec(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 3600;
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<long> Scalar(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 3600;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Bulk load by one set-based INSERT … SELECT over a counter, with the table's secondary indexes dropped during the
    /// load and rebuilt after it. Columns not given get a neutral value of their type when NOT NULL.
    /// </summary>
    public static async Task LoadAsync(ISqlDialect sql, DbConnection conn, string table, int count, Dictionary<string, string> values)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = sql.SecondaryIndexes(table);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await Exec(conn, $"DROP INDEX \"{name}\"");
        var columns = new List<(string Name, string Expr)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = sql.Columns(table);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (values.TryGetValue(name, out var expr)) columns.Add((name, expr));
                else if (reader.GetBoolean(2) && reader.IsDBNull(3)) columns.Add((name, sql.Neutral(name, reader.GetString(1))));
            }
        }
        await Exec(conn, "BEGIN");
        await Exec(conn, $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) " +
                         $"SELECT {string.Join(", ", columns.Select(c => c.Expr))} FROM {sql.Counter(count)}");
        await Exec(conn, "COMMIT");
        foreach (var (_, index) in indexes) await Exec(conn, index);
    }

    /// <summary>Each command's plan: every full walk of a table or index (as opposed to a seek).</summary>
    public static async Task<List<string>> FullScansAsync(ISqlDialect sql, IServiceProvider services, List<CommandLog.Entry> commands)
    {
        using var scope = services.CreateScope();
        var conn = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>().Database.GetDbConnection();
        await conn.OpenAsync();
        var found = new List<string>();
        foreach (var c in commands)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql.Explain + c.Sql;
            foreach (var (n, v) in c.Parameters)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = n;
                p.Value = v ?? DBNull.Value;
                cmd.Parameters.Add(p);
            }
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var detail = reader.GetString(sql.PlanColumn).Trim();
                if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1") Console.WriteLine("      plan: " + detail);
                if (sql.IsFullScan(detail)) found.Add(detail);
            }
        }
        return found.Distinct().ToList();
    }

    public static async Task DropPostgresAsync(string server, string database)
    {
        await using var c = new Npgsql.NpgsqlConnection(server + ";Database=postgres");
        await c.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>What differs between the two databases in loading, planning and the no-index baseline.</summary>
internal interface ISqlDialect
{
    IReadOnlyList<string> BeforeLoad { get; }
    IReadOnlyList<string> AfterLoad { get; }
    /// <summary>Session settings under which the baseline counts walk the tables instead of their indexes.</summary>
    IReadOnlyList<string> WithoutIndexes { get; }
    string Explain { get; }
    int PlanColumn { get; }
    /// <summary>A row source of i = 0 … count − 1.</summary>
    string Counter(int count);
    /// <summary>A uuid from a printf-style template of %0NX hex fields (upper case, as SQLite stores Guids) and their expressions.</summary>
    string Uuid(string template, params string[] args);
    string Time(DateTimeOffset at);
    string DatePlusDays(DateOnly day, string days);
    string NoIndex(string table, string? alias = null);
    string SecondaryIndexes(string table);
    /// <summary>Rows of (name, type, not null, default).</summary>
    string Columns(string table);
    string Neutral(string column, string type);
    bool IsFullScan(string planLine);
    Task<long> DatabaseBytesAsync(DbConnection conn, string dataDir);
}

internal sealed class SqliteDialect : ISqlDialect
{
    public IReadOnlyList<string> BeforeLoad { get; } = ["PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-1000000", "PRAGMA foreign_keys=OFF"];
    public IReadOnlyList<string> AfterLoad { get; } = ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "ANALYZE"];
    public IReadOnlyList<string> WithoutIndexes { get; } = [];
    public string Explain => "EXPLAIN QUERY PLAN ";
    public int PlanColumn => 3;
    public string Counter(int count) => $"(WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < {count - 1}) SELECT i FROM s) AS s";
    public string Uuid(string template, params string[] args) =>
        args.Length == 0 ? $"'{template}'" : $"printf('{template}', {string.Join(", ", args)})";
    public string Time(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);
    public string DatePlusDays(DateOnly day, string days) => $"date('{day:yyyy-MM-dd}', ({days}) || ' days')";
    public string NoIndex(string table, string? alias = null) => table + (alias is null ? "" : " AS " + alias) + " NOT INDEXED";
    public string SecondaryIndexes(string table) => $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL";
    public string Columns(string table) => $"SELECT name, type, \"notnull\" = 1, dflt_value FROM pragma_table_info('{table}')";
    public string Neutral(string column, string type) =>
        type.Contains("INT", StringComparison.OrdinalIgnoreCase) ? "0" : type.Contains("REAL", StringComparison.OrdinalIgnoreCase) ? "0.0"
        : column.EndsWith("_json", StringComparison.Ordinal) || column is "history" or "completers" ? "'[]'" : "''";
    // a SCAN (with or without an index) walks the whole table or index; a SEARCH seeks
    public bool IsFullScan(string planLine) => planLine.StartsWith("SCAN ", StringComparison.Ordinal) && !planLine.StartsWith("SCAN CONSTANT", StringComparison.Ordinal);
    public Task<long> DatabaseBytesAsync(DbConnection conn, string dataDir) => Task.FromResult(Directory.GetFiles(dataDir).Sum(f => new FileInfo(f).Length));
}

internal sealed class PostgresDialect : ISqlDialect
{
    // foreign keys are not checked while loading (the rows are consistent by construction)
    public IReadOnlyList<string> BeforeLoad { get; } = ["SET session_replication_role = replica", "SET maintenance_work_mem = '1GB'"];
    public IReadOnlyList<string> AfterLoad { get; } = ["SET session_replication_role = DEFAULT", "VACUUM ANALYZE"];
    public IReadOnlyList<string> WithoutIndexes { get; } = ["SET enable_indexscan = off", "SET enable_bitmapscan = off", "SET enable_indexonlyscan = off"];
    public string Explain => "EXPLAIN ";
    public int PlanColumn => 0;
    public string Counter(int count) => $"generate_series(0::bigint, {count - 1}::bigint) AS s(i)";
    public string Uuid(string template, params string[] args)
    {
        var parts = new List<string>();
        var rest = template;
        var n = 0;
        while (rest.IndexOf('%', StringComparison.Ordinal) is var at and >= 0)
        {
            if (at > 0) parts.Add($"'{rest[..at]}'");
            var width = int.Parse(rest.Substring(at + 2, 2).TrimEnd('X'), CultureInfo.InvariantCulture);
            parts.Add($"lpad(upper(to_hex(({args[n++]})::bigint)), {width}, '0')");
            rest = rest[(rest.IndexOf('X', at) + 1)..];
        }
        if (rest.Length > 0) parts.Add($"'{rest}'");
        return $"({string.Join(" || ", parts)})::uuid";
    }
    public string Time(DateTimeOffset at) => $"'{at.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00'::timestamptz";
    public string DatePlusDays(DateOnly day, string days) => $"(DATE '{day:yyyy-MM-dd}' + ({days})::int)";
    public string NoIndex(string table, string? alias = null) => table + (alias is null ? "" : " AS " + alias);
    public string SecondaryIndexes(string table) =>
        $"SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = '{table}' AND NOT EXISTS " +
        $"(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)";
    public string Columns(string table) =>
        $"SELECT column_name, udt_name, is_nullable = 'NO', column_default FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position";
    public string Neutral(string column, string type) => type switch
    {
        "int2" or "int4" or "int8" or "numeric" or "float4" or "float8" => "0",
        "bool" => "false",
        "uuid" => "'00000000-0000-0000-0000-000000000000'::uuid",
        "timestamptz" or "timestamp" => "now()",
        "date" => "DATE '2000-01-01'",
        "jsonb" or "json" => $"'[]'::{type}",
        _ when type.StartsWith('_') => "'{}'",
        _ => "''",
    };
    // only walks of the loaded tables count: PostgreSQL plans a sequential scan for the tables the bench leaves empty
    public bool IsFullScan(string planLine) =>
        new[] { "ach_achievements", "ach_achievement_completer_accounts", "contracts_contracts", "contracts_parties" }
            .Any(t => planLine.Contains($"Seq Scan on {t} ", StringComparison.Ordinal));
    public async Task<long> DatabaseBytesAsync(DbConnection conn, string dataDir)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT pg_database_size(current_database())";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>Every SQL command EF executes while a workbench is built, with its server time (CommandExecuted duration).</summary>
internal sealed class CommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public sealed record Entry(Guid CommandId, string Sql, List<(string Name, object? Value)> Parameters, double Ms);

    private List<Entry>? _current;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();

    public void Start() { lock (_gate) _current = []; }
    public List<Entry> Stop() { lock (_gate) { var c = _current ?? []; _current = null; return c; } }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) _subscriptions.Add(value.Subscribe(this));
    }

    // server time of a command = its execution (CommandExecuted) + reading its rows (DataReaderDisposing): SQLite does
    // most of a query's work while the rows are read, after ExecuteReader has returned
    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData d)
        {
            var parameters = d.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            lock (_gate) _current?.Add(new Entry(d.CommandId, d.Command.CommandText, parameters, d.Duration.TotalMilliseconds));
        }
        else if (value.Key == RelationalEventId.DataReaderDisposing.Name && value.Value is DataReaderDisposingEventData r)
        {
            lock (_gate)
                if (_current?.FindLastIndex(e => e.CommandId == r.CommandId) is { } i and >= 0)
                    _current[i] = _current[i] with { Ms = _current[i].Ms + r.Duration.TotalMilliseconds };
        }
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }
    public void Dispose() { foreach (var s in _subscriptions) s.Dispose(); }
}

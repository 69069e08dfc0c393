using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.Search.Evaluation;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

// Speed benchmark: a corpus of N documents recombined from the real texts in shared/data (never shipped), indexed by
// the shipped engine and by SQLite FTS5 (trigram); indexing throughput, index size, peak memory, query latency.
// Usage: dotnet run -c Release --project bench/TechTransfer.Search.Bench -- [--docs 1000000] [--queries 200] [--warmup 100] [--skip-sqlite]
//        [--work DIR --keep] [--reuse] [--kinds keyword,faceted] [--search-threads N] [--common-terms F] [--variants] [--profile]
var argsList = args.ToList();
string? Arg(string n) { var i = argsList.IndexOf(n); return i >= 0 && i + 1 < argsList.Count ? argsList[i + 1] : null; }
var docCount = int.Parse(Arg("--docs") ?? "1000000", CultureInfo.InvariantCulture);
var queryCount = int.Parse(Arg("--queries") ?? "200", CultureInfo.InvariantCulture);
var data = Environment.GetEnvironmentVariable("TECHTRANSFER_SHARED_DATA") is { Length: > 0 } e ? e : "/work/shared/data";
var work = Arg("--work") ?? Path.Combine(Path.GetTempPath(), "tt-search-bench");
var reuse = argsList.Contains("--reuse");   // keep an index built by an earlier run with --keep (query tuning only)
if (Directory.Exists(work) && !reuse) Directory.Delete(work, true);
Directory.CreateDirectory(work);
var rng = new Random(20261126);
var ci = CultureInfo.InvariantCulture;
Console.WriteLine($"# search speed benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {docCount:N0} docs");

// ---------------------------------------------------------------- source texts
var titles = new List<string>();
var sentences = new List<string>();
var keywords = new List<string>();
var enTitles = new List<string>();
var enSentences = new List<string>();
var ipcs = new List<string>();
var sep = new[] { '。', '；', '.', ';' };
foreach (var corpus in new[] { "csl", "kpp" })
    foreach (var l in File.ReadLines(Path.Combine(data, "eval", corpus + ".corpus.jsonl")))
    {
        var r = JsonDocument.Parse(l).RootElement;
        if (r.GetProperty("title").GetString() is { Length: > 0 } t) titles.Add(t);
        sentences.AddRange(r.GetProperty("abstract").GetString()!.Split(sep, StringSplitOptions.RemoveEmptyEntries).Where(s => s.Length > 8));
        foreach (var f in new[] { "keywords", "keyphrases" })
            if (r.TryGetProperty(f, out var k)) keywords.AddRange(k.EnumerateArray().Select(x => x.GetString()!));
    }
foreach (var l in File.ReadLines(Path.Combine(data, "eval", "us.corpus.jsonl")))
{
    var r = JsonDocument.Parse(l).RootElement;
    enTitles.Add(r.GetProperty("title").GetString()!);
    enSentences.AddRange(r.GetProperty("abstract").GetString()!.Replace("\\n", " ").Split(". ", StringSplitOptions.RemoveEmptyEntries).Where(s => s.Length > 20).Take(6));
}
foreach (var l in File.ReadLines(Path.Combine(data, "cn-patent-ipc-titles", "cn_patent_titles_ipc_9740.tsv")).Skip(1))
{
    var p = l.Split('\t');
    titles.Add(p[1]);
    ipcs.AddRange(p[2].Split('|'));
}
foreach (var l in File.ReadLines(Path.Combine(data, "csl-sci-zh", "csl_titles_category_train_8000.tsv")).Skip(1))
    titles.Add(l.Split('\t')[0]);
var demands = File.ReadLines(Path.Combine(data, "bdci2019-tech-demands", "requirements_371.jsonl"))
    .Select(l => JsonDocument.Parse(l).RootElement).Select(r => r.GetProperty("title").GetString() + "\n" + r.GetProperty("content").GetString()).ToList();
keywords = keywords.Where(k => k.Length >= 2).Distinct().ToList();
ipcs = ipcs.Distinct().ToList();
var orgs = Enumerable.Range(0, 500).Select(i => (Id: new Guid(i + 1, 0, 0, new byte[8]), Name: $"机构{i:D3}")).ToArray();
string[] divisions = ["310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112", "310113", "310115", "320100", "320500", "330100", "340100"];
string[] statuses = ["published", "published", "published", "under_review", "closed"];
Console.WriteLine($"sources: {titles.Count:N0} zh titles, {sentences.Count:N0} zh sentences, {enTitles.Count:N0} en titles, {enSentences.Count:N0} en sentences, {keywords.Count:N0} keywords, {ipcs.Count} IPC subclasses, {demands.Count} demands");

SearchDocument Make(int i)
{
    var r = new Random(i * 7919 + 17);
    var english = r.NextDouble() < 0.15;
    var type = SearchDocumentTypes.All[r.Next(SearchDocumentTypes.All.Count)];
    var org = orgs[r.Next(orgs.Length)];
    var nSent = r.Next(3, 7);
    var body = english
        ? string.Join(". ", Enumerable.Range(0, nSent).Select(_ => enSentences[r.Next(enSentences.Count)]))
        : string.Join("。", Enumerable.Range(0, nSent).Select(_ => sentences[r.Next(sentences.Count)])) + "。";
    var isPublic = r.NextDouble() >= 0.05;
    var price = r.NextDouble() < 0.6 ? (decimal?)(r.Next(1, 500) * 10_000) : null;
    return new SearchDocument
    {
        Type = type, Id = new Guid(i, 1, 1, new byte[8]),
        Title = english ? enTitles[r.Next(enTitles.Count)] : titles[r.Next(titles.Count)], Body = body,
        Keywords = Enumerable.Range(0, r.Next(2, 6)).Select(_ => keywords[r.Next(keywords.Count)]).Distinct().ToList(),
        Field = null, IpcCodes = [ipcs[r.Next(ipcs.Count)]], Trl = r.Next(1, 10), PriceMinYuan = price, PriceMaxYuan = price * 2,
        DivisionCode = divisions[r.Next(divisions.Length)], OrganizationId = org.Id, OrganizationName = org.Name,
        Status = statuses[r.Next(statuses.Length)], Date = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(r.Next(0, 50_000)),
        IsPublic = isPublic, VisibleToOrganizations = isPublic ? [] : [orgs[r.Next(orgs.Length)].Id], Url = $"/x/{i}",
    };
}

static long DirSize(string path) => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

// CPU seconds per thread name (from /proc), e.g. to see the GC and finalizer threads' share
static void PrintThreadCpu()
{
    var tick = 100.0;   // USER_HZ
    var byName = new Dictionary<string, double>();
    foreach (var task in Directory.GetDirectories("/proc/self/task"))
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture)) / tick;
            byName[name] = byName.GetValueOrDefault(name) + cpu;
        }
        catch (IOException) { }
    }
    Console.WriteLine("thread CPU-seconds: " + string.Join(", ", byName.Where(x => x.Value >= 0.05).OrderByDescending(x => x.Value).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key} {x.Value:F1}"))));
}

// ---------------------------------------------------------------- --verify-segmenter: the fast jieba vs jieba.NET
if (argsList.Contains("--verify-segmenter"))
{
    // every text of the first N generated documents plus every source text, in search and accurate mode: the engine's
    // segmenter (JiebaCore) must return exactly jieba.NET's tokens and offsets
    var texts = new List<string>();
    for (var i = 0; i < docCount; i++)
    {
        var d = Make(i);
        texts.Add(d.Title);
        texts.Add(d.Body);
        texts.Add(string.Join(" ; ", d.Keywords));
    }
    texts.AddRange(titles); texts.AddRange(sentences); texts.AddRange(keywords); texts.AddRange(enTitles); texts.AddRange(demands);
    long compared = 0, differing = 0;
    foreach (var mode in new[] { true, false })
        foreach (var t in texts)
        {
            var a = TechTransfer.Search.Analysis.JiebaTokenizer.Segment(t, mode);
            var b = TechTransfer.Search.Analysis.JiebaTokenizer.SegmentReference(t, mode);
            compared++;
            if (a.SequenceEqual(b)) continue;
            if (++differing <= 5)
                Console.WriteLine($"DIFF (search={mode}): {t}\n  fast: {string.Join(" ", a)}\n  ref:  {string.Join(" ", b)}");
        }
    Console.WriteLine($"verify-segmenter: {compared:N0} texts compared, {differing:N0} differ (own HMM: {TechTransfer.Search.Analysis.JiebaCore.UsesOwnHmm})");
    return differing == 0 ? 0 : 1;
}

// memory: VmHWM (peak RSS) can be reset per phase (Linux clear_refs 5); a sampler tracks the peak of the anonymous part
// (heaps, buffers: the process's own memory) and of the file-backed part (memory-mapped index files, i.e. page cache that
// the kernel can drop) separately, since VmHWM only reports their sum
static long StatusKb(string key)
{
    foreach (var line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith(key, StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    return 0;
}
static bool ResetPeakRss()
{
    try { File.WriteAllText("/proc/self/clear_refs", "5"); return true; }
    catch (IOException) { return false; }
    catch (UnauthorizedAccessException) { return false; }
}
long peakAnonKb = 0, peakFileKb = 0;
var sampler = new Thread(() =>
{
    while (true)
    {
        var anon = StatusKb("RssAnon:");
        var file = StatusKb("RssFile:");
        if (anon > Interlocked.Read(ref peakAnonKb)) Interlocked.Exchange(ref peakAnonKb, anon);
        if (file > Interlocked.Read(ref peakFileKb)) Interlocked.Exchange(ref peakFileKb, file);
        Thread.Sleep(250);
    }
}) { IsBackground = true, Name = "rss-sampler" };
sampler.Start();
string Mem(string phase)
{
    var s = string.Create(ci, $"{phase}: peak RSS {StatusKb("VmHWM:") / 1024.0:F0} MiB (sampled peaks: anonymous {Interlocked.Read(ref peakAnonKb) / 1024.0:F0} MiB, file-backed {Interlocked.Read(ref peakFileKb) / 1024.0:F0} MiB); RSS now {StatusKb("VmRSS:") / 1024.0:F0} MiB, managed heap now {GC.GetTotalMemory(false) / 1048576.0:F0} MiB");
    Interlocked.Exchange(ref peakAnonKb, 0);
    Interlocked.Exchange(ref peakFileKb, 0);
    return s;
}

// ---------------------------------------------------------------- --profile: single-threaded cost per stage
if (argsList.Contains("--profile"))
{
    var n = Math.Min(docCount, 5000);
    var prOptions = new SearchEngineOptions();
    var docs = new List<SearchDocument>();
    var t0 = Stopwatch.StartNew();
    for (var i = 0; i < n; i++) docs.Add(Make(i));
    Console.WriteLine(string.Create(ci, $"profile: make {t0.Elapsed.TotalMilliseconds / n:F3} ms/doc"));
    using var analyzer = IndexSchema.CreateIndexAnalyzer(prOptions);
    TechTransfer.Search.Analysis.JiebaTokenizer.Warm();
    // each stage runs once untimed (JIT tiering, dictionaries), then timed; wall ms and process CPU ms per document
    // (CPU is much less sensitive to other load on the machine than wall time)
    void Stage(string label, Func<long> run)
    {
        run();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        t0.Restart();
        var units = run();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
        Console.WriteLine(string.Create(ci, $"profile: {label} {t0.Elapsed.TotalMilliseconds / n:F3} ms/doc wall, {cpu / n:F3} ms/doc CPU{(units > 0 ? $" ({units / n} tokens/doc)" : "")}"));
    }
    foreach (var field in new[] { IndexSchema.BodyWord, IndexSchema.BodyBigram, IndexSchema.BodyUnigram })
        Stage($"analyse {field}", () => docs.Sum(d => (long)TechTransfer.Search.Analysis.AnalyzerExtensions.Terms(analyzer, field, d.Title + "\n" + d.Body + "\n" + string.Join(" ; ", d.Keywords)).Count));
    foreach (var (name, seg) in new (string, Func<string, bool, List<(string Word, int Start, int End)>>)[]
             { ("JiebaCore (engine)", TechTransfer.Search.Analysis.JiebaTokenizer.Segment), ("jieba.NET Tokenize (reference)", TechTransfer.Search.Analysis.JiebaTokenizer.SegmentReference) })
        Stage($"segment (search mode) with {name}", () => docs.Sum(d => (long)seg(d.Title, true).Count + seg(d.Body, true).Count + seg(string.Join(" ; ", d.Keywords), true).Count));
    List<Lucene.Net.Documents.Document> lds = [];
    Stage("ToLucene", () => { lds = docs.Select(d => IndexSchema.ToLucene(d, true)).ToList(); return 0; });
    Stage("AddDocument+commit (RAMDirectory, 256 MB buffer)", () =>
    {
        using var dir = new Lucene.Net.Store.RAMDirectory();
        using var w = new Lucene.Net.Index.IndexWriter(dir, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 256 });
        foreach (var d in lds) w.AddDocument(d);
        w.Commit();
        return 0;
    });
    PrintThreadCpu();
    return 0;
}

// ---------------------------------------------------------------- Lucene (shipped engine)
var indexPath = Path.Combine(work, "lucene");
var options = new SearchEngineOptions { IndexPath = indexPath, RamBufferMb = 256 };
// --search-threads N measures parallel segment search (default as shipped: 1, sequential)
if (Arg("--search-threads") is { } st) options.SearchThreads = int.Parse(st, CultureInfo.InvariantCulture);
// --common-terms F sets the common-terms rule's document fraction (0 = off; default as shipped)
if (Arg("--common-terms") is { } ct) options.Ranking = options.Ranking with { CommonTermFraction = double.Parse(ct, CultureInfo.InvariantCulture) };
using var index = new SearchIndex(options);
index.Open();
var sw = Stopwatch.StartNew();
async IAsyncEnumerable<SearchDocument> Corpus()
{
    for (var i = 0; i < docCount; i++)
    {
        if (i > 0 && i % 100_000 == 0) Console.WriteLine($"  indexed {i:N0} in {sw.Elapsed.TotalSeconds:F0} s");
        yield return Make(i);
    }
    await Task.CompletedTask;
}
var existing = reuse ? index.Status().DocumentCount : 0;
if (existing == docCount) Console.WriteLine($"lucene: reusing the index of {existing:N0} docs in {indexPath}");
else
{
    // the generator's share: the source texts it recombines stay in memory for the whole run
    Console.WriteLine(string.Create(ci, $"generator: source texts hold {GC.GetTotalMemory(true) / 1048576.0:F0} MiB of managed heap; RSS before indexing {StatusKb("VmRSS:") / 1024.0:F0} MiB"));
    Console.WriteLine(Mem("before indexing (runtime + generator)"));
    var rssBefore = StatusKb("VmRSS:");
    var peakReset = ResetPeakRss();
    sw.Restart();
    // the shipped bulk path (tt search reindex): parallel analysis, one commit at the end
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    await index.RebuildAsync(Corpus());
    var luceneSeconds = sw.Elapsed.TotalSeconds;
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    Console.WriteLine(string.Create(ci, $"lucene: indexing used {cpu:F0} CPU-seconds = {docCount / cpu:F0} docs per CPU-second"));
    Console.WriteLine(string.Create(ci, $"lucene: indexed {docCount:N0} docs in {luceneSeconds:F0} s = {docCount / luceneSeconds:F0} docs/s wall clock (rebuild path, {Environment.ProcessorCount} analysis threads, incl. commit)"));
    Console.WriteLine(Mem(peakReset ? "indexing phase" : "whole process so far (clear_refs not available)"));
    Console.WriteLine(string.Create(ci, $"lucene: engine part of the indexing peak ≈ {(StatusKb("VmHWM:") - rssBefore) / 1024.0:F0} MiB (peak during indexing − RSS before it)"));
    PrintThreadCpu();
}
var luceneSize = DirSize(indexPath);
Console.WriteLine(string.Create(ci, $"lucene: index {luceneSize / 1048576.0:F0} MiB"));
ResetPeakRss();

// ---------------------------------------------------------------- queries
// Honest latency: every phase runs queries no earlier phase ran. Each source (keywords, demands) is shuffled once and
// dealt out in fresh slices: a warm-up slice per query kind (JIT, caches, page faults), then for the 1-client phase one
// slice of --queries, and for the 2-client phase one fresh slice of --queries per client. The slowest queries of each
// phase are printed (text, hits, ms) so the tail can be read.
var warmupCount = int.Parse(Arg("--warmup") ?? "100", CultureInfo.InvariantCulture);
var caller = Caller.Of(Guid.NewGuid(), orgs[3].Id, Roles.Enterprise);
var platform = Caller.System("bench");
var kwPool = new QueryPool(keywords, 42);
var demandPool = new QueryPool(demands, 43);
var demandPerClient = Math.Min(queryCount, 100);
SearchQuery Kw(string q) => new() { Text = q, Facets = false, Highlight = true, PageSize = 20 };
SearchQuery Filtered(string q) => new() { Text = q, Facets = false, PageSize = 20, Types = [SearchDocumentTypes.Achievement, SearchDocumentTypes.Patent], TrlMin = 4, TrlMax = 9, DivisionCode = "310000" };
SearchQuery Faceted(string q) => new() { Text = q, Facets = true, PageSize = 20 };

var results = new List<(string Engine, string Kind, int Clients, double P50, double P99, double Qps, double CpuMs)>();
// --kinds keyword,faceted runs only those query kinds (default: all)
var kinds = Arg("--kinds")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
var slowest = new List<(string Engine, string Kind, int Clients, string Query, long Hits, double Ms)>();
void Measure(string engine, string kind, QueryPool pool, int perClient, int warmup, Func<string, long> run)
{
    if (kinds is not null && !kinds.Contains(kind)) return;
    foreach (var q in pool.Take(warmup)) run(q);
    foreach (var clients in new[] { 1, 2 })
    {
        var sets = Enumerable.Range(0, clients).Select(_ => pool.Take(perClient)).ToArray();
        var lat = new List<(string Q, long Hits, double Ms)>[clients];
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Parallel.For(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients }, c =>
        {
            lat[c] = [];
            foreach (var q in sets[c])
            {
                var t = Stopwatch.GetTimestamp();
                var hits = run(q);
                lat[c].Add((q, hits, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            }
        });
        var seconds = wall.Elapsed.TotalSeconds;
        // CPU time of the whole process per query: far less sensitive to other load on the machine than latency
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / (clients * perClient);
        var all = lat.SelectMany(x => x).OrderBy(x => x.Ms).ToList();
        double P(double p) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)].Ms;
        results.Add((engine, kind, clients, P(0.5), P(0.99), all.Count / seconds, cpuMs));
        Console.WriteLine(string.Create(ci, $"  {engine,-8} {kind,-10} clients={clients}  p50 {P(0.5),7:F1} ms  p99 {P(0.99),7:F1} ms  {all.Count / seconds,6:F0} q/s  CPU {cpuMs,6:F1} ms/query  ({all.Count} distinct queries)"));
        foreach (var (q, hits, ms) in all.AsEnumerable().Reverse().Take(5))
        {
            Console.WriteLine(string.Create(ci, $"      slow: {ms,7:F1} ms  {hits,9:N0} hits  {Short(q)}"));
            slowest.Add((engine, kind, clients, q, hits, ms));
        }
    }
}
static string Short(string q) { var one = q.ReplaceLineEndings(" "); return one.Length <= 40 ? one : one[..40] + "…"; }
if (argsList.Contains("--variants"))
{
    Measure("lucene", "kw-admin-nohl", kwPool, queryCount, warmupCount, q => index.Search(Kw(q) with { Highlight = false }, platform).Value.Total);
    Measure("lucene", "kw-nohl", kwPool, queryCount, warmupCount, q => index.Search(Kw(q) with { Highlight = false }, caller).Value.Total);
    Measure("lucene", "facets-admin", kwPool, queryCount, warmupCount, q => index.Search(Faceted(q) with { Highlight = false }, platform).Value.Total);
}
Measure("lucene", "keyword", kwPool, queryCount, warmupCount, q => index.Search(Kw(q), caller).Value.Total);
Measure("lucene", "filtered", kwPool, queryCount, warmupCount, q => index.Search(Filtered(q), caller).Value.Total);
Measure("lucene", "faceted", kwPool, queryCount, warmupCount, q => index.Search(Faceted(q), caller).Value.Total);
Measure("lucene", "matching", demandPool, demandPerClient, Math.Min(warmupCount, 10),
    q => index.Match(q, new SearchQuery { Types = [SearchDocumentTypes.Achievement, SearchDocumentTypes.Patent, SearchDocumentTypes.OpenLicense] }, caller).Total);
Console.WriteLine(Mem("lucene query phase"));

// ---------------------------------------------------------------- SQLite FTS5 trigram on the same corpus
if (!argsList.Contains("--skip-sqlite"))
{
    var dbPath = Path.Combine(work, "fts5.db");
    using var db = new SqliteConnection($"Data Source={dbPath}");
    db.Open();
    using (var c = db.CreateCommand())
    {
        c.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE VIRTUAL TABLE docs USING fts5(type UNINDEXED, trl UNINDEXED, division UNINDEXED, title, body, keywords, tokenize='trigram');";
        c.ExecuteNonQuery();
    }
    sw.Restart();
    const int batch = 10_000;
    for (var start = 0; start < docCount; start += batch)
    {
        using var tx = db.BeginTransaction();
        using var ins = db.CreateCommand();
        ins.CommandText = "INSERT INTO docs(rowid, type, trl, division, title, body, keywords) VALUES ($id, $type, $trl, $div, $title, $body, $kw)";
        var p = new[] { "$id", "$type", "$trl", "$div", "$title", "$body", "$kw" }.Select(n => ins.Parameters.Add(n, SqliteType.Text)).ToArray();
        for (var i = start; i < Math.Min(docCount, start + batch); i++)
        {
            var d = Make(i);
            p[0].Value = i; p[1].Value = d.Type; p[2].Value = d.Trl; p[3].Value = d.DivisionCode; p[4].Value = d.Title; p[5].Value = d.Body; p[6].Value = string.Join(" ; ", d.Keywords);
            ins.ExecuteNonQuery();
        }
        tx.Commit();
    }
    var sqliteSeconds = sw.Elapsed.TotalSeconds;
    var sqliteSize = new FileInfo(dbPath).Length + (File.Exists(dbPath + "-wal") ? new FileInfo(dbPath + "-wal").Length : 0);
    Console.WriteLine(Mem("fts5 indexing phase (same process, after the engine)"));
    Console.WriteLine(string.Create(ci, $"fts5: indexed {docCount:N0} docs in {sqliteSeconds:F0} s = {docCount / sqliteSeconds:F0} docs/s (1 connection); db {sqliteSize / 1048576.0:F0} MiB"));
    var local = new ThreadLocal<SqliteConnection>(() => { var x = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly"); x.Open(); return x; }, true);
    long Fts(string sql, string match)
    {
        using var c = local.Value!.CreateCommand();
        c.CommandText = sql;
        c.Parameters.AddWithValue("$q", match);
        using var r = c.ExecuteReader();
        long rows = 0;
        while (r.Read()) rows++;
        return rows;   // rows returned (FTS5's queries are LIMIT 20 or GROUP BY: no total)
    }
    string Phrase(string q) => "\"" + q.Replace("\"", "\"\"") + "\"";
    var kw3Pool = new QueryPool(keywords.Where(k => k.Length >= 3).ToList(), 44);
    var ftsDemands = new QueryPool(demands, 45);
    Measure("fts5", "keyword", kw3Pool, queryCount, warmupCount, q => Fts("SELECT rowid, title FROM docs WHERE docs MATCH $q ORDER BY bm25(docs) LIMIT 20", Phrase(q)));
    Measure("fts5", "filtered", kw3Pool, queryCount, warmupCount, q => Fts("SELECT rowid FROM docs WHERE docs MATCH $q AND type IN ('achievement','patent') AND trl >= 4 AND division LIKE '31%' ORDER BY bm25(docs) LIMIT 20", Phrase(q)));
    Measure("fts5", "faceted", kw3Pool, queryCount, warmupCount, q => Fts("SELECT type, count(*) FROM docs WHERE docs MATCH $q GROUP BY type", Phrase(q)));
    Measure("fts5", "matching", ftsDemands, Math.Min(demandPerClient, 20), 5, q => Fts("SELECT rowid FROM docs WHERE docs MATCH $q ORDER BY bm25(docs) LIMIT 20", Fts5TrigramRetriever.MatchExpression(q[..Math.Min(q.Length, 120)]) ?? "\"xyz\""));
    foreach (var c in local.Values) c.Dispose();
}

Console.WriteLine();
Console.WriteLine("| engine | query | clients | p50 ms | p99 ms | queries/s | CPU ms/query |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var r in results)
    Console.WriteLine(string.Create(ci, $"| {r.Engine} | {r.Kind} | {r.Clients} | {r.P50:F1} | {r.P99:F1} | {r.Qps:F0} | {r.CpuMs:F1} |"));
index.Dispose();
if (!argsList.Contains("--keep")) Directory.Delete(work, true);
return 0;

/// <summary>A source of queries shuffled once and dealt out in fresh slices, so no phase repeats an earlier phase's queries.</summary>
internal sealed class QueryPool(IReadOnlyList<string> items, int seed)
{
    private readonly string[] _items = Shuffle(items.Distinct(StringComparer.Ordinal).ToArray(), seed);
    private int _next;

    public IReadOnlyList<string> Take(int n)
    {
        if (_next + n > _items.Length)
            throw new InvalidOperationException($"Only {_items.Length - _next} fresh queries left of {_items.Length}, {n} needed: lower --queries or --warmup.");
        var slice = _items[_next..(_next + n)];
        _next += n;
        return slice;
    }

    private static string[] Shuffle(string[] a, int seed)
    {
        new Random(seed).Shuffle(a);
        return a;
    }
}

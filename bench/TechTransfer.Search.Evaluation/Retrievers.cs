using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Evaluation;

/// <summary>A ranking system under evaluation.</summary>
public interface IRetriever : IDisposable
{
    string Name { get; }
    void Index(IReadOnlyList<EvalDoc> corpus);
    IReadOnlyList<string> Search(string query, int k);
}

/// <summary>The shipped engine (<see cref="SearchIndex"/>) on a temporary on-disk index.</summary>
public sealed class ShippedEngineRetriever(string name, SearchEngineOptions options) : IRetriever
{
    private SearchIndex? _index;
    private readonly Dictionary<Guid, string> _ids = [];
    private string? _dir;

    public string Name { get; } = name;

    public static Guid GuidFor(string id) => new(MD5.HashData(Encoding.UTF8.GetBytes(id)));

    public void Index(IReadOnlyList<EvalDoc> corpus)
    {
        _dir = Path.Combine(Path.GetTempPath(), "tt-eval-" + Guid.NewGuid().ToString("N"));
        var o = new SearchEngineOptions
        {
            IndexPath = _dir, Segmenter = options.Segmenter, QuerySegmenter = options.QuerySegmenter, IndexUnigrams = options.IndexUnigrams,
            RamBufferMb = options.RamBufferMb, Ranking = options.Ranking,
        };
        _index = new SearchIndex(o);
        _index.Open();
        var epoch = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var d in corpus)
        {
            var id = GuidFor(d.Id);
            _ids[id] = d.Id;
            _index.Upsert(new SearchDocument
            {
                Type = SearchDocumentTypes.Achievement, Id = id, Title = d.Title, Body = d.Abstract, Keywords = d.Keywords,
                Field = d.Discipline, IsPublic = true, Date = epoch, Status = "published",
            });
        }
        _index.Commit();
    }

    public IReadOnlyList<string> Search(string query, int k) =>
        _index!.Rank(query, k).Select(h => _ids[h.Id]).ToList();

    public void Dispose()
    {
        _index?.Dispose();
        if (_dir is not null) try { System.IO.Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

/// <summary>Baseline: plain Lucene BM25 over one field with a given analyzer; the query is an OR of its terms.</summary>
public sealed class LuceneBaselineRetriever(string name, Analyzer analyzer) : IRetriever
{
    private readonly RAMDirectory _dir = new();
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;
    private readonly List<string> _ids = [];

    public string Name { get; } = name;

    public static LuceneBaselineRetriever Standard() =>
        new("Lucene StandardAnalyzer BM25", new StandardAnalyzer(LuceneVersion.LUCENE_48));

    public static LuceneBaselineRetriever CjkBigram() =>
        new("Lucene CJK bigram BM25", new CJKAnalyzer(LuceneVersion.LUCENE_48));

    public void Index(IReadOnlyList<EvalDoc> corpus)
    {
        using (var w = new IndexWriter(_dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var d in corpus)
            {
                w.AddDocument(new Document
                {
                    new StoredField("id", d.Id),
                    new TextField("text", BaselineText.Of(d), Field.Store.NO),
                });
            }
            w.Commit();
        }
        _reader = DirectoryReader.Open(_dir);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        for (var i = 0; i < _reader.MaxDoc; i++) _ids.Add(_reader.Document(i).Get("id"));
    }

    public IReadOnlyList<string> Search(string query, int k)
    {
        var terms = analyzer.Terms("text", query);
        if (terms.Count == 0) return [];
        var q = new BooleanQuery();
        foreach (var t in terms) q.Add(new TermQuery(new Term("text", t)), Occur.SHOULD);
        return _searcher!.Search(q, k).ScoreDocs.Select(sd => _ids[sd.Doc]).ToList();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _dir.Dispose();
        analyzer.Dispose();
    }
}

/// <summary>Baseline: SQLite FTS5 with the trigram tokenizer, ranked by bm25(); the query is an OR of its trigrams.</summary>
public sealed class Fts5TrigramRetriever : IRetriever
{
    private readonly SqliteConnection _db = new("Data Source=:memory:");

    public string Name => "SQLite FTS5 trigram";

    public void Index(IReadOnlyList<EvalDoc> corpus)
    {
        _db.Open();
        using (var c = _db.CreateCommand())
        {
            c.CommandText = "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, tokenize='trigram')";
            c.ExecuteNonQuery();
        }
        using var tx = _db.BeginTransaction();
        using var insert = _db.CreateCommand();
        insert.CommandText = "INSERT INTO docs(id, text) VALUES ($id, $text)";
        var pid = insert.Parameters.Add("$id", SqliteType.Text);
        var ptext = insert.Parameters.Add("$text", SqliteType.Text);
        foreach (var d in corpus)
        {
            pid.Value = d.Id;
            ptext.Value = BaselineText.Of(d);
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>The FTS5 MATCH expression: every distinct trigram of every whitespace-separated chunk, ORed.</summary>
    public static string? MatchExpression(string query)
    {
        var grams = new List<string>();
        var seen = new HashSet<string>();
        foreach (var chunk in query.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var runes = chunk.EnumerateRunes().Select(r => r.ToString()).ToArray();
            for (var i = 0; i + 3 <= runes.Length; i++)
            {
                var g = string.Concat(runes[i], runes[i + 1], runes[i + 2]);
                if (seen.Add(g)) grams.Add("\"" + g.Replace("\"", "\"\"") + "\"");
            }
        }
        return grams.Count == 0 ? null : string.Join(" OR ", grams);
    }

    public IReadOnlyList<string> Search(string query, int k)
    {
        var match = MatchExpression(query);
        if (match is null) return [];
        using var c = _db.CreateCommand();
        c.CommandText = "SELECT id FROM docs WHERE docs MATCH $q ORDER BY bm25(docs) LIMIT $k";
        c.Parameters.AddWithValue("$q", match);
        c.Parameters.AddWithValue("$k", k);
        var ids = new List<string>();
        using var r = c.ExecuteReader();
        while (r.Read()) ids.Add(r.GetString(0));
        return ids;
    }

    public void Dispose() => _db.Dispose();
}

internal static class BaselineText
{
    /// <summary>The same indexed text the shipped engine gets: title, abstract and keywords (minus excluded fields).</summary>
    public static string Of(EvalDoc d) => string.Join("\n", new[] { d.Title, d.Abstract, string.Join(" ; ", d.Keywords) }.Where(s => s.Length > 0));
}

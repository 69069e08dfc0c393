using TechTransfer.Search.Analysis;

namespace TechTransfer.Search.Engine;

/// <summary>Ranking weights. Defaults are chosen from first principles and general IR practice (see
/// docs/benchmarks.md); they are not fitted to any evaluation set's queries or judgments.</summary>
public sealed record RankingOptions
{
    /// <summary>Weight of the word (segmented) fields.</summary>
    public float WordWeight { get; init; } = 1.0f;
    /// <summary>Weight of the character-bigram fields.</summary>
    public float BigramWeight { get; init; } = 1.0f;
    /// <summary>Weight of the unigram fields (used only for query characters that form no bigram).</summary>
    public float UnigramWeight { get; init; } = 1.0f;
    public float TitleBoost { get; init; } = 1.5f;
    public float BodyBoost { get; init; } = 1.0f;
    public float KeywordBoost { get; init; } = 1.5f;
    /// <summary>Query (or a chunk of it) equals a keyword of the record.</summary>
    public float ExactKeywordBoost { get; init; } = 3.0f;
    /// <summary>A chunk of the query appears verbatim (as a bigram phrase) in the text.</summary>
    public float PhraseBoost { get; init; } = 0.1f;
    /// <summary>Sequential dependence: adjacent query words appearing adjacent in the text (ordered window).</summary>
    public float WordPairBoost { get; init; }
    /// <summary>Weight of a synonym-dictionary variant relative to the original term.</summary>
    public float SynonymWeight { get; init; } = 0.7f;
    public bool UseSynonyms { get; init; } = true;
    public bool UsePhrases { get; init; } = true;
    public bool UseExactKeyword { get; init; } = true;
    public bool UseWordFields { get; init; } = true;
    public bool UseBigramFields { get; init; } = true;
    /// <summary>Pseudo-relevance feedback: expand the query with terms from the top documents (0 = off).</summary>
    public int PrfDocs { get; init; }
    public int PrfTerms { get; init; } = 10;
    public float PrfWeight { get; init; } = 0.3f;
    /// <summary>Weight of query bigrams that cross a word boundary of the query's segmentation, relative to bigrams inside
    /// a word (1 = no difference).</summary>
    public float BigramCrossWordWeight { get; init; } = 0.5f;
    /// <summary>A query of at least this many words (accurate segmentation) is verbose: only then does
    /// <see cref="BigramCrossWordWeight"/> apply.</summary>
    public int VerboseQueryWords { get; init; } = 4;
    /// <summary>The common-terms rule (<see cref="CommonTermRestriction"/>): a term in more than this fraction of the
    /// records is common, and a record that matches only a query's common terms is not a hit when the query also has
    /// rarer ones (0 = off).</summary>
    public double CommonTermFraction { get; init; } = 0.05;
    /// <summary>The same for a verbose query (at least <see cref="VerboseQueryWords"/> words: a pasted title or sentence,
    /// where no single word is essential and records sharing several ordinary words with it can be the relevant ones).
    /// 0 = off: a verbose query is searched with every term.</summary>
    public double CommonTermFractionVerbose { get; init; }
    /// <summary>The common-terms rule applies only to indexes of at least this many records.</summary>
    public int CommonTermMinDocs { get; init; } = 1_000;
    public float Bm25K1 { get; init; } = 1.2f;
    public float Bm25B { get; init; } = 0.75f;
}

/// <summary>Configuration of the search index (section <c>Search</c>).</summary>
public sealed class SearchEngineOptions
{
    public const string Section = "Search";

    /// <summary>Analysis version stamped on new generations (tests set an older one to simulate an index from before an upgrade).</summary>
    internal string AnalysisVersion { get; init; } = IndexSchema.AnalysisVersion;

    /// <summary>Directory holding the index generations and the <c>current</c> pointer file.</summary>
    public string IndexPath { get; set; } = "data/search-index";
    /// <summary>Segmenter for indexing the word fields.</summary>
    public WordSegmenter Segmenter { get; set; } = WordSegmenter.Jieba;
    /// <summary>Segmenter for queries (accurate mode: whole words; the index also holds their sub-words).</summary>
    public WordSegmenter QuerySegmenter { get; set; } = WordSegmenter.JiebaAccurate;
    /// <summary>Also index single characters (in separate fields, without positions), so one-character query
    /// terms (锁, 脱) match inside words.</summary>
    public bool IndexUnigrams { get; set; } = true;
    public double RamBufferMb { get; set; } = 64;
    /// <summary>In-memory buffer of a full rebuild before a segment is flushed (larger = fewer segments, less merging).</summary>
    public double RebuildRamBufferMb { get; set; } = 256;
    /// <summary>Threads analysing documents in a full rebuild (null = one per core).</summary>
    public int? IndexingThreads { get; set; }
    /// <summary>Tiered merge policy: segments allowed per size tier before a merge.</summary>
    public double SegmentsPerTier { get; set; } = 10;
    /// <summary>Threads one relevance-ranked search may use, the calling thread included (1 = sequential, the default;
    /// null = one per core). The segments are spread over them; results are identical to a sequential search. Off by
    /// default: on the 2-core 1 M-document bench index (one segment holds three quarters of the documents) it did not
    /// lower keyword latency and cost about 40 % more CPU per query (docs/benchmarks.md).</summary>
    public int? SearchThreads { get; set; } = 1;
    /// <summary>Below this many documents a search always runs on the calling thread (handing segments to another
    /// thread costs more than it saves on a small index).</summary>
    public int ParallelSearchMinDocs { get; set; } = 100_000;
    public RankingOptions Ranking { get; set; } = new();
}

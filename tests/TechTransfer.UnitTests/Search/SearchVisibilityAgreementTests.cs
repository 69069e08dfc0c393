using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.UnitTests.Search;

/// <summary>
/// The search visibility rule is defined once (<see cref="SearchVisibility"/>) and executed twice: as a Lucene filter over
/// the terms the index stores, and as a C# check over a document. A seeded property test: for generated records (public or
/// not, with or without an owner, shown to organisations and named users) and callers (anonymous, the platform, platform
/// administrators, users with and without an organisation, named users, members of an organisation without a user id),
/// the filter on a real in-memory Lucene index and the C# check agree on every (record, caller) pair, and so do the
/// engine's searches.
/// </summary>
public sealed class SearchVisibilityAgreementTests
{
    private static readonly int[] SeedValues = [11, 23, 42, 97, 211, 509, 1031, 4099];

    public static TheoryData<int> Seeds => new(SeedValues);

    private sealed record World(IReadOnlyList<SearchDocument> Documents, IReadOnlyList<(string Name, ICurrentUser Caller)> Callers);

    private static readonly string[] OrdinaryRoles =
        [Roles.InstitutionAdmin, Roles.Researcher, Roles.Enterprise, Roles.TechManager, Roles.ExchangeOperator, Roles.Registrar, Roles.Analyst];

    private static World Generate(int seed, int documents = 90)
    {
        var random = new Random(seed);
        var orgs = Enumerable.Range(0, 5).Select(_ => NewGuid(random)).ToList();
        // named users: some in a pool organisation, some in none
        var users = Enumerable.Range(0, 8).Select(i => (Id: NewGuid(random), Org: i % 4 == 3 ? (Guid?)null : orgs[random.Next(orgs.Count)])).ToList();
        T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];
        List<T> Some<T>(IReadOnlyList<T> from, int max) => Enumerable.Range(0, random.Next(max + 1)).Select(_ => Pick(from)).ToList();

        var docs = Enumerable.Range(0, documents).Select(i =>
        {
            Guid? owner = random.Next(5) == 0 ? null : Pick(orgs);
            var grantedOrgs = Some(orgs, 2);
            if (owner is { } o && random.Next(4) == 0) grantedOrgs.Add(o);   // the owner also listed explicitly
            return new SearchDocument
            {
                Type = Pick(SearchDocumentTypes.All), Id = NewGuid(random), Title = $"石墨烯散热膜样品{i}", Body = "石墨烯",
                IsPublic = random.Next(10) < 3, OrganizationId = owner, VisibleToOrganizations = grantedOrgs,
                VisibleToUsers = Some(users.Select(u => u.Id).ToList(), 2), Status = "published", Date = DateTimeOffset.UnixEpoch.AddDays(i),
            };
        }).ToList();

        var callers = new List<(string, ICurrentUser)>
        {
            ("anonymous", Caller.Anonymous),
            ("the platform", Caller.System("test")),
            ("platform admin with an organisation", Caller.Of(NewGuid(random), Pick(orgs), Roles.PlatformAdmin)),
            ("platform admin without one", Caller.Of(NewGuid(random), null, Roles.PlatformAdmin)),
            ("user of an unknown organisation", Caller.Of(NewGuid(random), NewGuid(random), Pick(OrdinaryRoles))),
            ("user without an organisation", Caller.Of(NewGuid(random), null, Pick(OrdinaryRoles))),
            ("unauthenticated value naming an organisation", new Caller(null, null, Pick(orgs), new HashSet<string>([Roles.PlatformAdmin]))),
        };
        foreach (var org in orgs)
        {
            callers.Add(($"user of {org:N}", Caller.Of(NewGuid(random), org, Pick(OrdinaryRoles))));
            callers.Add(($"member of {org:N} without a user id", new Caller(null, "member", org, new HashSet<string>([Pick(OrdinaryRoles)]))));
        }
        foreach (var (id, org) in users)
        {
            callers.Add(($"named user {id:N}", Caller.Of(id, org, Pick(OrdinaryRoles))));
            callers.Add(($"named user {id:N} in another organisation", Caller.Of(id, NewGuid(random), Pick(OrdinaryRoles))));
        }
        return new World(docs, callers);
    }

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Key(SearchDocument d) => IndexSchema.UidOf(d.Type, d.Id);

    private static IReadOnlySet<string> Expected(World world, ICurrentUser caller) =>
        world.Documents.Where(d => SearchVisibility.CanSee(d, caller)).Select(Key).ToHashSet();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_lucene_filter_returns_exactly_the_records_the_csharp_check_lets_the_caller_see(int seed)
    {
        var world = Generate(seed);
        var options = new SearchEngineOptions();
        using var dir = new RAMDirectory();
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion48.V, IndexSchema.CreateIndexAnalyzer(options))))
        {
            foreach (var d in world.Documents) writer.AddDocument(IndexSchema.ToLucene(d, options.IndexUnigrams));
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(dir);
        var searcher = new IndexSearcher(reader);

        foreach (var (name, caller) in world.Callers)
        {
            var filter = SearchVisibility.Filter(caller) ?? new MatchAllDocsQuery();
            var found = searcher.Search(filter, reader.MaxDoc).ScoreDocs.Select(sd => searcher.Doc(sd.Doc).Get(IndexSchema.Uid)).ToHashSet();
            var expected = Expected(world, caller);
            Assert.True(expected.SetEquals(found),
                $"seed {seed}, {name}: the filter returned {found.Count} records, the C# check allows {expected.Count}; " +
                $"only in the filter: {string.Join(", ", found.Except(expected))}; only in the check: {string.Join(", ", expected.Except(found))}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_engine_returns_exactly_the_records_the_csharp_check_lets_the_caller_see(int seed)
    {
        var world = Generate(seed);
        using var t = new SearchTestIndex().Add([.. world.Documents]);
        foreach (var (name, caller) in world.Callers)
        {
            var expected = Expected(world, caller);
            // the filter-only path (no text) and the ranked path (text query, visibility as a cached filter)
            foreach (var text in new[] { "", "石墨烯" })
            {
                var r = t.Index.Search(new SearchQuery { Text = text, PageSize = 100, Highlight = false, Facets = false }, caller).Value;
                var found = r.Items.Select(h => IndexSchema.UidOf(h.Type, h.Id)).ToHashSet();
                Assert.True(expected.SetEquals(found) && r.Total == expected.Count,
                    $"seed {seed}, {name}, text '{text}': {r.Total} hits, the C# check allows {expected.Count}");
            }
        }
    }

    /// <summary>The generator is strong enough to catch a wrong rule: every way of being visible is, for some pair, the only
    /// reason the caller sees the record.</summary>
    [Fact]
    public void The_generated_cases_cover_every_way_a_record_becomes_visible()
    {
        var reasons = new HashSet<string>();
        foreach (var seed in SeedValues)
        {
            var world = Generate(seed);
            foreach (var (_, caller) in world.Callers)
                foreach (var d in world.Documents.Where(d => SearchVisibility.CanSee(d, caller)))
                {
                    var ways = new List<string>();
                    if (SearchVisibility.SeesEverything(caller)) ways.Add("platform admin");
                    if (d.IsPublic) ways.Add("public");
                    if (caller.IsAuthenticated && caller.OrganizationId is { } o && d.OrganizationId == o) ways.Add("owner");
                    if (caller.IsAuthenticated && caller.OrganizationId is { } g && d.VisibleToOrganizations.Contains(g) && d.OrganizationId != g) ways.Add("granted organisation");
                    if (caller.IsAuthenticated && caller.UserId is { } u && d.VisibleToUsers.Contains(u)) ways.Add("named user");
                    if (ways.Count == 1) reasons.Add(ways[0]);
                }
        }
        Assert.Equal(["granted organisation", "named user", "owner", "platform admin", "public"], reasons.Order());
    }

    [Fact]
    public void An_unauthenticated_caller_sees_only_public_records_whatever_the_value_names()
    {
        var org = Guid.NewGuid();
        var confidential = new SearchDocument { Type = SearchDocumentTypes.Achievement, Id = Guid.NewGuid(), Title = "保密成果", OrganizationId = org };
        var notSignedIn = new Caller(null, null, org, new HashSet<string>([Roles.PlatformAdmin]));
        Assert.False(SearchVisibility.CanSee(confidential, notSignedIn));
        Assert.Equal([SearchVisibility.Public], SearchVisibility.Holds(notSignedIn));
    }
}

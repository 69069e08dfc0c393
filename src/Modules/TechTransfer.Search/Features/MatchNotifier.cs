using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Search.Analysis;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Features;

/// <summary>Configuration of new-match notifications (section <c>Search:MatchNotifications</c>) [CFG].</summary>
public sealed class MatchNotificationOptions
{
    public const string Section = "Search:MatchNotifications";

    public bool Enabled { get; set; } = true;
    /// <summary>Threshold: the share of the subject's key terms that the other record must contain (0–1).</summary>
    [Range(0.0, 1.0)] public double MinStrength { get; set; } = 0.3;
    /// <summary>And at least this many key terms in common.</summary>
    [Range(1, 50)] public int MinMatchedTerms { get; set; } = 2;
    /// <summary>At most this many new matches are announced per subject and indexing.</summary>
    [Range(1, 100)] public int MaxPerSubject { get; set; } = 10;
    /// <summary>How many ranked candidates are checked against the threshold.</summary>
    [Range(1, 100)] public int Candidates { get; set; } = 20;
}

/// <summary>
/// 新匹配通知: after the indexer has committed a published demand, or a visible achievement, patent or open licence,
/// the subject is matched (a demand against achievements, patents and open licences; a supply record against published
/// demands). Each pair above the threshold [CFG] is announced once — to the demand's enterprise users, the supply
/// owner's transfer office (InstitutionAdmin) and the technology managers assigned to either side — and recorded as a
/// <see cref="MatchNotice"/> in the same transaction, so a pair is never announced twice. A recipient hears of a pair only
/// if it may see both records, so a confidential record never reaches anyone who may not see it.
/// </summary>
public sealed class MatchNotifier(
    IServiceScopeFactory scopes, SearchIndex index, IOptions<MatchNotificationOptions> options, TimeProvider clock, ILogger<MatchNotifier> log)
{
    private static readonly WordAnalyzer TargetWords = new(WordSegmenter.Jieba);
    private static readonly string[] SupplyTypes = [SearchDocumentTypes.Achievement, SearchDocumentTypes.Patent, SearchDocumentTypes.OpenLicense, SearchDocumentTypes.Listing];

    /// <summary>Candidates are found as the platform (every record); each recipient is then checked on its own.</summary>
    private static readonly Caller Platform = Caller.System("search.match-notifier");

    /// <summary>Any user of <paramref name="org"/> in <paramref name="role"/>, without grants of their own: an
    /// organisation notification may only name what the organisation may see.</summary>
    private static Caller MemberOf(Guid org, string role) =>
        new(null, $"{role}@{org:N}", org, new HashSet<string>([role], StringComparer.Ordinal));

    /// <summary>A subject whose matches are announced: a published demand, or a public supply record.</summary>
    public static bool IsSubject(SearchDocument d) => d.Type switch
    {
        SearchDocumentTypes.Demand => d.Status == "Published",
        SearchDocumentTypes.Achievement or SearchDocumentTypes.Patent or SearchDocumentTypes.OpenLicense or SearchDocumentTypes.Listing => d.IsPublic,
        _ => false,
    };

    /// <summary>
    /// Runs matching for the subjects among <paramref name="indexed"/> (one indexer batch) in one pass: one scope and one
    /// database context, one query for the pairs already announced, each candidate record loaded once, one query for the
    /// assigned managers and one transaction for all notices. Returns how many pairs were announced.
    /// </summary>
    public async Task<int> NotifyAsync(IReadOnlyList<SearchDocument> indexed, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return 0;
        var subjects = indexed.Where(IsSubject).DistinctBy(d => (d.Type, d.Id)).ToList();
        if (subjects.Count == 0) return 0;

        // 1. matching against the index, per subject (the index is in memory; no database work)
        var matched = new List<(SearchDocument Subject, MatchResult Result)>();
        foreach (var subject in subjects)
        {
            var isDemand = subject.Type == SearchDocumentTypes.Demand;
            var result = index.Match(MatchingService.SourceText(subject),
                new SearchQuery { Types = isDemand ? SupplyTypes : [SearchDocumentTypes.Demand], ExcludeIds = [subject.Id] },
                Platform, o.Candidates);
            if (result.KeyTerms.Count > 0 && result.Items.Count > 0) matched.Add((subject, result));
        }
        if (matched.Count == 0) return 0;

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
        var sources = scope.ServiceProvider.GetServices<ISearchDocumentSource>().ToDictionary(s => s.Type);

        // 2. pairs already announced, for every demand of the batch, in one query: skipped before their records are loaded
        var demandIds = matched.SelectMany(m => m.Subject.Type == SearchDocumentTypes.Demand
            ? [m.Subject.Id] : m.Result.Items.Where(h => h.Type == SearchDocumentTypes.Demand).Select(h => h.Id)).Distinct().ToList();
        var known = await KnownPairsAsync(db, demandIds, ct);

        // 3. candidates above the threshold, read fresh from their modules (the index may lag a change of visibility);
        // a record that is a candidate of several subjects is loaded once
        var loaded = new Dictionary<(string, Guid), SearchDocument?>();
        var perSubject = new List<List<(SearchDocument Demand, SearchDocument Supply, double Strength)>>();
        foreach (var (subject, result) in matched)
        {
            var isDemand = subject.Type == SearchDocumentTypes.Demand;
            var pairs = new List<(SearchDocument Demand, SearchDocument Supply, double Strength)>();
            foreach (var hit in result.Items)
            {
                if (pairs.Count == o.MaxPerSubject) break;
                var key = isDemand ? (subject.Id, hit.Type, hit.Id) : (hit.Id, subject.Type, subject.Id);
                if (known.Contains(key)) continue;
                if (!sources.TryGetValue(hit.Type, out var source)) continue;
                if (!loaded.TryGetValue((hit.Type, hit.Id), out var other))
                    loaded[(hit.Type, hit.Id)] = other = await source.LoadAsync(hit.Id, ct);
                if (other is null || !IsSubject(other)) continue;
                if (other.OrganizationId is { } oo && oo == subject.OrganizationId) continue;   // an organisation's own records
                var (matchedTerms, strength) = Strength(result.KeyTerms, other);
                if (matchedTerms < o.MinMatchedTerms || strength < o.MinStrength) continue;
                pairs.Add(isDemand ? (subject, other, strength) : (other, subject, strength));
                known.Add(key);   // a pair found from both of its sides in the same batch is announced once
            }
            if (pairs.Count > 0) perSubject.Add(pairs);
        }
        if (perSubject.Count == 0) return 0;

        // 4. notices and notifications of the whole batch in one transaction
        var managers = await ManagersAsync(db, perSubject.SelectMany(p => p).SelectMany(p => new[] { p.Demand, p.Supply }).ToList(), ct);
        var now = clock.GetUtcNow();
        foreach (var pairs in perSubject) AddNotices(db, pairs, managers, now);
        try
        {
            await db.SaveChangesAsync(ct);
            return perSubject.Sum(p => p.Count);
        }
        catch (DbUpdateException ex)
        {
            // another drainer announced one of these pairs first (unique index): write the batch subject by subject, as
            // before, so only the subjects whose pairs were already written are skipped — nothing lost, nothing sent twice
            log.LogInformation(ex, "Some match notices of this batch were already written; saving them subject by subject");
            db.ChangeTracker.Clear();
            var written = await KnownPairsAsync(db, perSubject.SelectMany(p => p).Select(p => p.Demand.Id).Distinct().ToList(), ct);
            var announced = 0;
            foreach (var pairs in perSubject)
            {
                var rest = pairs.Where(p => !written.Contains((p.Demand.Id, p.Supply.Type, p.Supply.Id))).ToList();
                if (rest.Count == 0) continue;
                AddNotices(db, rest, managers, now);
                try
                {
                    await db.SaveChangesAsync(ct);
                    announced += rest.Count;
                }
                catch (DbUpdateException again)
                {
                    log.LogInformation(again, "Match notices for {Type} {Id} were already written", rest[0].Demand.Type, rest[0].Demand.Id);
                    db.ChangeTracker.Clear();
                }
            }
            return announced;
        }
    }

    private static async Task<HashSet<(Guid DemandId, string SupplyType, Guid SupplyId)>> KnownPairsAsync(
        TechTransferDbContext db, List<Guid> demandIds, CancellationToken ct)
    {
        if (demandIds.Count == 0) return [];
        return (await db.Set<MatchNotice>().AsNoTracking()
                .Where(n => demandIds.Contains(n.DemandId))
                .Select(n => new { n.DemandId, n.SupplyType, n.SupplyId }).ToListAsync(ct))
            .Select(n => (n.DemandId, n.SupplyType, n.SupplyId)).ToHashSet();
    }

    private static void AddNotices(TechTransferDbContext db, List<(SearchDocument Demand, SearchDocument Supply, double Strength)> pairs,
        Dictionary<(string, Guid), List<Manager>> managers, DateTimeOffset now)
    {
        foreach (var (demand, supply, strength) in pairs)
        {
            var notes = Notifications(demand, supply, strength, managers, now);
            db.AddRange(notes);
            db.Add(MatchNotice.Record(demand.Id, demand.OrganizationId, supply.Type, supply.Id, strength, notes.Count, now));
        }
    }

    /// <summary>Share of <paramref name="keyTerms"/> found among the words of <paramref name="other"/> (same word analysis as the index).</summary>
    internal static (int Matched, double Strength) Strength(IReadOnlyList<string> keyTerms, SearchDocument other)
    {
        if (keyTerms.Count == 0) return (0, 0);
        var words = TargetWords.Terms("body_w", SourceTextOf(other)).ToHashSet(StringComparer.Ordinal);
        var matched = keyTerms.Count(words.Contains);
        return (matched, (double)matched / keyTerms.Count);
    }

    private static string SourceTextOf(SearchDocument d) => MatchingService.SourceText(d);

    private sealed record Manager(Guid UserId, Guid? OrganizationId);

    /// <summary>Assigned technology managers of the given records, by (type, id).</summary>
    private static async Task<Dictionary<(string, Guid), List<Manager>>> ManagersAsync(TechTransferDbContext db, List<SearchDocument> docs, CancellationToken ct)
    {
        var ids = docs.Select(d => d.Id).Distinct().ToList();
        var rows = await db.Set<ManagerAssignment>().AsNoTracking().Where(a => ids.Contains(a.SubjectId))
            .Select(a => new { a.SubjectType, a.SubjectId, a.ManagerUserId }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var userIds = rows.Select(r => r.ManagerUserId).Distinct().ToList();
        var orgs = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.OrganizationId }).ToDictionaryAsync(u => u.Id, u => u.OrganizationId, ct);
        return rows.Where(r => orgs.ContainsKey(r.ManagerUserId))
            .GroupBy(r => (r.SubjectType, r.SubjectId))
            .ToDictionary(g => g.Key, g => g.Select(r => new Manager(r.ManagerUserId, orgs[r.ManagerUserId])).ToList());
    }

    /// <summary>The notifications for one pair, each only to a recipient that may see both records.</summary>
    private static List<Notification> Notifications(SearchDocument demand, SearchDocument supply, double strength,
        Dictionary<(string, Guid), List<Manager>> managers, DateTimeOffset now)
    {
        var list = new List<Notification>();
        var pct = (int)Math.Round(strength * 100);
        var (kindZh, kindEn) = Kind(supply.Type);
        bool SeesBoth(ICurrentUser c) => SearchVisibility.CanSee(demand, c) && SearchVisibility.CanSee(supply, c);

        if (demand.OrganizationId is { } dOrg && SeesBoth(MemberOf(dOrg, Roles.Enterprise)))
            list.Add(Notification.ToOrganization(dOrg, Roles.Enterprise,
                Trim($"新匹配：您的技术需求“{demand.Title}”与{kindZh}“{supply.Title}”匹配（关键词重合 {pct}%）"),
                Trim($"New match: your demand \"{demand.Title}\" matches the {kindEn} \"{supply.Title}\" ({pct}% of key terms)"),
                $"/demands/{demand.Id}/matches", now, NotificationKinds.NewMatch));
        if (supply.OrganizationId is { } sOrg && SeesBoth(MemberOf(sOrg, Roles.InstitutionAdmin)))
            list.Add(Notification.ToOrganization(sOrg, Roles.InstitutionAdmin,
                Trim($"新匹配：本单位{kindZh}“{supply.Title}”与技术需求“{demand.Title}”匹配（关键词重合 {pct}%）"),
                Trim($"New match: your {kindEn} \"{supply.Title}\" matches the demand \"{demand.Title}\" ({pct}% of key terms)"),
                supply.Type == SearchDocumentTypes.Achievement ? $"/achievements/{supply.Id}/matches" : $"/demands/{demand.Id}", now, NotificationKinds.NewMatch));

        var notified = new HashSet<Guid>();
        foreach (var (side, doc) in new[] { ("demand", demand), ("supply", supply) })
            foreach (var m in managers.GetValueOrDefault((doc.Type, doc.Id)) ?? [])
            {
                if (!notified.Add(m.UserId) || !SeesBoth(Caller.Of(m.UserId, m.OrganizationId, Roles.TechManager))) continue;
                list.Add(side == "demand"
                    ? Notification.ToUser(m.UserId,
                        Trim($"您跟进的技术需求“{demand.Title}”有新匹配：{kindZh}“{supply.Title}”（关键词重合 {pct}%）"),
                        Trim($"The demand you follow, \"{demand.Title}\", has a new match: the {kindEn} \"{supply.Title}\" ({pct}% of key terms)"),
                        $"/demands/{demand.Id}/matches", now, NotificationKinds.NewMatch)
                    : Notification.ToUser(m.UserId,
                        Trim($"您跟进的{kindZh}“{supply.Title}”有新匹配需求：“{demand.Title}”（关键词重合 {pct}%）"),
                        Trim($"The {kindEn} you follow, \"{supply.Title}\", matches a new demand: \"{demand.Title}\" ({pct}% of key terms)"),
                        $"/demands/{demand.Id}", now, NotificationKinds.NewMatch));
            }
        return list;
    }

    private static (string Zh, string En) Kind(string type) => type switch
    {
        SearchDocumentTypes.Achievement => ("科技成果", "achievement"),
        SearchDocumentTypes.Patent => ("专利", "patent"),
        SearchDocumentTypes.OpenLicense => ("开放许可专利", "open-licence patent"),
        SearchDocumentTypes.Listing => ("挂牌项目", "exchange listing"),
        _ => (type, type),
    };

    private static string Trim(string text) => text.Length <= 300 ? text : text[..299] + "…";
}

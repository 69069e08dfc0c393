using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Data;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Features;

/// <summary>Why a record matched: shared words, fields and IPC classes, readiness and price fit, and how strong the match
/// is as people read it (<see cref="MatchStrength"/>: "strong", "medium" or "weak"; the raw score is not for display).</summary>
public sealed record MatchExplanation(
    IReadOnlyList<string> MatchedTerms, bool SameField, IReadOnlyList<string> SharedIpcClasses, int? Trl, string PriceFit,
    string Strength = MatchStrength.Weak);

/// <summary>
/// A match's strength in words, from what the two records share rather than from the engine's score (which has no fixed
/// scale): the share of the subject's key terms found in the match (of at most <see cref="Considered"/> key terms), raised
/// one step by a shared technical field or IPC subclass. Strong: at least half of the key terms, or a third with a shared
/// field or class; medium: a fifth, or any shared term with a shared field or class; weak otherwise.
/// </summary>
public static class MatchStrength
{
    public const string Strong = "strong";
    public const string Medium = "medium";
    public const string Weak = "weak";

    /// <summary>Key terms beyond this many weigh little (they are ordered by weight), so coverage is counted over these.</summary>
    public const int Considered = 10;

    public static string Of(int matchedTerms, int keyTerms, bool sameField, bool sharedClass)
    {
        if (matchedTerms <= 0 || keyTerms <= 0) return sameField && sharedClass ? Medium : Weak;
        var coverage = (double)Math.Min(matchedTerms, Considered) / Math.Min(keyTerms, Considered);
        var related = sameField || sharedClass;
        if (coverage >= 0.5 || (related && coverage >= 1.0 / 3)) return Strong;
        if (coverage >= 0.2 || related) return Medium;
        return Weak;
    }
}

/// <summary>One ranked match. <paramref name="Useful"/> is the caller's organisation's recorded verdict (null = none);
/// <paramref name="Demoted"/> is true when it was marked not useful and therefore moved to the end.</summary>
public sealed record MatchItem(SearchHit Hit, double Score, MatchExplanation Why, bool? Useful = null, bool Demoted = false);

/// <summary>Body of POST …/matches/feedback.</summary>
public sealed record MatchFeedbackRequest(string? TargetType, Guid? TargetId, bool? Useful);

/// <summary>The feedback now recorded for (subject, target, organisation).</summary>
public sealed record MatchFeedbackResponse(string SubjectType, Guid SubjectId, string TargetType, Guid TargetId, bool Useful, DateTimeOffset VotedAt);

public sealed record MatchesResponse(Guid SourceId, string SourceType, IReadOnlyList<string> KeyTerms, IReadOnlyList<MatchItem> Items);

/// <summary>供需匹配: ranks records for a demand or an achievement, with explanations, as the current caller sees them.</summary>
public sealed class MatchingService(
    SearchIndex index, IServiceProvider services, TechTransferDbContext db, ICurrentUser user, IReferenceCheck references, TimeProvider clock)
{
    /// <summary>Score multiplier for a match the subject's organisation marked useful.</summary>
    public const double UsefulBoost = 1.5;

    public static readonly IReadOnlyList<string> ForDemand = [SearchDocumentTypes.Achievement, SearchDocumentTypes.Patent, SearchDocumentTypes.OpenLicense, SearchDocumentTypes.Listing];
    public static readonly IReadOnlyList<string> ForAchievement = [SearchDocumentTypes.Demand, SearchDocumentTypes.Organization];

    /// <summary>Ranked matches of a demand or an achievement. With <paramref name="ownerOnly"/> only the owning organisation
    /// (and platform administrators) get them; anyone else is told the record is not found.</summary>
    public async Task<Result<MatchesResponse>> MatchAsync(string sourceType, Guid id, IReadOnlyList<string> targetTypes, int k,
        CancellationToken ct, bool ownerOnly = false)
    {
        var source = services.GetServices<ISearchDocumentSource>().FirstOrDefault(s => s.Type == sourceType);
        if (source is null) return SearchErrors.SourceNotAvailable(sourceType);
        var doc = await source.LoadAsync(id, ct);
        if (doc is null || !SearchVisibility.CanSee(doc, user)) return SearchErrors.SourceNotFound;
        if (ownerOnly && !user.IsInRole(Roles.PlatformAdmin) && (user.OrganizationId is not { } own || doc.OrganizationId != own))
            return SearchErrors.SourceNotFound;
        var result = index.Match(SourceText(doc), new SearchQuery { Types = targetTypes, ExcludeIds = [doc.Id] }, user, Math.Clamp(k, 1, 100));
        var items = result.Items.Select(h => new MatchItem(h, h.Score, Explain(doc, h, result.KeyTerms, result.KeyWords))).ToList();
        var votes = await VotesAsync(doc, ct);
        // the key terms as people read them: the words as written in the record, not the stems the index matches on
        return new MatchesResponse(doc.Id, doc.Type, result.KeyWords, ApplyFeedback(items, votes));
    }

    /// <summary>The text a record is matched by: titles, bodies and keywords in both languages.</summary>
    internal static string SourceText(SearchDocument doc) =>
        string.Join("\n", new[] { doc.Title, doc.TitleEn, doc.Body, doc.BodyEn, string.Join(" ", doc.Keywords) }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>The subject organisation's votes, keyed by (target type, target id). Only the owner's votes count.</summary>
    private async Task<Dictionary<(string, Guid), bool>> VotesAsync(SearchDocument doc, CancellationToken ct)
    {
        var org = doc.OrganizationId;
        if (org is null || (!user.IsInRole(Roles.PlatformAdmin) && user.OrganizationId != org)) return [];
        var rows = await db.Set<MatchFeedback>().AsNoTracking()
            .Where(f => f.SubjectType == doc.Type && f.SubjectId == doc.Id && f.OrganizationId == org)
            .Select(f => new { f.TargetType, f.TargetId, f.Useful }).ToListAsync(ct);
        return rows.ToDictionary(r => (r.TargetType, r.TargetId), r => r.Useful);
    }

    /// <summary>
    /// Feedback in ranking: a match the subject's organisation marked useful has its score multiplied by
    /// <see cref="UsefulBoost"/> and is re-sorted among the others; a match marked not useful keeps its score but moves
    /// to the end (after every unmarked or useful match, in its original order) and carries <c>Demoted = true</c>, so the
    /// user can still see and revise it. Unmarked matches keep the engine's order.
    /// </summary>
    internal static IReadOnlyList<MatchItem> ApplyFeedback(IReadOnlyList<MatchItem> items, IReadOnlyDictionary<(string, Guid), bool> votes)
    {
        if (votes.Count == 0) return items;
        var marked = items.Select((m, i) =>
        {
            bool? v = votes.TryGetValue((m.Hit.Type, m.Hit.Id), out var u) ? u : null;
            var score = v == true ? m.Score * UsefulBoost : m.Score;
            return (Item: m with { Score = score, Useful = v, Demoted = v == false }, Index: i);
        }).ToList();
        return marked.OrderBy(x => x.Item.Demoted)
            .ThenByDescending(x => x.Item.Demoted ? 0 : x.Item.Score)
            .ThenBy(x => x.Index)
            .Select(x => x.Item).ToList();
    }

    /// <summary>
    /// Records (or replaces) the caller's organisation's verdict on one match of a demand or an achievement. The body is
    /// checked first, every field at once: the target's type must be one the subject is matched against, and the target
    /// must exist and be visible to the caller (<see cref="IReferenceCheck"/>, the owning module's rule).
    /// </summary>
    public async Task<Result<MatchFeedbackResponse>> RecordFeedbackAsync(string subjectType, Guid subjectId, IReadOnlyList<string> targetTypes,
        MatchFeedbackRequest? request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var typeValid = false;
        if (string.IsNullOrWhiteSpace(request?.TargetType)) errors.Add(SearchErrors.FeedbackTargetTypeRequired);
        else if (!targetTypes.Contains(request.TargetType)) errors.Add(SearchErrors.FeedbackTargetTypeInvalid(targetTypes));
        else typeValid = true;
        if (request?.TargetId is not { } targetId || targetId == Guid.Empty) errors.Add(SearchErrors.FeedbackTargetIdRequired);
        else if (typeValid && await references.CheckAsync("targetId", RecordTypeOf(request.TargetType!), targetId, ct) is { } unseen)
            errors.Add(unseen);
        if (request?.Useful is null) errors.Add(SearchErrors.FeedbackUsefulRequired);
        if (errors.ToError() is { } invalid) return invalid;

        var source = services.GetServices<ISearchDocumentSource>().FirstOrDefault(s => s.Type == subjectType);
        if (source is null) return SearchErrors.SourceNotAvailable(subjectType);
        var doc = await source.LoadAsync(subjectId, ct);
        // Only the owning organisation votes on its subject's matches; anyone else does not learn it exists (404).
        if (doc is null || user.OrganizationId is not { } org || doc.OrganizationId != org) return SearchErrors.SourceNotFound;

        var (targetType, useful) = (request!.TargetType!, request.Useful!.Value);
        var target = request.TargetId!.Value;
        var now = clock.GetUtcNow();
        var row = await FeedbackRow(doc, targetType, target, org, ct);
        var isNew = row is null;
        if (row is null) db.Add(row = MatchFeedback.Record(doc.Type, doc.Id, targetType, target, org, useful, user.UserId, now));
        else row.Revote(useful, user.UserId, now);
        try
        {
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        }
        catch (DbUpdateException) when (isNew)
        {
            // another vote of the organisation on the same match was inserted first (unique index): the last vote wins
            db.ChangeTracker.Clear();
            row = await FeedbackRow(doc, targetType, target, org, ct) ?? throw new InvalidOperationException("Match feedback could not be saved.");
            row.Revote(useful, user.UserId, now);
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
        }
        return new MatchFeedbackResponse(row.SubjectType, row.SubjectId, row.TargetType, row.TargetId, row.Useful, row.VotedAt);
    }

    private Task<MatchFeedback?> FeedbackRow(SearchDocument subject, string targetType, Guid targetId, Guid org, CancellationToken ct) =>
        db.Set<MatchFeedback>().FirstOrDefaultAsync(f => f.SubjectType == subject.Type && f.SubjectId == subject.Id
            && f.TargetType == targetType && f.TargetId == targetId && f.OrganizationId == org, ct);

    /// <summary>The record type (<see cref="RecordTypes"/>) under which the owning module resolves a matched record's id.</summary>
    internal static string RecordTypeOf(string searchDocumentType) => searchDocumentType switch
    {
        SearchDocumentTypes.Achievement => RecordTypes.Achievement,
        SearchDocumentTypes.Patent => RecordTypes.Patent,
        SearchDocumentTypes.OpenLicense => RecordTypes.OpenLicense,
        SearchDocumentTypes.Demand => RecordTypes.Demand,
        SearchDocumentTypes.Organization => RecordTypes.Organization,
        SearchDocumentTypes.Listing => RecordTypes.Listing,
        _ => throw new ArgumentOutOfRangeException(nameof(searchDocumentType), searchDocumentType, "Not a matched record type."),
    };

    /// <param name="keyTerms">The key terms as indexed (stems).</param>
    /// <param name="keyWords">The same terms as written in the source (same order); the matched terms are shown by them.</param>
    internal static MatchExplanation Explain(SearchDocument source, SearchHit hit, IReadOnlyList<string> keyTerms, IReadOnlyList<string> keyWords)
    {
        var hay = (hit.Title + " " + hit.TitleEn + " " + string.Join(" ", hit.Keywords) + " " + hit.Snippet).ToLowerInvariant();
        var considered = keyTerms.Take(MatchStrength.Considered).Select((t, i) => (Term: t, Word: i < keyWords.Count ? keyWords[i] : t)).ToList();
        var matched = considered.Where(t => hay.Contains(t.Term, StringComparison.OrdinalIgnoreCase) || hay.Contains(t.Word, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Word).ToList();
        var srcIpc = source.IpcCodes.Select(IndexSchema.ClassOf).Where(c => c.Length >= 4).ToHashSet();
        var shared = hit.IpcCodes.Select(IndexSchema.ClassOf).Where(c => c.Length >= 4).Where(srcIpc.Contains).Distinct().ToList();
        var sameField = !string.IsNullOrWhiteSpace(source.Field) && string.Equals(source.Field, hit.Field, StringComparison.OrdinalIgnoreCase);
        return new MatchExplanation(matched, sameField, shared, hit.Trl, PriceFit(source.PriceMaxYuan ?? source.PriceMinYuan, hit.PriceMinYuan),
            MatchStrength.Of(matched.Count, considered.Count, sameField, shared.Count > 0));
    }

    /// <summary>"within_budget", "over_budget" or "unknown" (budget of the source against the asking price of the match).</summary>
    internal static string PriceFit(decimal? budget, decimal? asking) =>
        budget is null || asking is null ? "unknown" : asking <= budget ? "within_budget" : "over_budget";
}

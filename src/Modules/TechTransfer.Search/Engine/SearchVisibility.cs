using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Search.Engine;

/// <summary>
/// 检索可见性: who may see a record in search, matching and match notifications — defined once, here.
/// <para>A record <b>grants</b> sight through keys: <i>public</i> when it is public, each organisation it is shown to
/// (<see cref="SearchDocument.VisibleToOrganizations"/>, and its owner <see cref="SearchDocument.OrganizationId"/> always)
/// and each named user (<see cref="SearchDocument.VisibleToUsers"/>). A caller <b>holds</b> keys: <i>public</i> always,
/// and when signed in its organisation and its user id. A platform administrator sees every record. The rule:
/// <c>visible ⇔ sees everything ∨ grants(record) ∩ holds(caller) ≠ ∅</c>.</para>
/// <para>Both executions derive from the two key sets: the index stores the granted keys as terms
/// (<see cref="AddTo"/>) and the Lucene filter asks for any held key (<see cref="Filter"/>); the C# check
/// (<see cref="CanSee"/>) intersects the same sets in memory. <c>SearchVisibilityAgreementTests</c> checks that both
/// give the same answer on generated records and callers.</para>
/// </summary>
internal static class SearchVisibility
{
    /// <summary>A visibility key: the index field and the term that carry it.</summary>
    public readonly record struct Key(string Field, string Value);

    private const string PublicFlag = "1", NotPublicFlag = "0";

    /// <summary>The key every caller holds and every public record grants.</summary>
    public static readonly Key Public = new(IndexSchema.VisPublic, PublicFlag);

    public static Key Organization(Guid id) => new(IndexSchema.VisOrg, id.ToString("N"));

    public static Key User(Guid id) => new(IndexSchema.VisUser, id.ToString("N"));

    /// <summary>The keys a record grants.</summary>
    public static IReadOnlySet<Key> Grants(SearchDocument d)
    {
        var keys = new HashSet<Key>();
        if (d.IsPublic) keys.Add(Public);
        foreach (var o in d.VisibleToOrganizations) keys.Add(Organization(o));
        // the owner organisation always sees its own records
        if (d.OrganizationId is { } owner) keys.Add(Organization(owner));
        foreach (var u in d.VisibleToUsers) keys.Add(User(u));
        return keys;
    }

    /// <summary>True for a platform administrator (a signed-in caller in that role, e.g. <see cref="Caller.System"/>).</summary>
    public static bool SeesEverything(ICurrentUser caller) => caller.IsAuthenticated && caller.IsInRole(Roles.PlatformAdmin);

    /// <summary>The keys a caller holds, in a fixed order (public, organisation, user); an anonymous caller holds only
    /// <see cref="Public"/>, whatever else the value names.</summary>
    public static IReadOnlyList<Key> Holds(ICurrentUser caller)
    {
        if (!caller.IsAuthenticated) return [Public];
        var keys = new List<Key>(3) { Public };
        if (caller.OrganizationId is { } org) keys.Add(Organization(org));
        if (caller.UserId is { } user) keys.Add(User(user));
        return keys;
    }

    /// <summary>The rule in memory (matching, manager assignment, notifications).</summary>
    public static bool CanSee(SearchDocument d, ICurrentUser caller)
    {
        if (SeesEverything(caller)) return true;
        var grants = Grants(d);
        return Holds(caller).Any(grants.Contains);
    }

    /// <summary>The rule as a Lucene query: any held key; null when the caller sees everything (no restriction).</summary>
    public static Query? Filter(ICurrentUser caller)
    {
        if (SeesEverything(caller)) return null;
        var any = new BooleanQuery { MinimumNumberShouldMatch = 1 };
        foreach (var key in Holds(caller)) any.Add(new TermQuery(new Term(key.Field, key.Value)), Occur.SHOULD);
        return any;
    }

    /// <summary>Writes the record's granted keys into its Lucene document (unstored, untokenized terms). A record that is
    /// not public stores the flag "0", which no caller holds.</summary>
    public static void AddTo(Document doc, SearchDocument d)
    {
        if (!d.IsPublic) doc.Add(new StringField(IndexSchema.VisPublic, NotPublicFlag, Field.Store.NO));
        foreach (var key in Grants(d).OrderBy(k => k.Field, StringComparer.Ordinal).ThenBy(k => k.Value, StringComparer.Ordinal))
            doc.Add(new StringField(key.Field, key.Value, Field.Store.NO));
    }
}

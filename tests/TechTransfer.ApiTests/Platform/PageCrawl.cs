using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using TechTransfer.SharedKernel.Regions;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// Crawls the pages a caller can reach by following links from the given start pages (GET only, same origin, every
/// route template visited at most <see cref="PerTemplate"/> times) and checks the visible text of every HTML page for
/// raw enum member names and bare codes (<see cref="RawText"/>). A 5xx, or a link that answers 404, is a failure too.
/// </summary>
public sealed partial class PageCrawl(HttpClient client, string language, IReadOnlyList<RouteTemplate> templates)
{
    public const int PerTemplate = 2;

    public List<string> Failures { get; } = [];
    public HashSet<string> VisitedTemplates { get; } = [];
    public int PagesChecked { get; private set; }

    /// <summary>A further check of each HTML page (its address and markup), returning findings.</summary>
    public Func<string, string, IEnumerable<string>>? Check { get; init; }

    public async Task RunAsync(IEnumerable<string> start)
    {
        var queue = new Queue<(string Url, string From)>(start.Select(s => (s, "(start)")));
        var seen = new HashSet<string>();
        var perTemplate = new Dictionary<string, int>();
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            if (!seen.Add(url)) continue;
            var path = url.Split('?', '#')[0];
            var template = templates.FirstOrDefault(t => t.Matches(path));
            var key = template?.Template ?? path;
            perTemplate.TryGetValue(key, out var n);
            // a record page shows different actions by the record's state: look at a few more of those
            if (n >= (template?.Template.Contains('{') == true ? PerTemplate * 2 : PerTemplate)) continue;
            perTemplate[key] = n + 1;

            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            if (status >= 500 || status == 404)
            {
                Failures.Add($"[{language}] {url} (linked from {from}) answered {status}");
                continue;
            }
            if (status != 200 || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            if (template is not null) VisitedTemplates.Add(template.Template);
            var html = await response.Content.ReadAsStringAsync();
            PagesChecked++;
            foreach (var finding in RawText.Find(RawText.VisibleText(html), language))
                Failures.Add($"[{language}] {url}: {finding}");
            foreach (var finding in Check?.Invoke(url, html) ?? [])
                Failures.Add($"[{language}] {url}: {finding}");
            foreach (var link in Links(html))
                if (!seen.Contains(link)) queue.Enqueue((link, url));
        }
    }

    private static IEnumerable<string> Links(string html)
    {
        foreach (Match m in HrefPattern().Matches(html))
        {
            var href = WebUtility.HtmlDecode(m.Groups[1].Value).Trim();
            if (href.Length == 0 || href.StartsWith('#') || href.Contains(':') && !href.StartsWith("http://localhost", StringComparison.Ordinal)) continue;
            if (href.StartsWith("http://localhost", StringComparison.Ordinal)) href = new Uri(href).PathAndQuery;
            if (!href.StartsWith('/')) href = "/" + href;
            var path = href.Split('?', '#')[0];
            if (path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal)
                || path.StartsWith("/_", StringComparison.Ordinal) || path == "/culture" || path.Contains("logout", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith("/export", StringComparison.Ordinal) || Path.HasExtension(path)) continue;
            yield return href.Split('#')[0];
        }
    }

    [GeneratedRegex("<a\\b[^>]*?\\shref=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HrefPattern();

    /// <summary>Every routable page template of the given assemblies (components with <c>@page</c>).</summary>
    public static IReadOnlyList<RouteTemplate> TemplatesOf(IEnumerable<Assembly> assemblies) =>
        assemblies.Distinct().SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => new RouteTemplate(r.Template)))
            .DistinctBy(t => t.Template)
            // literal segments first, so /patents/new is not taken for /patents/{id}
            .OrderByDescending(t => t.Template.Count(c => c != '{') - t.Template.Count(c => c == '{') * 100)
            .ToList();
}

public sealed partial class RouteTemplate
{
    private readonly Regex _pattern;

    public RouteTemplate(string template)
    {
        Template = template;
        var parts = template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.StartsWith('{') ? (s.StartsWith("{*") ? ".*" : "[^/]+") : Regex.Escape(s));
        _pattern = new Regex("^/" + string.Join("/", parts) + "/?$", RegexOptions.IgnoreCase);
    }

    public string Template { get; }
    public bool Matches(string path) => _pattern.IsMatch(path);
}

/// <summary>
/// What a user must never read: an enum member name of the platform (in the Chinese pages every member name; in the
/// English pages the multi-word PascalCase names, because a one-word member such as <c>Draft</c> is also its English
/// label), a GB/T 2260 division code standing alone (上海市, not 310000), and a snake_case code (an error or rule-set
/// code such as <c>contract.not_found</c>).
/// </summary>
public static partial class RawText
{
    /// <summary>Enums whose members are technical settings shown to nobody.</summary>
    private static readonly HashSet<string> IgnoredEnums = ["DatabaseProvider", "StorageProvider"];

    /// <summary>Member names that are also ordinary text the product shows on purpose (the brand, file formats).</summary>
    private static readonly HashSet<string> IgnoredMembers = ["TechTransfer", "Excel", "PDF"];

    private static readonly Lazy<HashSet<string>> MemberNames = new(() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } n && n.StartsWith("TechTransfer.", StringComparison.Ordinal) && !n.Contains("Tests", StringComparison.Ordinal))
            .SelectMany(a => { try { return a.GetTypes(); } catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>().ToArray(); } })
            .Where(t => t.IsEnum && !IgnoredEnums.Contains(t.Name))
            .SelectMany(Enum.GetNames)
            .Concat(Enum.GetNames<Microsoft.EntityFrameworkCore.EntityState>()) // the audit trail's actions
            // role names are codes too (InstitutionAdmin, not 机构管理员)
            .Concat(typeof(TechTransfer.SharedKernel.Roles).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .Where(n => n.Length > 2 && !IgnoredMembers.Contains(n))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Other codes no page may show as such: record type names of the model (the audit trail), rule-set ids.</summary>
    private static readonly HashSet<string> Codes = typeof(TechTransfer.Contracts.Domain.ContractRuleSetCatalog)
        .GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    public static void AddCodes(IEnumerable<string> codes)
    {
        lock (Codes) Codes.UnionWith(codes);
    }

    public static string VisibleText(string html)
    {
        // translate="no" (HTML's own mark for codes and data, e.g. the audit trail's JSON snapshots) is not checked
        var text = NotTranslatedPattern().Replace(HiddenPattern().Replace(html, " "), " ");
        var attributes = string.Join(" ", VisibleAttributePattern().Matches(text).Select(m => m.Groups[2].Value));
        text = TagPattern().Replace(text, " ") + " " + attributes;
        return WebUtility.HtmlDecode(text);
    }

    public static IEnumerable<string> Find(string visibleText, string language)
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        foreach (var word in WordPattern().Matches(visibleText).Select(m => m.Value).Distinct())
        {
            // a one-word member inside English words is English text (an organisation's English name beside its
            // Chinese one), not a code
            if (MemberNames.Value.Contains(word) && (english ? MultiWordPattern().IsMatch(word) : MultiWordPattern().IsMatch(word) || StandsAlone(visibleText, word)))
                yield return $"raw enum name '{word}' in «{Around(visibleText, word)}»";
            else if (word.Contains('_') && SnakePattern().IsMatch(word))
                yield return $"raw code '{word}' in «{Around(visibleText, word)}»";
        }
        lock (Codes)
            foreach (var code in Codes.Where(c => CodeOccurs(visibleText, c, english)))
                yield return $"raw code '{code}' in «{Around(visibleText, code)}»";
        foreach (var code in SixDigitPattern().Matches(visibleText).Select(m => m.Value).Distinct())
            if (Divisions.IsKnown(code))
                yield return $"bare division code '{code}' in «{Around(visibleText, code)}»";
    }

    private static bool StandsAlone(string text, string word) =>
        Regex.IsMatch(text, "(?<![A-Za-z][\\s,'’&-]*)(?<![A-Za-z0-9_.-])" + Regex.Escape(word) + "(?![A-Za-z0-9_-])(?![\\s,'’&-]*[A-Za-z])");

    /// <summary>A code stands alone in the text (in English a one-word record type name is also its label).</summary>
    private static bool CodeOccurs(string text, string code, bool english) =>
        (!english || code.Contains('-') || MultiWordPattern().IsMatch(code))
        && Regex.IsMatch(text, "(?<![A-Za-z0-9-])" + Regex.Escape(code) + "(?![A-Za-z0-9-])");

    private static string Around(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        var from = Math.Max(0, i - 30);
        return WhitespacePattern().Replace(text.Substring(from, Math.Min(text.Length - from, word.Length + 60)), " ").Trim();
    }

    [GeneratedRegex("<(script|style|template)\\b[^>]*>.*?</\\1>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<(\\w+)\\b[^>]*\\stranslate=\"no\"[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NotTranslatedPattern();

    [GeneratedRegex("\\s(title|aria-label|placeholder|alt)=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex VisibleAttributePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9]")]
    private static partial Regex WordPattern();

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex MultiWordPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(\\.[a-z0-9_]+)*_[a-z0-9_]+$")]
    private static partial Regex SnakePattern();

    [GeneratedRegex("(?<![\\d.,-])\\d{6}(?![\\d.,-])")]
    private static partial Regex SixDigitPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhitespacePattern();
}

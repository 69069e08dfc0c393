using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ArchitectureTests;

/// <summary>
/// Page conventions of docs/architecture.md: routable pages take their services from the request scope (no per-page
/// scope of their own), every module's UI strings exist in Chinese and English, and pages take those strings from the
/// resources rather than from inline Chinese/English literals.
/// </summary>
public sealed partial class PageConventionTests
{
    private static readonly IReadOnlyList<Assembly> ModuleAssemblies = PlatformModules.All.Select(m => m.Assembly).Distinct().ToList();

    private static IEnumerable<Type> Pages() => ModuleAssemblies.SelectMany(a => a.GetTypes())
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any());

    [Fact]
    public void Routable_pages_inject_from_the_request_scope_instead_of_owning_a_scope()
    {
        var pages = Pages().ToList();
        Assert.True(pages.Count >= 40, $"only {pages.Count} pages found");
        var owning = pages.Where(t => IsOwningComponent(t)).Select(t => t.FullName).ToList();
        Assert.True(owning.Count == 0, "Pages with their own DI scope: " + string.Join(", ", owning));
    }

    [Fact]
    public void The_owning_scope_rule_detects_a_page_that_owns_its_scope()
    {
        Assert.True(IsOwningComponent(typeof(PlantedOwningPage)));
    }

    private static bool IsOwningComponent(Type t)
    {
        for (var b = t; b is not null; b = b.BaseType)
            if (b == typeof(OwningComponentBase) || (b.IsGenericType && b.GetGenericTypeDefinition() == typeof(OwningComponentBase<>)))
                return true;
        return false;
    }

    [Route("/planted")]
    private sealed class PlantedOwningPage : OwningComponentBase;

    public static TheoryData<string> TextResources()
    {
        var data = new TheoryData<string>();
        foreach (var a in ModuleAssemblies)
            foreach (var name in a.GetManifestResourceNames().Where(n => n.EndsWith("Text.resources", StringComparison.Ordinal)))
                data.Add(a.GetName().Name + "|" + name[..^".resources".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(TextResources))]
    public void Every_ui_string_has_a_chinese_and_an_english_text(string resource)
    {
        var (assemblyName, baseName) = (resource.Split('|')[0], resource.Split('|')[1]);
        var rm = new ResourceManager(baseName, ModuleAssemblies.Single(a => a.GetName().Name == assemblyName));
        var zh = Entries(rm, CultureInfo.InvariantCulture);
        var en = Entries(rm, CultureInfo.GetCultureInfo("en"));
        Assert.NotEmpty(zh);
        Assert.Equal(zh.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.All(zh, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{kv.Key} has no Chinese text"));
        Assert.All(en, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{kv.Key} has no English text"));
    }

    private static Dictionary<string, string> Entries(ResourceManager rm, CultureInfo culture)
    {
        var set = rm.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
                  ?? throw new InvalidOperationException($"{rm.BaseName} has no {culture.Name} resources");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    /// <summary>
    /// Page sources are every .razor file under src/ and the C# helpers beside them (folders Pages/, UI/, Components/).
    /// Validators, errors and other domain code keep their Chinese/English pairs in C# and are not scanned.
    /// </summary>
    private static IEnumerable<string> PageSources(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) ||
                        (f.EndsWith(".cs", StringComparison.Ordinal) &&
                         f.Split(Path.DirectorySeparatorChar).Any(d => d is "Pages" or "UI" or "Components")));

    [Fact]
    public void Pages_take_their_texts_from_the_resources_instead_of_inline_bilingual_literals()
    {
        var root = RepoRoot();
        var files = PageSources(root).ToList();
        Assert.True(files.Count(f => f.EndsWith(".razor", StringComparison.Ordinal)) >= 40, $"only {files.Count} page sources found under {root}");
        var offenders = files
            .SelectMany(f => InlineBilingualLiterals(File.ReadAllText(f)).Select(line => $"{Path.GetRelativePath(root, f)}:{line}"))
            .ToList();
        Assert.True(offenders.Count == 0,
            "Inline Chinese/English literals in pages (move them to the module's Resources/<Module>Text.resx with scripts/resx.py " +
            "and read them through IStringLocalizer): " + string.Join(", ", offenders));
    }

    [Theory]
    [InlineData("<h1>@Bilingual.T(\"全文检索\", \"Search\")</h1>")]
    [InlineData("<p>@Bilingual.T($\"共 {_result.Total} 条结果\", $\"{_result.Total} results\")</p>")]
    [InlineData("<input placeholder=\"@Bilingual.T(\"如：锂电池 \\\"固态电解质\\\"\", \"e.g. \\\"solid electrolyte\\\"\")\" />")]
    [InlineData("SearchDocumentTypes.Patent => UiText.T(\n        \"专利\",\n        \"Patent\"),")]
    [InlineData("@T(\"揭榜挂帅\", \"Challenge\")")]
    [InlineData("<span>@(Bilingual.CurrentIsEnglish ? \"Search\" : \"检索\")</span>")]
    public void The_inline_literal_rule_flags_a_chinese_english_literal_pair(string source)
    {
        Assert.NotEmpty(InlineBilingualLiterals(source));
    }

    [Theory]
    [InlineData("<option>@Bilingual.T(n.Zh, n.En)</option>")]
    [InlineData("<h1>@L[\"SearchHeading\"].Value</h1>")]
    [InlineData("<p>@L[\"SearchTotal\", _result.Total].Value</p>")]
    [InlineData("public static readonly Error Sort = new(\"search.unknown_sort\", \"排序方式无效\", \"Unknown sort\");")]
    [InlineData("<dd>@string.Join(Bilingual.CurrentIsEnglish ? \", \" : \"、\", names)</dd>")]
    [InlineData("<html lang=\"@(Bilingual.CurrentIsEnglish ? \"en\" : \"zh-CN\")\">")]
    [InlineData("<p>检索 · Search</p>")]
    public void The_inline_literal_rule_passes_resource_lookups_and_pairs_from_the_domain(string source)
    {
        Assert.Empty(InlineBilingualLiterals(source));
    }

    /// <summary>
    /// Lines (1-based) of <paramref name="source"/> that hold an inline bilingual text: a call whose first two arguments
    /// are string literals, the first with a Chinese character (<c>Bilingual.T("检索", "Search")</c> or any zh/en helper),
    /// or a choice between literals by the UI language (<c>CurrentIsEnglish ? "Search" : "检索"</c>). Literals without
    /// Chinese characters (codes, "en"/"zh-CN", punctuation such as "、") are not page texts and pass.
    /// </summary>
    internal static IReadOnlyList<int> InlineBilingualLiterals(string source)
    {
        var lines = new SortedSet<int>();
        foreach (Match m in LiteralPairCall().Matches(source))
            if (HasChinese(m.Groups["zh"].Value)) lines.Add(LineOf(source, m.Index));
        foreach (Match m in LanguageChoice().Matches(source))
            if (HasChinese(m.Groups["a"].Value) || HasChinese(m.Groups["b"].Value)) lines.Add(LineOf(source, m.Index));
        return [.. lines];
    }

    private const string Literal = @"(?:\$@|@\$|\$|@)?""(?:[^""\\\r\n]|\\.)*""";

    [GeneratedRegex(@"\b[A-Za-z_]\w*\s*\(\s*(?<zh>" + Literal + @")\s*,\s*" + Literal)]
    private static partial Regex LiteralPairCall();

    [GeneratedRegex(@"IsEnglish\b(?:\([^)]*\))?\s*\?\s*(?<a>" + Literal + @")\s*:\s*(?<b>" + Literal + ")")]
    private static partial Regex LanguageChoice();

    private static bool HasChinese(string literal) => literal.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechTransfer.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (TechTransfer.slnx) not found above " + AppContext.BaseDirectory);
    }
}

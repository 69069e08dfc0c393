using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.AspNetCore.Components;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ArchitectureTests;

/// <summary>
/// Page conventions of docs/architecture.md: routable pages take their services from the request scope (no per-page
/// scope of their own), and every module's UI strings exist in Chinese and English.
/// </summary>
public sealed class PageConventionTests
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
}

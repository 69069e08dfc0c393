using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Reflection;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ArchitectureTests;

/// <summary>
/// What ships in the web host is the product: command-line commands live in the admin tool (src/TechTransfer.Cli) and
/// evaluation tooling in bench/ (e.g. bench/TechTransfer.Search.Evaluation), never in a module assembly.
/// </summary>
public sealed class ProductAssemblyTests
{
    private static readonly IReadOnlyList<Assembly> ModuleAssemblies = PlatformModules.All.Select(m => m.Assembly).Distinct().ToList();
    private static readonly string[] ToolingAssemblies = ["System.CommandLine", "Spectre.Console", "TechTransfer.Search.Evaluation"];
    private static readonly string[] ToolingNamespaceEnds = [".Cli", ".Evaluation"];

    private static List<string> ToolingIn(Assembly assembly, IReadOnlyCollection<string> forbidden) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(forbidden.Contains)
            .Concat(assembly.GetTypes().Select(t => t.Namespace ?? "").Distinct()
                .Where(ns => ToolingNamespaceEnds.Any(end => ns.EndsWith(end, StringComparison.Ordinal))))
            .ToList();

    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var a in ModuleAssemblies) data.Add(a.GetName().Name!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_carries_no_command_line_or_evaluation_tooling(string module)
    {
        var assembly = ModuleAssemblies.Single(a => a.GetName().Name == module);
        Assert.NotEmpty(assembly.GetReferencedAssemblies());
        var found = ToolingIn(assembly, ToolingAssemblies);
        Assert.True(found.Count == 0, $"{module} ships tooling: {string.Join(", ", found)}");
    }

    [Fact]
    public void The_tooling_rule_catches_a_planted_violation()
    {
        // The Search module references Lucene.Net by design: named as tooling, the same check must report it.
        var search = ModuleAssemblies.Single(a => a.GetName().Name == "TechTransfer.Search");
        Assert.Equal(["Lucene.Net"], ToolingIn(search, ["Lucene.Net"]));
    }
}

using System.Reflection;
using NetArchTest.Rules;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ArchitectureTests;

/// <summary>
/// The boundaries that keep the modular monolith modular. Every rule first asserts its selection is not empty (a rule
/// over zero types passes), and one test plants a violation to prove the rule can fail.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly IReadOnlyList<Assembly> ModuleAssemblies = PlatformModules.All.Select(m => m.Assembly).Distinct().ToList();
    private static readonly string[] ModuleNamespaces = ModuleAssemblies.Select(a => a.GetName().Name!).ToArray();
    private static readonly string[] Frameworks = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "TechTransfer.Data", "TechTransfer.Platform", "System.Net.Http"];

    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var name in ModuleNamespaces) data.Add(name);
        return data;
    }

    [Fact]
    public void Every_module_is_registered_once()
    {
        Assert.NotEmpty(ModuleAssemblies);
        Assert.Equal(PlatformModules.All.Count, PlatformModules.All.Select(m => m.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_uses_no_other_module_except_its_public_api(string module)
    {
        var types = Types.InAssembly(ModuleAssemblies.Single(a => a.GetName().Name == module));
        Assert.NotEmpty(types.GetTypes());
        var others = ModuleNamespaces.Where(n => n != module).SelectMany(n => InternalNamespaces(n)).ToArray();
        if (others.Length == 0) return; // only one module so far
        var result = types.ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.True(result.IsSuccessful, $"{module} depends on another module's internals: {string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName))}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_rules_are_plain_csharp_without_framework(string module)
    {
        var domain = Types.InAssembly(ModuleAssemblies.Single(a => a.GetName().Name == module)).That().ResideInNamespace(module + ".Domain");
        Assert.NotEmpty(domain.GetTypes());
        var result = domain.ShouldNot().HaveDependencyOnAny(Frameworks).GetResult();
        Assert.True(result.IsSuccessful, $"{module}.Domain depends on a framework: {string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName))}");
    }

    [Fact]
    public void The_shared_kernel_has_no_framework_dependency()
    {
        var kernel = Types.InAssembly(typeof(Result<>).Assembly);
        Assert.NotEmpty(kernel.GetTypes());
        var result = kernel.ShouldNot().HaveDependencyOnAny(Frameworks).GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName)));
    }

    [Fact]
    public void The_framework_rule_catches_a_planted_violation()
    {
        // The Platform assembly depends on ASP.NET Core by design: the same rule must fail on it.
        var planted = Types.InAssembly(typeof(IModule).Assembly).ShouldNot().HaveDependencyOnAny(Frameworks[..1]).GetResult();
        Assert.False(planted.IsSuccessful);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_error_a_module_declares_has_a_code_and_both_languages(string module)
    {
        var errors = ModuleAssemblies.Single(a => a.GetName().Name == module).GetTypes()
            .Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Error)))
            .Select(f => (f.Name, Error: (Error)f.GetValue(null)!))
            .ToList();
        Assert.NotEmpty(errors);
        foreach (var (name, e) in errors)
        {
            Assert.Matches(@"^[a-z_]+\.[a-z0-9_]+(\.[a-z0-9_]+)*$", e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.Zh), $"{name} has no Chinese message");
            Assert.False(string.IsNullOrWhiteSpace(e.En), $"{name} has no English message");
            Assert.InRange(e.Status, 400, 499);
        }
    }

    private static IEnumerable<string> InternalNamespaces(string module) =>
        [module + ".Domain", module + ".Features", module + ".Data", module + ".Endpoints", module + ".Pages"];
}

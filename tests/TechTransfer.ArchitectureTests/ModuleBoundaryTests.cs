using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Reflection;
using NetArchTest.Rules;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ArchitectureTests;

/// <summary>
/// The boundaries that keep the modular monolith modular. Every rule first asserts its selection is not empty (a rule
/// over zero types passes), and a planted violation proves each rule can fail. What domain code may use, and the error
/// catalogue checks, are in Conventions/ConventionRuleTests.
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

    [Fact]
    public void The_boundary_rule_catches_a_planted_use_of_another_modules_domain()
    {
        var planted = Types.InAssembly(typeof(TechTransfer.Planted.PlantedErrors).Assembly)
            .ShouldNot().HaveDependencyOnAny(InternalNamespaces("TechTransfer.Achievements").ToArray()).GetResult();
        Assert.False(planted.IsSuccessful);
        Assert.Contains(planted.FailingTypes, t => t.Name == "PlantedFrameworkEntity");
    }

    private static IEnumerable<string> InternalNamespaces(string module) =>
        [module + ".Domain", module + ".Features", module + ".Data", module + ".Endpoints", module + ".Pages"];
}

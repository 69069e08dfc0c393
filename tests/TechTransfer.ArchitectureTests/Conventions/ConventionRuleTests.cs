using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Reflection;
using TechTransfer.Planted;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ArchitectureTests.Conventions;

/// <summary>
/// The Conventions section of docs/architecture.md, checked on the compiled product. Each rule runs twice: on every
/// product assembly, where it must find nothing, and on TechTransfer.ArchitectureTests.Planted, where it must find the
/// violation planted for it — so no rule passes because it looks at nothing.
/// </summary>
public sealed class ConventionRuleTests
{
    private static readonly Assembly Planted = typeof(PlantedErrors).Assembly;

    internal static IReadOnlyList<Assembly> Product { get; } =
    [
        typeof(Error).Assembly, typeof(TechTransfer.Data.TechTransferDbContext).Assembly, typeof(IModule).Assembly,
        .. PlatformModules.All.Select(m => m.Assembly).Distinct(), typeof(TechTransferCore).Assembly, typeof(TechTransferComposition).Assembly,
        Assembly.Load(new AssemblyName("tt")),
    ];

    public static TheoryData<string> ProductAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var a in Product) data.Add(a.GetName().Name!);
        return data;
    }

    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var a in PlatformModules.All.Select(m => m.Assembly).Distinct()) data.Add(a.GetName().Name!);
        return data;
    }

    private static Assembly ByName(string name) => Product.Single(a => a.GetName().Name == name);

    private static void None(IReadOnlyList<string> violations, string advice) =>
        Assert.True(violations.Count == 0, advice + Environment.NewLine + string.Join(Environment.NewLine, violations));

    private static void Caught(IReadOnlyList<string> violations, string plantedType) =>
        Assert.Contains(violations, v => v.Contains(plantedType, StringComparison.Ordinal));

    /// <summary>The names of the product assemblies <paramref name="assembly"/> references directly.</summary>
    internal static IReadOnlyList<string> ReferencedTechTransferAssemblies(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("TechTransfer.", StringComparison.Ordinal)).ToList();

    [Fact]
    public void The_admin_tool_and_the_web_host_share_the_composition_library_and_the_tool_does_not_reference_the_host()
    {
        var tool = Assembly.Load(new AssemblyName("tt"));
        Assert.Contains("TechTransfer.Composition", ReferencedTechTransferAssemblies(tool));
        Assert.DoesNotContain("TechTransfer.Web", ReferencedTechTransferAssemblies(tool));
        Assert.Contains("TechTransfer.Composition", ReferencedTechTransferAssemblies(typeof(TechTransferComposition).Assembly));
    }

    [Fact]
    public void The_host_reference_check_catches_an_assembly_that_references_the_host() =>
        // this test assembly references the web host on purpose (it reads PlatformModules and the composition from it)
        Assert.Contains("TechTransfer.Web", ReferencedTechTransferAssemblies(typeof(ConventionRuleTests).Assembly));

    [Fact]
    public void The_product_list_covers_the_host_the_tool_and_every_module()
    {
        Assert.True(Product.Count >= 10, $"only {Product.Count} product assemblies");
        Assert.All(Product, a => Assert.NotEmpty(Il.AllTypes(a)));
    }

    // ---- Business clock ----

    [Theory, MemberData(nameof(ProductAssemblies))]
    public void Code_reads_time_from_the_injected_TimeProvider_only(string assembly) =>
        None(ConventionRules.WallClockReads(ByName(assembly)), "Take TimeProvider from DI (tests use FakeTimeProvider):");

    [Fact]
    public void The_wall_clock_rule_catches_a_planted_read_of_UtcNow() =>
        Caught(ConventionRules.WallClockReads(Planted), "PlantedWallClock");

    [Theory, MemberData(nameof(ProductAssemblies))]
    public void Only_the_business_clock_turns_an_instant_into_a_date(string assembly) =>
        None(ConventionRules.DatesOutsideTheBusinessClock(ByName(assembly)),
            "Use BusinessTime.DateOf(now) / clock.Today() / BusinessTime.ToLocal (docs/architecture.md, Conventions → Business clock):");

    [Fact]
    public void The_business_clock_rule_catches_a_planted_UTC_date() =>
        Caught(ConventionRules.DatesOutsideTheBusinessClock(Planted), "PlantedUtcDate");

    // ---- Lost updates and provider ----

    [Theory, MemberData(nameof(ProductAssemblies))]
    public void Concurrency_clashes_are_mapped_once_by_SaveOrConflictAsync(string assembly) =>
        None(ConventionRules.ConcurrencyCatches(ByName(assembly)), "Save with db.SaveOrConflictAsync(ct) instead of catching DbUpdateConcurrencyException:");

    [Fact]
    public void The_concurrency_rule_catches_a_planted_catch() =>
        Caught(ConventionRules.ConcurrencyCatches(Planted), "PlantedConcurrencyCatch");

    [Theory, MemberData(nameof(ProductAssemblies))]
    public void Provider_specific_code_reads_the_provider_from_the_context(string assembly) =>
        None(ConventionRules.ProviderNameSniffing(ByName(assembly)), "Branch on db.Provider (DatabaseProvider.Sqlite / Postgres):");

    [Fact]
    public void The_provider_rule_catches_planted_provider_name_sniffing() =>
        Caught(ConventionRules.ProviderNameSniffing(Planted), "PlantedProviderSniffing");

    // ---- Caller ----

    [Theory, MemberData(nameof(ProductAssemblies))]
    public void Callers_are_ICurrentUser_and_no_module_defines_its_own(string assembly) =>
        None(ConventionRules.OwnCallerTypes(ByName(assembly)), "Use ICurrentUser (and the Caller value in tests and jobs):");

    [Fact]
    public void The_caller_rule_catches_a_planted_actor_type() =>
        Caught(ConventionRules.OwnCallerTypes(Planted), "PlantedActor");

    // ---- Errors ----

    [Theory, MemberData(nameof(ProductAssemblies))]
    public void Errors_are_defined_in_error_catalogues(string assembly) =>
        None(ConventionRules.ErrorsDefinedOutsideCatalogues(ByName(assembly)),
            "Define the error in the module's <Aggregate>Errors class (docs/architecture.md, Conventions → Errors):");

    [Fact]
    public void The_catalogue_rule_catches_a_planted_inline_error() =>
        Caught(ConventionRules.ErrorsDefinedOutsideCatalogues(Planted), "PlantedInlineError");

    [Theory, MemberData(nameof(ProductAssemblies))]
    public void Every_catalogued_error_has_a_code_both_languages_and_no_rule_id_in_its_text(string assembly) =>
        None(ConventionRules.ErrorMessageProblems(ByName(assembly)), "Fix these error definitions:");

    [Fact]
    public void The_catalogues_hold_the_platforms_errors()
    {
        var sizes = Product.ToDictionary(a => a.GetName().Name!, ConventionRules.CatalogueSize);
        Assert.True(sizes.Values.Sum() >= 300, "errors evaluated: " + string.Join(", ", sizes.Select(kv => $"{kv.Key} {kv.Value}")));
        foreach (var module in PlatformModules.All.Select(m => m.Assembly.GetName().Name!).Distinct())
            Assert.True(sizes[module] > 0, $"{module} has no error catalogue");
    }

    [Fact]
    public void The_message_rule_catches_each_planted_bad_error()
    {
        var problems = ConventionRules.ErrorMessageProblems(Planted);
        Caught(problems, "RuleInMessage");
        Caught(problems, "NoEnglish");
        Caught(problems, "ChineseInEnglish");
        Caught(problems, "BadCode");
        Caught(problems, "SectionInMessage");
        Caught(problems, "FieldWithoutChinese");
        // the two allowances (the host's 500, Identity's PascalCase codes) name one host type each, not a name anywhere
        Caught(problems, "TechTransfer.Planted.IdentityErrors.PascalCode");
        Caught(problems, "TechTransfer.Planted.WebErrors.ServerError");
    }

    // ---- Domain ----

    [Theory, MemberData(nameof(Modules))]
    public void Domain_code_uses_only_the_base_library_the_shared_kernel_and_its_own_domain(string module)
    {
        var assembly = ByName(module);
        Assert.Contains(Il.AllTypes(assembly), t => t.Namespace.StartsWith(module + ".Domain", StringComparison.Ordinal));
        None(ConventionRules.DomainDependenciesOutsideTheAllowList(assembly, module),
            "Domain code is plain C#: allowed are " + string.Join(", ", ConventionRules.DomainAllowedNamespaces.Where(n => n.Length > 0)) + ", the shared kernel and the module's own domain.");
    }

    [Fact]
    public void The_domain_allow_list_catches_a_planted_framework_and_module_dependency()
    {
        var violations = ConventionRules.DomainDependenciesOutsideTheAllowList(Planted, "TechTransfer.Planted");
        Caught(violations, "Microsoft.EntityFrameworkCore");
        Caught(violations, "TechTransfer.Achievements.Domain");
    }
}

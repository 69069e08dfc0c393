using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Reflection;
using System.Text.RegularExpressions;
using TechTransfer.SharedKernel;

namespace TechTransfer.ArchitectureTests.Conventions;

/// <summary>
/// The conventions of docs/architecture.md ("Conventions") as functions from an assembly to its violations, so each
/// rule runs on the product (expecting none) and on the planted assembly (expecting its planted violation).
/// </summary>
internal static partial class ConventionRules
{
    /// <summary>Time comes from the injected TimeProvider: no wall-clock reads.</summary>
    public static IReadOnlyList<string> WallClockReads(Assembly assembly) =>
        Il.Calls(assembly)
            .Where(c => c.Target.DeclaringType.FullName is "System.DateTime" or "System.DateTimeOffset"
                        && c.Target.Name is "get_Now" or "get_UtcNow" or "get_Today")
            .Select(c => $"{Il.Name(c.Owner)}.{c.Method.Name} reads {c.Target.DeclaringType.Name}.{c.Target.Name[4..]}")
            .Distinct().ToList();

    /// <summary>
    /// Only BusinessTime turns an instant into a date or a local time. Spreadsheet importers may turn a cell's
    /// DateTime (which is already a date, not an instant) into a DateOnly.
    /// </summary>
    public static IReadOnlyList<string> DatesOutsideTheBusinessClock(Assembly assembly) =>
        Il.Calls(assembly)
            .Where(c => IsInstantToDate(c.Target) && c.Owner.FullName != typeof(BusinessTime).FullName
                        && !(c.Target.Name == "FromDateTime" && IsSpreadsheetImport(c.Owner.Name)))
            .Select(c => $"{Il.Name(c.Owner)}.{c.Method.Name} calls {c.Target.DeclaringType.Name}.{c.Target.Name}")
            .Distinct().ToList();

    private static bool IsInstantToDate(Mono.Cecil.MethodReference m) =>
        (m.DeclaringType.FullName, m.Name) switch
        {
            ("System.DateOnly", "FromDateTime") => true,
            ("System.TimeZoneInfo", var n) when n.StartsWith("ConvertTime", StringComparison.Ordinal) => true,
            ("System.DateTimeOffset", "ToOffset" or "ToLocalTime" or "get_LocalDateTime" or "get_Date") => true,
            ("System.DateTime", "ToLocalTime") => true,
            _ => false,
        };

    private static bool IsSpreadsheetImport(string typeName) =>
        typeName.EndsWith("Import", StringComparison.Ordinal) || typeName.EndsWith("Importer", StringComparison.Ordinal);

    /// <summary>Lost updates are mapped once, by TechTransferDbContext.SaveOrConflictAsync.</summary>
    public static IReadOnlyList<string> ConcurrencyCatches(Assembly assembly) =>
        Il.Catches(assembly)
            .Where(c => c.CatchType.FullName == "Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"
                        && c.Owner.FullName != "TechTransfer.Data.TechTransferDbContext")
            .Select(c => $"{Il.Name(c.Owner)}.{c.Method.Name} catches DbUpdateConcurrencyException")
            .Distinct().ToList();

    /// <summary>Provider-specific code branches on db.Provider, never on EF's provider name string.</summary>
    public static IReadOnlyList<string> ProviderNameSniffing(Assembly assembly) =>
        Il.Calls(assembly)
            .Where(c => c.Target.DeclaringType.FullName == "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade"
                        && c.Target.Name == "get_ProviderName")
            .Select(c => $"{Il.Name(c.Owner)}.{c.Method.Name} reads Database.ProviderName")
            .Distinct().ToList();

    /// <summary>
    /// Errors are defined in catalogues (static classes named *Errors), so the message check below sees every one:
    /// no Error or FieldError is constructed elsewhere, and no bilingual text is handed to the inline factories.
    /// The shared kernel's own factories are the exception.
    /// </summary>
    public static IReadOnlyList<string> ErrorsDefinedOutsideCatalogues(Assembly assembly) =>
        Il.Calls(assembly)
            .Where(c => DefinesAnError(c.Target) && !c.Owner.Name.EndsWith("Errors", StringComparison.Ordinal)
                        && c.Owner.Namespace != typeof(Error).Namespace)
            .Select(c => $"{Il.Name(c.Owner)}.{c.Method.Name} defines an error inline ({c.Target.DeclaringType.Name}.{c.Target.Name})")
            .Distinct().ToList();

    private static bool DefinesAnError(Mono.Cecil.MethodReference m)
    {
        var type = m.DeclaringType.FullName;
        if (m.Name == ".ctor") return type == typeof(Error).FullName || type == typeof(FieldError).FullName;
        // Factories taking the texts themselves: Error.Validation(field, code, zh, en), FieldErrors.Add(field, code, zh, en, rule).
        return m.Parameters.Count(p => p.ParameterType.FullName == "System.String") >= 4
               && ((type == typeof(Error).FullName && m.Name == nameof(Error.Validation))
                   || (type == typeof(FieldErrors).FullName && m.Name == nameof(FieldErrors.Add)));
    }

    /// <summary>Who acts is ICurrentUser / Caller: no module defines its own actor, viewer or caller type.</summary>
    public static IReadOnlyList<string> OwnCallerTypes(Assembly assembly) =>
        Il.AllTypes(assembly)
            .Where(t => !t.Name.StartsWith('<') && Regex.IsMatch(t.Name, "(Actor|Viewer|Caller)$")
                        && t.FullName != typeof(Caller).FullName)
            .Select(t => $"{Il.Name(t)} is a caller model of its own")
            .ToList();

    /// <summary>What domain code may use: the base library's plain parts, the shared kernel and its own module's domain.</summary>
    public static readonly string[] DomainAllowedNamespaces =
    [
        "System", "System.Collections", "System.Collections.Generic", "System.Collections.ObjectModel", "System.Collections.Immutable",
        "System.Collections.Concurrent", "System.Linq", "System.Text", "System.Text.RegularExpressions", "System.Globalization",
        "System.Numerics", "System.Buffers", "System.Security.Cryptography", "System.Runtime.CompilerServices",
        "System.Diagnostics", "System.Diagnostics.CodeAnalysis", "System.IO", "System.Runtime.InteropServices",
        // What the compiler generates: [GeneratedCode], source-generated regular expressions, embedded attributes.
        "System.CodeDom.Compiler", "System.Text.RegularExpressions.Generated", "Microsoft.CodeAnalysis", "",
    ];

    /// <summary>Domain types (namespace <c>{module}.Domain…</c>) that reference anything outside the allow-list.</summary>
    public static IReadOnlyList<string> DomainDependenciesOutsideTheAllowList(Assembly assembly, string module)
    {
        var domain = module + ".Domain";
        var kernel = typeof(Error).Namespace!;
        return Il.AllTypes(assembly)
            .Where(t => Il.Owner(t).Namespace == domain || Il.Owner(t).Namespace.StartsWith(domain + ".", StringComparison.Ordinal))
            .SelectMany(t => Il.ReferencedTypes(t).SelectMany(Il.Namespaces).Distinct()
                .Where(ns => !DomainAllowedNamespaces.Contains(ns) && ns != kernel && !ns.StartsWith(kernel + ".", StringComparison.Ordinal)
                             && ns != domain && !ns.StartsWith(domain + ".", StringComparison.Ordinal))
                .Select(ns => $"{Il.Name(t)} uses {ns}"))
            .Distinct().ToList();
    }

    /// <summary>
    /// Every error of every catalogue (static class named *Errors): evaluated — fields, properties and factory methods
    /// called with sample arguments — and checked: a code of the form aggregate.reason, a Chinese and an English
    /// message (English without Chinese characters), no internal rule id (R3.16, §2.1) in either message, a 4xx status.
    /// </summary>
    public static IReadOnlyList<string> ErrorMessageProblems(Assembly assembly)
    {
        var problems = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal) && t is { IsAbstract: true, IsSealed: true }))
        {
            foreach (var (member, value) in Evaluate(type))
            {
                var where = $"{type.FullName}.{member}";
                switch (value)
                {
                    case Error e:
                        Check(type, where, e.Code, e.Zh, e.En, problems);
                        if (e.Status is < 400 or > 499 && !(where == ServerErrorMember && e.Status == 500))
                            problems.Add($"{where}: status {e.Status} is not 4xx");
                        foreach (var f in e.FieldErrors) Check(type, where + "/" + f.Field, f.Code, f.Zh, f.En, problems);
                        break;
                    case FieldError f:
                        Check(type, where, f.Code, f.Zh, f.En, problems);
                        break;
                    case string failure:
                        problems.Add($"{where}: {failure}");
                        break;
                }
            }
        }
        return problems;
    }

    /// <summary>How many errors <see cref="ErrorMessageProblems"/> evaluates in an assembly (a rule over nothing proves nothing).</summary>
    public static int CatalogueSize(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal) && t is { IsAbstract: true, IsSealed: true })
            .Sum(t => Evaluate(t).Count());

    /// <summary>
    /// Allowance (status): the host's answer to a programming error, an unhandled exception, is a logged 500 — the one
    /// catalogued error no user causes. Only this member, and only with 500.
    /// </summary>
    private const string ServerErrorMember = "TechTransfer.Web.Infrastructure.WebErrors.ServerError";

    /// <summary>
    /// Allowance (code shape): ASP.NET Core Identity's failures keep Identity's own PascalCase error code after
    /// <c>identity.</c> (<c>identity.PasswordTooShort</c>), as clients match on them. Only in this catalogue.
    /// </summary>
    private const string IdentityCatalogue = "TechTransfer.Composition.Accounts.IdentityErrors";

    private static void Check(Type catalogue, string where, string code, string zh, string en, List<string> problems)
    {
        var shaped = CodeShape().IsMatch(code) || (catalogue.FullName == IdentityCatalogue && IdentityCodeShape().IsMatch(code));
        if (!shaped) problems.Add($"{where}: code '{code}' is not aggregate.snake_reason");
        if (string.IsNullOrWhiteSpace(zh) || !zh.Any(IsChinese)) problems.Add($"{where}: no Chinese message ('{zh}')");
        if (string.IsNullOrWhiteSpace(en)) problems.Add($"{where}: no English message");
        else if (en.Any(IsChinese)) problems.Add($"{where}: Chinese characters in the English message ('{en}')");
        if (RuleId().IsMatch(zh) || RuleId().IsMatch(en)) problems.Add($"{where}: an internal rule id in the message ('{zh}' / '{en}'); put it in Rule");
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static IEnumerable<(string Member, object? Value)> Evaluate(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var f in type.GetFields(flags).Where(f => IsErrorType(f.FieldType)))
            yield return (f.Name, f.GetValue(null));
        foreach (var p in type.GetProperties(flags).Where(p => IsErrorType(p.PropertyType) && p.GetIndexParameters().Length == 0))
            yield return (p.Name, Invoke(() => p.GetValue(null)));
        foreach (var m in type.GetMethods(flags).Where(m => IsErrorType(m.ReturnType) && !m.IsSpecialName && !m.IsGenericMethodDefinition && !IsHelper(m)))
        {
            var unsupported = m.GetParameters().FirstOrDefault(p => !CanSample(p.ParameterType));
            if (unsupported is not null)
            {
                yield return (m.Name, $"cannot build a sample {unsupported.ParameterType.Name} argument; take plain values");
                continue;
            }
            var args = m.GetParameters().Select(p => Sample(p.ParameterType)).ToArray();
            yield return (m.Name + "(…)", Invoke(() => m.Invoke(null, args)));
        }
    }

    /// <summary>Private helpers that take the texts themselves (E(code, zh, en), F(field, code, zh, en)) are how catalogues build errors, not errors.</summary>
    private static bool IsHelper(MethodInfo m) => !m.IsPublic && m.GetParameters().Count(p => p.ParameterType == typeof(string)) >= 3;

    private static bool IsErrorType(Type t) => t == typeof(Error) || t == typeof(FieldError);

    private static object? Invoke(Func<object?> get)
    {
        try { return get(); }
        catch (TargetInvocationException e) { return "throws with sample arguments: " + e.InnerException?.Message; }
    }

    private static bool CanSample(Type t)
    {
        try { Sample(t); return true; }
        catch (NotSupportedException) { return false; }
    }

    private static object? Sample(Type t)
    {
        if (t == typeof(string)) return "x";
        if (Nullable.GetUnderlyingType(t) is not null) return null;
        if (t.IsEnum) return Enum.GetValues(t).GetValue(0);
        if (t == typeof(int) || t == typeof(long) || t == typeof(short)) return Convert.ChangeType(1, t);
        if (t == typeof(decimal)) return 1m;
        if (t == typeof(double)) return 1d;
        if (t == typeof(bool)) return false;
        if (t == typeof(Guid)) return Guid.Parse("00000000-0000-0000-0000-000000000001");
        if (t == typeof(DateOnly)) return new DateOnly(2026, 1, 1);
        if (t == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        if (t == typeof(TimeSpan)) return TimeSpan.FromDays(1);
        if (t.IsArray) return Array.CreateInstance(t.GetElementType()!, 0);
        if (t.IsGenericType && t.GetGenericArguments() is [var element]
            && t.IsAssignableFrom(element.MakeArrayType())) return Array.CreateInstance(element, 0);
        if (t.IsValueType) return Activator.CreateInstance(t);
        throw new NotSupportedException(t.Name);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"^identity\.[A-Z][A-Za-z]*$")]
    private static partial Regex IdentityCodeShape();

    [GeneratedRegex(@"(?<![A-Za-z0-9])R\d+\.\d+|§")]
    private static partial Regex RuleId();
}

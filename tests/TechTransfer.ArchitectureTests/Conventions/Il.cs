using System.Collections.Concurrent;
using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TechTransfer.ArchitectureTests.Conventions;

/// <summary>
/// Reads compiled assemblies (Mono.Cecil) so convention rules can look at what code actually calls, constructs and
/// catches — including Razor pages, lambdas and async methods, which compile into nested types of their owner.
/// </summary>
internal static class Il
{
    private static readonly ConcurrentDictionary<string, ModuleDefinition> Modules = new();

    public static ModuleDefinition Read(Assembly assembly) => Modules.GetOrAdd(assembly.Location, path =>
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(path)!);
        return ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = resolver });
    });

    /// <summary>Every type of the assembly, nested ones included.</summary>
    public static IEnumerable<TypeDefinition> AllTypes(Assembly assembly)
    {
        foreach (var type in Read(assembly).Types)
            foreach (var t in WithNested(type))
                yield return t;
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type)
    {
        yield return type;
        foreach (var nested in type.NestedTypes)
            foreach (var t in WithNested(nested))
                yield return t;
    }

    /// <summary>The type a piece of code belongs to for people: the outermost declaring type (closures, async state machines and local functions are nested in it).</summary>
    public static TypeDefinition Owner(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    public static IEnumerable<(TypeDefinition Owner, MethodDefinition Method, Instruction Instruction)> Instructions(Assembly assembly)
    {
        foreach (var type in AllTypes(assembly))
            foreach (var method in type.Methods.Where(m => m.HasBody))
                foreach (var instruction in method.Body.Instructions)
                    yield return (Owner(type), method, instruction);
    }

    /// <summary>Calls and constructions of <c>DeclaringType::Name</c> (the member as written in IL).</summary>
    public static IEnumerable<(TypeDefinition Owner, MethodDefinition Method, MethodReference Target)> Calls(Assembly assembly) =>
        Instructions(assembly)
            .Where(x => x.Instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn)
            .Select(x => (x.Owner, x.Method, Target: (MethodReference)x.Instruction.Operand));

    public static IEnumerable<(TypeDefinition Owner, MethodDefinition Method, TypeReference CatchType)> Catches(Assembly assembly)
    {
        foreach (var type in AllTypes(assembly))
            foreach (var method in type.Methods.Where(m => m.HasBody && m.Body.HasExceptionHandlers))
                foreach (var handler in method.Body.ExceptionHandlers.Where(h => h.CatchType is not null))
                    yield return (Owner(type), method, handler.CatchType);
    }

    /// <summary>Every type a type refers to: base type, interfaces, fields, signatures, attributes and the operands of its method bodies.</summary>
    public static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
            foreach (var a in f.CustomAttributes) yield return a.AttributeType;
        }
        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
            foreach (var a in p.CustomAttributes) yield return a.AttributeType;
        }
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            foreach (var a in m.CustomAttributes) yield return a.AttributeType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var i in m.Body.Instructions)
            {
                switch (i.Operand)
                {
                    case TypeReference t: yield return t; break;
                    case MethodReference mr:
                        yield return mr.DeclaringType;
                        yield return mr.ReturnType;
                        foreach (var p in mr.Parameters) yield return p.ParameterType;
                        if (mr is GenericInstanceMethod g) foreach (var ga in g.GenericArguments) yield return ga;
                        break;
                    case FieldReference fr:
                        yield return fr.DeclaringType;
                        yield return fr.FieldType;
                        break;
                }
            }
        }
    }

    /// <summary>The namespaces a type reference stands for, generic arguments and element types included.</summary>
    public static IEnumerable<string> Namespaces(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType g:
                foreach (var n in Namespaces(g.ElementType)) yield return n;
                foreach (var a in g.GenericArguments)
                    foreach (var n in Namespaces(a)) yield return n;
                yield break;
            case TypeSpecification spec:
                foreach (var n in Namespaces(spec.ElementType)) yield return n;
                yield break;
            case GenericParameter:
                yield break;
        }
        var outer = type;
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        yield return outer.Namespace;
    }

    public static string Name(TypeDefinition type) => type.FullName.Replace('/', '+');
}

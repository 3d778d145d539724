using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace GoSync.Tests.StepLogging;

/// <summary>
/// What an assembly defines, read with System.Reflection.Metadata: each method's name (type, method, signature) and the
/// bytes of its IL body, the names of every type and member, and the assemblies it references.
/// </summary>
internal sealed class AssemblyIl
{
    private AssemblyIl(Dictionary<string, byte[]> bodies, List<string> names, List<string> references) =>
        (Bodies, Names, References) = (bodies, names, references);

    /// <summary>Method (<c>Type::Method(signature bytes)</c>) → its IL bytes (empty for abstract and extern methods).</summary>
    public IReadOnlyDictionary<string, byte[]> Bodies { get; }

    /// <summary>The names of every type, method, field and property.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The names of the referenced assemblies.</summary>
    public IReadOnlyList<string> References { get; }

    public static AssemblyIl Read(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var bodies = new Dictionary<string, byte[]>();
        var names = new List<string>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            var typeName = $"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}";
            names.Add(typeName);
            foreach (var interfaceHandle in type.GetInterfaceImplementations())
            {
                var implemented = md.GetInterfaceImplementation(interfaceHandle).Interface;
                names.Add(implemented.Kind == HandleKind.TypeReference ? md.GetString(md.GetTypeReference((TypeReferenceHandle)implemented).Name) : implemented.Kind.ToString());
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                var name = md.GetString(method.Name);
                names.Add(name);
                var key = $"{typeName}::{name}({Convert.ToHexString(md.GetBlobBytes(method.Signature))})";
                bodies[key] = method.RelativeVirtualAddress == 0 ? [] : pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? [];
            }

            names.AddRange(type.GetFields().Select(f => md.GetString(md.GetFieldDefinition(f).Name)));
            names.AddRange(type.GetProperties().Select(p => md.GetString(md.GetPropertyDefinition(p).Name)));
        }

        var references = md.AssemblyReferences.Select(r => md.GetString(md.GetAssemblyReference(r).Name)).ToList();
        return new AssemblyIl(bodies, names, references);
    }
}

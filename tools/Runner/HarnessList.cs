using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace GoSync.Runner;

/// <summary>
/// The Coyote harnesses of a test assembly, read from its metadata (the methods marked
/// <c>Microsoft.Coyote.SystematicTesting.TestAttribute</c>) without loading it.
/// </summary>
internal static class HarnessList
{
    public static IReadOnlyList<string> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in md.MethodDefinitions)
        {
            var method = md.GetMethodDefinition(handle);
            if (method.GetCustomAttributes().Any(a => IsCoyoteTest(md, md.GetCustomAttribute(a))))
            {
                names.Add(md.GetString(method.Name));
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static bool IsCoyoteTest(MetadataReader md, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var type = md.GetTypeReference((TypeReferenceHandle)parent);
        return md.GetString(type.Name) == "TestAttribute"
            && md.GetString(type.Namespace) == "Microsoft.Coyote.SystematicTesting";
    }
}

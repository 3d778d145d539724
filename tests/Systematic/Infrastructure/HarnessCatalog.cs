using System.Reflection;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Infrastructure;

/// <summary>Every Coyote harness in this assembly: each public static method marked <see cref="TestAttribute"/>.</summary>
public static class HarnessCatalog
{
    /// <summary>The harness methods by name; a name is also the <c>-m</c> argument of <c>dotnet coyote test</c>.</summary>
    public static IReadOnlyDictionary<string, MethodInfo> Harnesses { get; } = typeof(HarnessCatalog).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Where(m => m.GetCustomAttribute<TestAttribute>() is not null)
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .ToDictionary(m => m.Name, StringComparer.Ordinal);
}

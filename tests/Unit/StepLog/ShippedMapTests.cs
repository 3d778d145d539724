using System.Text.RegularExpressions;
using GoSync.Runner;
using Xunit.Abstractions;

namespace GoSync.Tests.StepLogging;

/// <summary>
/// The shipped GoSync.Map (src/Map, Release, net8.0 and net10.0) carries nothing of the step log: no type, member or
/// reference, and every method's IL is byte for byte that of the same sources with the step log's hook calls deleted.
/// Builds src/Map twice in a scratch folder (a minute or so).
/// </summary>
public sealed partial class ShippedMapTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Frameworks = ["net8.0", "net10.0"];

    private readonly string _scratch = Directory.CreateTempSubdirectory("gosync-shipped-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Release_build_has_no_step_log_member_and_the_IL_of_the_sources_without_the_hook_calls()
    {
        var root = Repository.Locate().Root;
        var shipped = Build(root, "shipped", strip: false);
        var uninstrumented = Build(root, "uninstrumented", strip: true);

        foreach (var framework in Frameworks)
        {
            var with = AssemblyIl.Read(Path.Combine(shipped, framework, "GoSync.Map.dll"));
            var without = AssemblyIl.Read(Path.Combine(uninstrumented, framework, "GoSync.Map.dll"));

            with.Names.Should().NotContain(n => n.StartsWith("Step", StringComparison.Ordinal) || n.Contains("StepLog", StringComparison.Ordinal),
                $"the {framework} build has no step-log type, method, field, property or interface");
            with.References.Should().NotContain("GoSync.StepLog", $"the {framework} build references no step log");
            with.Bodies.Keys.Should().BeEquivalentTo(without.Bodies.Keys, $"the {framework} build has the same methods as the sources without hooks");
            foreach (var (method, il) in with.Bodies)
            {
                il.Should().Equal(without.Bodies[method], $"{method} ({framework}) compiles to the same IL with and without the hook calls");
            }

            output.WriteLine($"{framework}: {with.Bodies.Count} methods, {with.Bodies.Values.Sum(b => b.Length)} bytes of IL, identical");
        }
    }

    /// <summary>
    /// Copies src/Map (and what its build imports) to the scratch folder and builds it in Release for both frameworks;
    /// with <paramref name="strip"/>, first deletes every call of a step-log hook (a statement <c>Step...(...);</c>) and
    /// the files that declare and implement the hooks. Returns the folder holding one subfolder per framework.
    /// </summary>
    private string Build(string root, string name, bool strip)
    {
        var source = Path.Combine(_scratch, name);
        File.Copy(Path.Combine(root, "Directory.Build.props"), Path.Combine(Directory.CreateDirectory(source).FullName, "Directory.Build.props"));
        File.Copy(Path.Combine(root, "Directory.Packages.props"), Path.Combine(source, "Directory.Packages.props"));
        Copy(Path.Combine(root, "build"), Path.Combine(source, "build"));
        var map = Path.Combine(source, "src", "Map");
        Copy(Path.Combine(root, "src", "Map"), map);
        if (strip)
        {
            File.Delete(Path.Combine(map, "Entry.Steps.cs"));
            File.Delete(Path.Combine(map, "SyncMap.Steps.cs"));
            Directory.Delete(Path.Combine(map, "StepLog"), recursive: true);
            var calls = 0;
            foreach (var file in Directory.GetFiles(map, "*.cs"))
            {
                var lines = File.ReadAllLines(file);
                var kept = lines.Where(l => !HookCall().IsMatch(l)).ToArray();
                calls += lines.Length - kept.Length;
                File.WriteAllLines(file, kept);
            }

            calls.Should().BeGreaterThan(30, "the sources call the hooks at every atomic step");
        }

        var result = Shell.Run("dotnet", ["build", Path.Combine(map, "GoSync.Map.csproj"), "-c", "Release", "--nologo", "-v", "q"], source);
        result.ExitCode.Should().Be(0, result.Output);
        return Path.Combine(map, "bin", "Release");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^\s*Step\w*\(.*\);(\s*//.*)?$")]
    private static partial Regex HookCall();
}

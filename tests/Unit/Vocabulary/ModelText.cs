using System.Text.RegularExpressions;

namespace GoSync.Tests.Vocabulary;

/// <summary>One TLC configuration, read as text: its header lines, its Bug constant, and what it checks.</summary>
internal sealed record ModelConfiguration(string FileName, string Module, string Expect, string? Bug, IReadOnlyList<string> Checks)
{
    /// <summary>The property a seeded-bug configuration expects a counterexample of, else null.</summary>
    public string? Counterexample => Expect.StartsWith("counterexample ", StringComparison.Ordinal) ? Expect["counterexample ".Length..] : null;
}

/// <summary>
/// The TLA+ model as text (no TLA+ tools needed): the operators its modules define, its <c>Bugs</c> set, and its
/// configurations. Parsing text is enough because the names are all this reads.
/// </summary>
/// <param name="Operators">Every operator defined at the start of a line of a module (<c>Name ==</c> or <c>Name(args) ==</c>).</param>
/// <param name="Bugs">The seeded bugs <c>ASSUME Bug \in Bugs \cup {"None"}</c> admits.</param>
/// <param name="Configurations">Every <c>tla/MC*.cfg</c>.</param>
internal sealed partial record ModelText(IReadOnlySet<string> Operators, IReadOnlySet<string> Bugs, IReadOnlyList<ModelConfiguration> Configurations)
{
    public static ModelText Read(string tlaDirectory)
    {
        var operators = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in Directory.GetFiles(tlaDirectory, "*.tla"))
        {
            operators.UnionWith(Definition().Matches(File.ReadAllText(module)).Select(m => m.Groups[1].Value));
        }

        var syncMap = File.ReadAllText(Path.Combine(tlaDirectory, "SyncMap.tla"));
        var set = BugsSet().Match(syncMap);
        if (!set.Success || !syncMap.Contains("ASSUME Bug \\in Bugs", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("tla/SyncMap.tla defines no 'Bugs == {...}' with 'ASSUME Bug \\in Bugs ...'.");
        }

        var bugs = Quoted().Matches(set.Groups[1].Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var configurations = Directory.GetFiles(tlaDirectory, "MC*.cfg").Order(StringComparer.Ordinal).Select(ReadConfiguration).ToList();
        return new ModelText(operators, bugs, configurations);
    }

    private static ModelConfiguration ReadConfiguration(string path)
    {
        var lines = File.ReadAllLines(path);
        string Header(string key) => lines.FirstOrDefault(l => l.StartsWith($"\\* {key} ", StringComparison.Ordinal))?[(key.Length + 4)..].Trim()
            ?? throw new InvalidOperationException($"{path}: no '\\* {key}' header line.");

        var bug = lines.Select(l => BugConstant().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        var checks = new List<string>();
        var inList = false;
        foreach (var line in lines)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inList = line.Trim() is "INVARIANT" or "INVARIANTS" or "PROPERTY" or "PROPERTIES";
                if (line.StartsWith("CHECK_DEADLOCK TRUE", StringComparison.Ordinal))
                {
                    checks.Add("Deadlock");
                }
            }
            else if (inList && line.Trim().Length > 0)
            {
                checks.Add(line.Trim());
            }
        }

        return new ModelConfiguration(Path.GetFileName(path), Header("MODULE"), Header("EXPECT"), bug == "None" ? null : bug, checks);
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_]*)(?:\([^)]*\))?\s*==", RegexOptions.Multiline)]
    private static partial Regex Definition();

    [GeneratedRegex(@"^Bugs\s*==\s*\{([^}]*)\}", RegexOptions.Multiline)]
    private static partial Regex BugsSet();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("^\\s*Bug\\s*=\\s*\"([^\"]*)\"")]
    private static partial Regex BugConstant();
}

/// <summary>The Coyote harnesses, read from <c>tests/Systematic/Harnesses/*.cs</c>: each <c>[Test]</c> method's name.</summary>
internal static partial class HarnessSources
{
    public static IReadOnlySet<string> Read(string harnessDirectory) => Directory
        .GetFiles(harnessDirectory, "*.cs")
        .SelectMany(file => TestMethod().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
        .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\[Test\]\s*(?:\[[^\]]*\]\s*)*public\s+static\s+(?:async\s+)?[\w<>]+\s+(\w+)\s*\(")]
    private static partial Regex TestMethod();
}

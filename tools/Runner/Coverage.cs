using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoSync.Runner;

/// <summary>A method of src/Map as coverlet names it: its file, its type (without namespace or arity) and its name.</summary>
internal sealed record CodeMethod(string File, string Type, string Name)
{
    public override string ToString() => $"{Type}.{Name}";
}

/// <summary>One branch outcome coverlet counts: the IL offset of the branch and which of its paths.</summary>
internal sealed record BranchId(int Line, int Offset, int Path, int Ordinal);

/// <summary>
/// What the harnesses reached of one method: per line and per branch outcome, the harnesses whose runs reached it
/// (empty: none did).
/// </summary>
internal sealed class MethodCoverage(CodeMethod method)
{
    public CodeMethod Method { get; } = method;

    public SortedDictionary<int, SortedSet<string>> Lines { get; } = [];

    public Dictionary<BranchId, SortedSet<string>> Branches { get; } = [];

    public int LinesReached => Lines.Values.Count(h => h.Count > 0);

    public int BranchesReached => Branches.Values.Count(h => h.Count > 0);

    public IEnumerable<int> UnreachedLines => Lines.Where(l => l.Value.Count == 0).Select(l => l.Key);

    public IEnumerable<int> LinesOfUnreachedBranches => Branches.Where(b => b.Value.Count == 0).Select(b => b.Key.Line).Distinct().Order();

    public bool Complete => LinesReached == Lines.Count && BranchesReached == Branches.Count;

    /// <summary>The harnesses that reached any line of the method.</summary>
    public SortedSet<string> Harnesses => new(Lines.Values.SelectMany(h => h), StringComparer.Ordinal);
}

/// <summary>
/// The coverage of src/Map by the harnesses, merged from one coverlet JSON report per harness (coverlet's
/// <c>CoverletOutputFormat=json</c>: module, file, type, method, then <c>Lines</c> (line: hits) and <c>Branches</c>).
/// </summary>
internal sealed partial class MapCoverage
{
    private readonly Dictionary<CodeMethod, MethodCoverage> _methods = [];

    public IReadOnlyCollection<MethodCoverage> Methods => _methods.Values;

    public MethodCoverage? this[CodeMethod method] => _methods.GetValueOrDefault(method);

    /// <summary>Adds the report of one harness's run.</summary>
    public void Add(string harness, string coverletJson)
    {
        using var document = JsonDocument.Parse(coverletJson);
        foreach (var module in document.RootElement.EnumerateObject())
        {
            // src/Map/StepLog is the step log's implementation, compiled into the harnesses' map only (tests/StepLoggedMap):
            // instrumentation of the map, not the map.
            foreach (var file in module.Value.EnumerateObject().Where(f => Path.GetFileName(Path.GetDirectoryName(f.Name)) != "StepLog"))
            {
                foreach (var type in file.Value.EnumerateObject())
                {
                    foreach (var method in type.Value.EnumerateObject())
                    {
                        var id = new CodeMethod(Path.GetFileName(file.Name), TypeName(type.Name), MethodName(type.Name, method.Name));
                        if (!_methods.TryGetValue(id, out var coverage))
                        {
                            _methods[id] = coverage = new MethodCoverage(id);
                        }

                        foreach (var line in method.Value.GetProperty("Lines").EnumerateObject())
                        {
                            Count(coverage.Lines, int.Parse(line.Name, CultureInfo.InvariantCulture), line.Value.GetInt32(), harness);
                        }

                        foreach (var branch in method.Value.GetProperty("Branches").EnumerateArray())
                        {
                            var key = new BranchId(branch.GetProperty("Line").GetInt32(), branch.GetProperty("Offset").GetInt32(),
                                branch.GetProperty("Path").GetInt32(), branch.GetProperty("Ordinal").GetInt32());
                            Count(coverage.Branches, key, branch.GetProperty("Hits").GetInt32(), harness);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Notes the point (a line or a branch outcome), and the harness when its run reached it.</summary>
    private static void Count<TPoint>(IDictionary<TPoint, SortedSet<string>> points, TPoint point, int hits, string harness)
    {
        if (!points.TryGetValue(point, out var reached))
        {
            points[point] = reached = new SortedSet<string>(StringComparer.Ordinal);
        }

        if (hits > 0)
        {
            reached.Add(harness);
        }
    }

    /// <summary><c>GoSync.SyncMap`2/&lt;GetEnumerator&gt;d__30</c> is <c>SyncMap</c>.</summary>
    private static string TypeName(string type)
    {
        var outer = type.Split('/')[0];
        outer = outer[(outer.LastIndexOf('.') + 1)..];
        var tick = outer.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? outer : outer[..tick];
    }

    /// <summary>The method's own name; an iterator's or async method's state machine is the method it was written as.</summary>
    private static string MethodName(string type, string method) => StateMachine().Match(type) is { Success: true } m
        ? m.Groups[1].Value
        : method[(method.IndexOf("::", StringComparison.Ordinal) + 2)..method.IndexOf('(', StringComparison.Ordinal)];

    [GeneratedRegex(@"/<([^>]+)>d__\d+$")]
    private static partial Regex StateMachine();
}

namespace GoSync.Runner;

/// <summary>
/// The header of a seeded-bug patch: the lines between its first line (<c>Seeded bug &lt;name&gt;: &lt;what it
/// breaks&gt;</c>) and the diff, each <c>Key: value</c>. They tie the patch to the rest of the evidence by name:
/// <list type="bullet">
/// <item><c>Bug:</c> the model's <c>Bug</c> value (tla/SyncMap.tla), the patch's name in Pascal case, or
/// <c>none: &lt;why the model has no such bug&gt;</c>;</item>
/// <item><c>Breaks:</c> the invariant or property the mistake breaks first, as the model names it (the <c>EXPECT</c>
/// counterexample of its <c>MCSyncMapBug*.cfg</c>);</item>
/// <item><c>Harness:</c> the Coyote harness whose race is meant to catch it: the <c>mutants</c> command runs it first
/// and fails when it does not.</item>
/// </list>
/// </summary>
internal sealed record MutantHeader(string? Bug, string? NoBugReason, string Breaks, string Harness)
{
    public const string BugKey = "Bug";
    public const string BreaksKey = "Breaks";
    public const string HarnessKey = "Harness";
    private const string None = "none:";

    /// <summary>Reads the header of <paramref name="lines"/> (a patch's lines, the first one included).</summary>
    public static MutantHeader Parse(IReadOnlyList<string> lines, string patchName)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).TakeWhile(l => !l.StartsWith("--- ", StringComparison.Ordinal) && !l.StartsWith("diff ", StringComparison.Ordinal)))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon]] = line[(colon + 2)..].Trim();
            }
        }

        string Field(string key) => fields.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new RunnerException($"{patchName}: its header has no '{key}: ...' line (see tests/Mutants/README.md).");

        var bug = Field(BugKey);
        return bug.StartsWith(None, StringComparison.Ordinal)
            ? new MutantHeader(null, bug[None.Length..].Trim(), Field(BreaksKey), Field(HarnessKey))
            : new MutantHeader(bug, null, Field(BreaksKey), Field(HarnessKey));
    }

    /// <summary>The name a patch's bug has in the model: <c>03-expunge-plain-write</c> is <c>ExpungePlainWrite</c>.</summary>
    public static string ModelName(string patchName) => string.Concat(patchName
        .Split('-')
        .SkipWhile(part => part.All(char.IsAsciiDigit))
        .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}

namespace GoSync.Runner;

/// <summary>
/// A patch <c>validate-traces --mutants</c> runs: a seeded bug (<c>tests/Mutants/*.patch</c>, which the harnesses must
/// catch) or a divergence (<c>tests/Mutants/divergences/*.patch</c>: results and invariants intact, a step the model
/// does not take, which only trace validation can catch).
/// </summary>
/// <param name="Name">The file name without <c>.patch</c>.</param>
/// <param name="Kind"><c>mutant</c> or <c>divergence</c>.</param>
/// <param name="Path">The patch file.</param>
/// <param name="Harness">The harness its header names.</param>
internal sealed record Patch(string Name, string Kind, string Path, string Harness)
{
    public static IReadOnlyList<Patch> All(Repository repo) =>
    [
        .. Mutant.All(repo).Select(m => new Patch(m.Name, "mutant", m.PatchPath, m.Header.Harness)),
        .. Divergence.All(repo).Select(d => new Patch(d.Name, "divergence", d.PatchPath, d.Harness)),
    ];
}

/// <summary>
/// A divergence from the model: a patch against <c>src/Map</c> whose header (<c>tests/Mutants/divergences/README.md</c>)
/// says what the code does that <c>tla/SyncMap.tla</c> does not (<c>Diverges:</c>, the TLA+ action whose step the model
/// cannot take) and which harness's traces show it (<c>Harness:</c>).
/// </summary>
internal sealed record Divergence(string Name, string Description, string PatchPath, string Diverges, string Harness)
{
    public static IReadOnlyList<Divergence> All(Repository repo)
    {
        var dir = System.IO.Path.Combine(repo.MutantsDirectory, "divergences");
        return !Directory.Exists(dir) ? [] : Directory.GetFiles(dir, "*.patch").Order(StringComparer.Ordinal).Select(path =>
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(path);
            var lines = File.ReadLines(path).TakeWhile(l => !l.StartsWith("--- ", StringComparison.Ordinal)).ToList();
            string Field(string key) => lines.Select(l => l.StartsWith($"{key}: ", StringComparison.Ordinal) ? l[(key.Length + 2)..].Trim() : null)
                .FirstOrDefault(v => v is { Length: > 0 }) ?? throw new RunnerException($"{name}: its header has no '{key}: ...' line (tests/Mutants/divergences/README.md).");
            var first = lines.FirstOrDefault() ?? "";
            var colon = first.IndexOf(": ", StringComparison.Ordinal);
            return new Divergence(name, colon >= 0 ? first[(colon + 2)..] : first, path, Field("Diverges"), Field("Harness"));
        }).ToList();
    }
}

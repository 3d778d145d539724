using System.Globalization;
using System.Text;

namespace GoSync.Runner;

/// <summary>What the coverage command measures and where it writes the table.</summary>
/// <param name="Iterations">Coyote iterations per harness.</param>
/// <param name="Seed">The exploration's seed: fixed, so that the table repeats.</param>
/// <param name="Skip">Harnesses left out (to see what only they reach).</param>
/// <param name="Report">Where to write the markdown table, or null.</param>
internal sealed record CoverageOptions(int Iterations, uint Seed, IReadOnlyCollection<string> Skip, string? Report);

/// <summary>
/// Line and branch coverage of src/Map reached by the Coyote harnesses alone: each harness is explored by Coyote's
/// engine in a <c>dotnet test</c> process of its own, with coverlet instrumenting GoSync.Map after Coyote's rewrite
/// (so the hits are those of the explored interleavings, and coverlet's counters, added after the rewrite, are no
/// scheduling points). Fails when a public method's path is not reached by the harnesses named to race it, or when
/// a line or branch of src/Map is unreached and not among <see cref="CoveragePlan.Gaps"/>.
/// </summary>
internal static class CoverageCommand
{
    private const string Variable = "GOSYNC_COVERAGE_HARNESS"; // CoverageRun.HarnessVariable in tests/Systematic

    public static int Run(Repository repo, CoverageOptions options)
    {
        Console.Out.WriteLine("Building and rewriting tests/Systematic (Release) ...");
        Shell.Must("dotnet", ["tool", "restore"], repo.Root, "dotnet tool restore");
        Shell.Must("dotnet", ["build", repo.SystematicProject, "-c", "Release", "--nologo", "-v", "q"], repo.Root, "Building the systematic tests");
        var assembly = Path.Combine(repo.Root, "tests", "Systematic", "bin", "Release", "net10.0", "GoSync.Systematic.Tests.dll");
        var harnesses = HarnessList.Read(assembly).Where(h => !options.Skip.Contains(h)).ToList();
        var scratch = Path.Combine(Path.GetTempPath(), "gosync-coverage");
        Directory.CreateDirectory(scratch);
        var coverage = new MapCoverage();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal); // harness: what dotnet test printed
        foreach (var harness in harnesses)
        {
            var json = Path.Combine(scratch, harness + ".json");
            File.Delete(json);
            var result = Shell.Run("dotnet",
            [
                "test", repo.SystematicProject, "-c", "Release", "--no-build", "--nologo",
                "-p:CollectCoverage=true", "-p:CoverletOutputFormat=json", $"-p:CoverletOutput={json}", "-p:Include=[GoSync.Map]*",
                "--filter", "FullyQualifiedName~CoverageRun",
                "--", $"RunConfiguration.EnvironmentVariables.{Variable}={harness}",
                $"RunConfiguration.EnvironmentVariables.GOSYNC_ITERATIONS={options.Iterations}",
                $"RunConfiguration.EnvironmentVariables.GOSYNC_SEED={options.Seed}",
            ], repo.Root);
            // A run that failed is a problem of its own; what it reached, if coverlet still wrote it, counts.
            if (File.Exists(json))
            {
                coverage.Add(harness, File.ReadAllText(json));
            }

            if (result.ExitCode != 0)
            {
                failed[harness] = result.Output;
            }

            Console.Out.WriteLine($"{harness}: {(result.ExitCode == 0 ? "measured" : "FAILED")}");
        }

        foreach (var (harness, output) in failed)
        {
            Console.Out.WriteLine($"{harness} failed:\n{output}");
        }

        var problems = failed.Keys.Select(h => $"{h}: its exploration failed (a bug, or Coyote's potential-deadlock monitor on a loaded machine; its output is printed above)")
            .Concat(Problems(coverage, harnesses)).ToList();
        if (options.Report is { } report)
        {
            File.WriteAllText(Path.Combine(repo.Root, report), Markdown(coverage, harnesses, options, problems));
            Console.Out.WriteLine($"Wrote {report}.");
        }

        foreach (var problem in problems)
        {
            Console.Out.WriteLine($"GAP: {problem}");
        }

        Console.Out.WriteLine(problems.Count == 0
            ? $"Every path of every public method is reached by the harnesses named to race it, and every unreached line of src/Map is explained ({harnesses.Count} harnesses)."
            : $"{problems.Count} coverage gap(s).");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Paths not reached by their racing harnesses, and unreached code that no gap explains.</summary>
    internal static List<string> Problems(MapCoverage coverage, IReadOnlyCollection<string> harnesses)
    {
        var problems = new List<string>();
        foreach (var path in CoveragePlan.Paths)
        {
            foreach (var method in path.Methods)
            {
                var reachedBy = coverage[method]?.Harnesses ?? [];
                foreach (var racer in path.RacedBy.Where(r => !reachedBy.Contains(r)))
                {
                    problems.Add(harnesses.Contains(racer)
                        ? $"{path.PublicMethod} ({path.Kind}): {racer} does not reach {method}"
                        : $"{path.PublicMethod} ({path.Kind}): {racer}, named to race it, was not run");
                }

                if (reachedBy.Count == 0)
                {
                    problems.Add($"{path.PublicMethod} ({path.Kind}): no harness reaches {method}");
                }
            }
        }

        var explained = CoveragePlan.Gaps.Select(g => g.Method).ToHashSet();
        foreach (var method in coverage.Methods.Where(m => !m.Complete && !explained.Contains(m.Method)).OrderBy(m => m.Method.ToString(), StringComparer.Ordinal))
        {
            problems.Add($"{method.Method} ({method.Method.File}): lines {string.Join(", ", method.UnreachedLines.Concat(method.LinesOfUnreachedBranches).Distinct().Order())} unreached, and no gap explains why");
        }

        return problems;
    }

    private static string Markdown(MapCoverage coverage, IReadOnlyList<string> harnesses, CoverageOptions options, IReadOnlyList<string> problems)
    {
        var md = new StringBuilder();
        md.AppendLine("# Coverage of src/Map by the Coyote harnesses");
        md.AppendLine();
        md.AppendLine("Line and branch coverage of `src/Map` reached by the harnesses alone (no unit test), measured by the runner:");
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(CultureInfo.InvariantCulture, $"dotnet run --project tools/Runner -c Release -- coverage --iterations {options.Iterations} --seed {options.Seed} --report docs/coverage.md");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("Each harness is explored by Coyote's engine (`CoverageRun` in tests/Systematic, portfolio strategy) in a `dotnet test` process of its own, " +
            "with coverlet (`coverlet.msbuild`) instrumenting `GoSync.Map.dll` after Coyote has rewritten it: the hits are those of the interleavings Coyote explored, " +
            "and coverlet's counters, added after the rewrite, are no scheduling points. A line counts as reached when any iteration of any harness reached it, " +
            "set-up and epilogue included; what makes a path *raced* is the harness's scenario, named per path below, and for the contention branches " +
            "(a CAS that lost, a re-check under the lock that finds another task's promotion) reaching them at all takes a race. " +
            "The command fails when a path is not reached by a harness named to race it, or when a line or branch is unreached and not explained below.");
        md.AppendLine();
        var leftOut = options.Skip.Count > 0 ? $"; left out: {string.Join(", ", options.Skip)}" : "";
        md.AppendLine(CultureInfo.InvariantCulture, $"- Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {harnesses.Count} harnesses, {options.Iterations} iterations each, seed {options.Seed}{leftOut}");
        var all = coverage.Methods.ToList();
        var algorithm = all.Where(m => m.Method.File is not ("SyncMap.Invariants.cs" or "Invariant.cs" or "Placement.cs")).ToList();
        md.AppendLine(CultureInfo.InvariantCulture, $"- All of src/Map: {Totals(all)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- The algorithm (without the invariant checks and the placement): {Totals(algorithm)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Result: {(problems.Count == 0 ? "every path reached by its racing harnesses; every gap explained" : $"{problems.Count} unexplained gap(s): " + string.Join("; ", problems))}");
        md.AppendLine();
        md.AppendLine("## Every public method's paths, and the harnesses that race them");
        md.AppendLine();
        md.AppendLine("| Public method | Path | Code (lines, branches reached) | Raced by | The race |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var path in CoveragePlan.Paths)
        {
            var code = string.Join("; ", path.Methods.Select(m => coverage[m] is { } c ? $"`{m}` {c.LinesReached}/{c.Lines.Count}, {c.BranchesReached}/{c.Branches.Count}" : $"`{m}` not found"));
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{path.PublicMethod}` | {path.Kind} | {code} | {string.Join(", ", path.RacedBy.Select(r => $"`{r}`"))} | {path.Race} |");
        }

        md.AppendLine();
        md.AppendLine("## Per method");
        md.AppendLine();
        md.AppendLine("| File | Method | Lines | Branches | Harnesses reaching it | Unreached lines | Why |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        var gaps = CoveragePlan.Gaps.ToDictionary(g => g.Method, g => g.Why);
        foreach (var m in all.OrderBy(m => m.Method.File, StringComparer.Ordinal).ThenBy(m => m.Method.Name, StringComparer.Ordinal))
        {
            var unreached = m.UnreachedLines.Concat(m.LinesOfUnreachedBranches).Distinct().Order().ToList();
            var why = m.Complete ? "" : gaps.GetValueOrDefault(m.Method, "**not explained**");
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Method.File} | `{m.Method.Name}` | {m.LinesReached}/{m.Lines.Count} | {m.BranchesReached}/{m.Branches.Count} | {m.Harnesses.Count} | {string.Join(", ", unreached)} | {why} |");
        }

        return md.ToString();
    }

    private static string Totals(IReadOnlyCollection<MethodCoverage> methods)
    {
        int lines = methods.Sum(m => m.Lines.Count), linesReached = methods.Sum(m => m.LinesReached);
        int branches = methods.Sum(m => m.Branches.Count), branchesReached = methods.Sum(m => m.BranchesReached);
        return string.Create(CultureInfo.InvariantCulture,
            $"lines {linesReached}/{lines} ({100.0 * linesReached / lines:F1}%), branches {branchesReached}/{branches} ({100.0 * branchesReached / branches:F1}%)");
    }
}

using System.Globalization;
using System.Text;
using GoSync.Tooling;

namespace GoSync.Runner;

/// <summary>What the shrink command does: which mutants, and the budgets of the search and of each candidate.</summary>
internal sealed record ShrinkOptions(IReadOnlyCollection<string> Only, int SearchIterations, int CandidateIterations, uint Seed, string? Report);

/// <summary>One mutant's shrinking, and the two checks of its minimal scenario.</summary>
/// <param name="Replayed">The trace replayed against the mutant: it must reproduce the bug.</param>
/// <param name="Control">The minimal scenario explored against the correct map: it must find nothing.</param>
internal sealed record ShrinkRow(Mutant Mutant, ShrinkResult Result, ExplorationResult? Replayed, ExplorationResult? Control)
{
    public bool Shrunk => Result.After is not null;

    public bool Checked => Replayed is { Bugs: 1 } && Control is { Bugs: 0 };
}

/// <summary>
/// Minimal failing scenarios, as Lincheck makes them: for each mutant, RandomOperations is explored until its drawn
/// scenario fails, the scenario is shrunk (tasks, operations and keys dropped while exploration still finds the bug),
/// and the minimal one is written into <c>artifacts/shrunk/&lt;mutant&gt;/</c> as a harness method to paste, the
/// scenario as JSON and Coyote's trace. Each is then checked: its trace replays the bug against the mutant, and the
/// scenario explored against the correct map finds nothing. Exit 1 when a check fails.
/// </summary>
internal static class ShrinkCommand
{
    private const string Harness = "RandomOperations";
    private const string ReplayHarness = "ReplayScenario";
    private const string ScenarioVariable = "GOSYNC_SCENARIO"; // ScenarioHarness.ScenarioVariable in tests/Systematic

    public static int Run(Repository repo, ShrinkOptions options)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "gosync-shrink");
        Console.Out.WriteLine("Building the systematic tests (Release) ...");
        var rewrittenBase = Path.Combine(scratch, "base-rewritten");
        var correct = repo.BuildSystematic(rewrittenBase);
        var mutants = Mutant.All(repo).Where(m => options.Only.Any(o => m.Name.Contains(o, StringComparison.Ordinal))).ToList();
        if (mutants.Count == 0)
        {
            throw new RunnerException("Name the mutants to shrink with --mutant (their RandomOperations scenarios are shrunk).");
        }

        var rows = new List<ShrinkRow>();
        foreach (var mutant in mutants)
        {
            var assembly = MutantWorkspace.Prepare(repo, mutant, Path.Combine(scratch, mutant.Name), rewrittenBase).Assemble(rewrittenBase, rewrite: true);
            var output = Path.Combine(repo.Artifacts, "shrunk", mutant.Name);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            Directory.CreateDirectory(output);
            var method = "Shrunk" + MutantHeader.ModelName(mutant.Name);
            var request = new ShrinkRequest(Harness,
                new Exploration(Strategies.Default, options.SearchIterations, Seed: options.Seed),
                new Exploration(Strategies.Default, options.CandidateIterations, Seed: options.Seed),
                output, method, $"{Harness}' failing scenario on mutant {mutant.Name}, shrunk by the runner's shrink command.", "");
            Console.Out.WriteLine($"{mutant.Name}: exploring {Harness} (up to {options.SearchIterations} iterations), then shrinking ...");
            var result = HarnessProcess.Shrink(repo, assembly, request);
            ShrinkRow row;
            if (result is { After: not null, ScenarioPath: { } scenario, Minimal.TracePath: { } trace })
            {
                var environment = new Dictionary<string, string> { [ScenarioVariable] = scenario, [RepositoryLayout.ArtifactsVariable] = Path.Combine(scratch, mutant.Name, "checks") };
                var replayed = HarnessProcess.Replay(repo, assembly, ReplayHarness, trace, Path.Combine(scratch, mutant.Name, "replay"), environment);
                var control = HarnessProcess.Explore(repo, correct, ReplayHarness, request.Candidate, Path.Combine(scratch, mutant.Name, "control"), environment: environment);
                row = new ShrinkRow(mutant, result, replayed, control);
            }
            else
            {
                row = new ShrinkRow(mutant, result, null, null);
            }

            rows.Add(row);
            Console.Out.WriteLine(row.Shrunk
                ? $"{mutant.Name}: {result.Before} -> {result.After} in {result.Explorations} explorations ({result.Seconds:F0} s); " +
                  $"replay {(row.Replayed is { Bugs: 1 } ? "reproduces the bug" : "DOES NOT reproduce the bug")}, correct map {(row.Control is { Bugs: 0 } ? "passes" : "FAILS")}; {output}"
                : $"{mutant.Name}: {Harness} found no failing scenario in {result.Search.Iterations} iterations");
        }

        if (options.Report is { } report)
        {
            File.WriteAllText(Path.Combine(repo.Root, report), Markdown(rows, options));
            Console.Out.WriteLine($"Wrote {report}.");
        }

        return rows.All(r => !r.Shrunk || r.Checked) ? 0 : 1;
    }

    private static string Markdown(IReadOnlyList<ShrinkRow> rows, ShrinkOptions options)
    {
        var md = new StringBuilder();
        md.AppendLine("# Minimal failing scenarios");
        md.AppendLine();
        md.AppendLine("`RandomOperations` draws its scenario (three set-up operations, then three tasks of four operations over three keys) as data, " +
            "`Scenario` in tests/Systematic/Scenarios, from Coyote's controlled random source. When an exploration fails, the shrinker takes the failing " +
            "iteration's scenario and tries, biggest first, to drop a task, the set-up, one operation, to merge two keys, or to make an operation plainer; " +
            "it keeps a change when exploring the smaller scenario (through the `ReplayScenario` harness) still finds a bug, and stops when no single " +
            "change does, as Lincheck does. The minimal scenario is written as a harness method to paste (below), as `scenario.json`, and with Coyote's " +
            "trace of it. Each is checked twice: the trace replays the bug against the mutant, and the scenario explored against the correct map finds nothing.");
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(CultureInfo.InvariantCulture, $"dotnet run --project tools/Runner -c Release -- shrink {string.Join(' ', rows.Select(r => $"--mutant {r.Mutant.Name}"))} " +
            $"--search-iterations {options.SearchIterations} --iterations {options.CandidateIterations} --seed {options.Seed} --report docs/shrinking.md");
        md.AppendLine(CultureInfo.InvariantCulture, $"GOSYNC_SCENARIO=artifacts/shrunk/<mutant>/scenario.json dotnet coyote replay /tmp/gosync-shrink/<mutant>/rewritten/GoSync.Systematic.Tests.dll artifacts/shrunk/<mutant>/ReplayScenario/ReplayScenario.trace -m {ReplayHarness}");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; search: up to {options.SearchIterations} iterations of {Harness}; each candidate: up to {options.CandidateIterations} iterations (portfolio); seed {options.Seed}");
        md.AppendLine();
        md.AppendLine("| Mutant | Found at iteration | Before | After | Check that fired | Explorations (s) | Trace replays the bug | Correct map |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var s = r.Result;
            md.AppendLine(r.Shrunk
                ? FormattableString.Invariant($"| `{r.Mutant.Name}` | {s.Search.Iterations} | {s.Before} | **{s.After}** | {s.Minimal?.FailedCheck} | {s.Explorations} ({s.Seconds:F0}) | {(r.Replayed is { Bugs: 1 } ? "yes" : "**no**")} | {(r.Control is { Bugs: 0 } ? "no bug" : "**bug**")} |")
                : FormattableString.Invariant($"| `{r.Mutant.Name}` | not found in {s.Search.Iterations} | | | | | | |"));
        }

        foreach (var r in rows.Where(r => r.Shrunk))
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## `{r.Mutant.Name}`: {r.Result.Before} → {r.Result.After}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Changes kept, in order: {string.Join("; ", r.Result.Changes)}.");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"First line of the failure: `{r.Result.Minimal?.BugReport.Split('\n', 2)[0].Trim()}`");
            md.AppendLine();
            md.AppendLine("```csharp");
            md.Append(r.Result.HarnessMethod);
            md.AppendLine("```");
        }

        return md.ToString();
    }
}

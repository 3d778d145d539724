using System.Globalization;
using GoSync.Tooling;
using Spectre.Console;

namespace GoSync.Runner;

/// <summary>
/// The main job: builds and rewrites the systematic tests, explores every harness in a harness process of its own, prints
/// a table, and for each bug the artifacts and the commands that replay it.
/// </summary>
internal static class HarnessesCommand
{
    public static int Run(Repository repo, Exploration exploration, IReadOnlyCollection<string> only)
    {
        AnsiConsole.MarkupLine("[bold]Building and rewriting[/] tests/Systematic (Release) ...");
        var output = Path.Combine(repo.Root, "tests", "Systematic", "bin", "coyote");
        var assembly = repo.BuildSystematic(output);
        var harnesses = HarnessList.Read(assembly).Where(h => only.Count == 0 || only.Contains(h)).ToList();
        if (harnesses.Count == 0)
        {
            throw new RunnerException($"No harness matches {string.Join(", ", only)}.");
        }

        AnsiConsole.MarkupLine($"Running {harnesses.Count} harnesses, up to {exploration.Iterations} iterations each, strategy {exploration.Strategy}.");
        var outcomes = new List<ExplorationResult>();
        for (var i = 0; i < harnesses.Count; i++)
        {
            var harness = harnesses[i];
            var dir = Path.Combine(repo.Artifacts, harness);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true); // no stale artifacts from an earlier run
            }

            var prefix = $"[{i + 1}/{harnesses.Count}] {harness}";
            Console.Out.Write(prefix);
            var outcome = HarnessProcess.Explore(repo, assembly, harness, exploration, dir, showProgress: true);
            Console.Out.WriteLine(outcome.Bugs > 0 ? $" -> BUG after {outcome.Iterations} iterations" : $" -> {outcome.Iterations} iterations, no bug");

            outcomes.Add(outcome);
        }

        AnsiConsole.Write(Summary(outcomes));
        foreach (var bug in outcomes.Where(o => o.Bugs > 0))
        {
            PrintBug(repo, assembly, bug);
        }

        var found = outcomes.Sum(o => o.Bugs);
        AnsiConsole.MarkupLine(found == 0
            ? $"[green]No bugs[/] in {outcomes.Sum(o => o.Iterations)} iterations of {outcomes.Count} harnesses."
            : $"[red]{found} bug(s) found.[/]");
        return found == 0 ? 0 : 1;
    }

    private static Table Summary(IEnumerable<ExplorationResult> outcomes)
    {
        var table = new Table().AddColumns("Harness", "Strategy", "Iterations", "Steps (avg)", "Bugs", "Time (s)");
        foreach (var o in outcomes)
        {
            table.AddRow(
                Markup.Escape(o.Harness),
                o.Strategy,
                o.Iterations.ToString(CultureInfo.InvariantCulture),
                o.AverageSteps.ToString(CultureInfo.InvariantCulture),
                o.Bugs > 0 ? $"[red]{o.Bugs}[/]" : "0",
                o.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static void PrintBug(Repository repo, string assembly, ExplorationResult bug)
    {
        var dir = Path.GetRelativePath(repo.Root, Path.Combine(repo.Artifacts, bug.Harness));
        var trace = bug.TracePath is null ? "<trace>" : Path.GetRelativePath(repo.Root, bug.TracePath);
        var dll = Path.GetRelativePath(repo.Root, assembly);
        Console.Out.WriteLine($"""

            Bug in {bug.Harness}:
              {bug.BugReport.ReplaceLineEndings(Environment.NewLine + "  ")}
            Artifacts in {dir}/: history.jsonl, timeline.html, failure.txt, and Coyote's report ({bug.Harness}.txt) and trace
            Replay:    dotnet coyote replay {dll} {trace} -m {bug.Harness}
            Debugger:  GOSYNC_REPLAY={trace} dotnet test tests/Systematic --filter "DisplayName~{bug.Harness}"
            """);
    }
}

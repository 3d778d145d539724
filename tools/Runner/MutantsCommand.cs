using System.Globalization;
using GoSync.Tooling;
using Spectre.Console;

namespace GoSync.Runner;

/// <summary>How one strategy (or the stress baseline) fared against one mutant.</summary>
/// <param name="Strategy">The Coyote strategy, or "stress" for real threads.</param>
/// <param name="CaughtBy">The harness that found the bug, or null when none did within the budget.</param>
/// <param name="Iterations">Iterations of that harness until the bug (its count includes the failing one).</param>
/// <param name="Seconds">Seconds of that harness until the bug.</param>
/// <param name="TotalIterations">Iterations over all harnesses tried, in name order, until the bug (all of them when none caught it).</param>
/// <param name="TotalSeconds">Seconds likewise.</param>
/// <param name="Bug">The first line of the bug report.</param>
/// <param name="Named">The harness the patch's header names, which runs first.</param>
internal sealed record Finding(string Strategy, string? CaughtBy, int Iterations, double Seconds, int TotalIterations, double TotalSeconds, string Bug, string Named)
{
    public bool Caught => CaughtBy is not null;

    /// <summary>Caught by the harness meant to catch it, not by another one's set-up or final checks.</summary>
    public bool CaughtByNamed => CaughtBy == Named;
}

/// <summary>
/// The seeded-bug catalogue: every patch in <c>tests/Mutants</c> is applied to a scratch copy of the map, built,
/// rewritten, and explored by the harnesses until one reports a bug, starting with the harness its header names. Exit 1
/// when any mutant escapes, or is caught only by a harness other than the one named.
/// </summary>
internal static class MutantsCommand
{
    public static int Run(Repository repo, MutantOptions options)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "gosync-mutants");
        AnsiConsole.MarkupLine("[bold]Building[/] the systematic tests (Release) ...");
        var rewrittenBase = Path.Combine(scratch, "base-rewritten");
        var harnesses = HarnessList.Read(repo.BuildSystematic(rewrittenBase));
        var plainBase = Path.Combine(scratch, "base-plain");
        if (options.StressSeconds > 0)
        {
            repo.BuildSystematic(plainBase, rewrite: false);
        }

        var mutants = Mutant.All(repo).Where(m => options.Only.Count == 0 || options.Only.Any(o => m.Name.Contains(o, StringComparison.Ordinal))).ToList();
        if (mutants.Count == 0)
        {
            throw new RunnerException("No mutant matches the names given.");
        }

        var perHarness = options.StressSeconds > 0 ? (int?)Math.Max(1, options.StressSeconds / harnesses.Count) : null;
        AnsiConsole.MarkupLine($"{mutants.Count} mutants x {harnesses.Count} harnesses; strategies {string.Join(", ", options.Strategies)}; " +
            $"up to {options.Iterations} iterations per harness{(perHarness is { } s ? $" and {s} s per harness (stress too)" : "")}.");
        var rows = new List<(Mutant Mutant, List<Finding> Findings)>();
        foreach (var named in mutants.Select(m => m.Header.Harness).Distinct().Where(h => !harnesses.Contains(h)))
        {
            throw new RunnerException($"A patch header names harness {named}, which is not among the {harnesses.Count} harnesses.");
        }

        foreach (var mutant in mutants)
        {
            var order = NamedFirst(harnesses, mutant.Header.Harness);
            var dir = Path.Combine(scratch, mutant.Name);
            var workspace = MutantWorkspace.Prepare(repo, mutant, dir, rewrittenBase);
            var assembly = workspace.Assemble(rewrittenBase, rewrite: true);
            var environment = new Dictionary<string, string> { [RepositoryLayout.ArtifactsVariable] = Path.Combine(dir, "artifacts") };
            var findings = new List<Finding>();
            foreach (var strategy in options.Strategies)
            {
                var exploration = new Exploration(strategy, options.Iterations, Seed: options.Seed, TimeoutSeconds: perHarness);
                findings.Add(FirstBug(order, h => HarnessProcess.Explore(repo, assembly, h, exploration, Path.Combine(dir, "coyote"), environment: environment), strategy));
            }

            if (options.StressSeconds > 0)
            {
                var plain = workspace.Assemble(plainBase, rewrite: false);
                findings.Add(FirstBug(order, h => Stress(repo, plain, h, perHarness!.Value), "stress"));
            }

            rows.Add((mutant, findings));
            Console.Out.WriteLine($"{mutant.Name}: " + string.Join("; ", findings.Select(f =>
                f.Caught ? $"{f.Strategy} caught by {f.CaughtBy}{(f.CaughtByNamed ? "" : $" (NOT by its harness {f.Named})")} at iteration {f.Iterations} ({f.Seconds:F1} s; {f.TotalIterations} iterations in all): {Shorten(f.Bug)}" : $"{f.Strategy} NOT CAUGHT")));
        }

        AnsiConsole.Write(Summary(rows, options));
        if (options.Report is { } report)
        {
            BugFindingReport.Write(Path.Combine(repo.Root, report), rows, options, harnesses.Count, perHarness);
            Console.Out.WriteLine($"Wrote {report}.");
        }

        var escaped = rows.Where(r => r.Findings.Where(f => f.Strategy != "stress").Any(f => !f.Caught)).Select(r => r.Mutant.Name).ToList();
        var misnamed = rows.Where(r => r.Findings.Where(f => f.Strategy != "stress").Any(f => f.Caught && !f.CaughtByNamed)).Select(r => r.Mutant.Name).ToList();
        AnsiConsole.MarkupLine(escaped.Count == 0
            ? $"[green]All {rows.Count} mutants caught[/] by every strategy."
            : $"[red]{escaped.Count} mutant(s) not caught:[/] {string.Join(", ", escaped)}");
        if (misnamed.Count > 0)
        {
            AnsiConsole.MarkupLine($"[red]{misnamed.Count} mutant(s) caught only by a harness other than the one their header names:[/] {string.Join(", ", misnamed)}");
        }

        return escaped.Count == 0 && misnamed.Count == 0 ? 0 : 1;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + " ...";

    /// <summary>The harnesses with <paramref name="named"/> first, the others in name order after it.</summary>
    private static List<string> NamedFirst(IReadOnlyList<string> harnesses, string named) => [named, .. harnesses.Where(h => h != named)];

    /// <summary>
    /// Runs the harnesses in order (the named one first) until one reports a bug, adding up iterations and seconds on
    /// the way.
    /// </summary>
    private static Finding FirstBug(IReadOnlyList<string> harnesses, Func<string, ExplorationResult> run, string strategy)
    {
        int iterations = 0;
        double seconds = 0;
        foreach (var harness in harnesses)
        {
            var outcome = run(harness);
            iterations += outcome.Iterations;
            seconds += outcome.Seconds;
            if (outcome.Bugs > 0)
            {
                var first = outcome.BugReport.Split('\n', 2)[0].Trim();
                return new Finding(strategy, harness, outcome.Iterations, outcome.Seconds, iterations, seconds, first, harnesses[0]);
            }
        }

        return new Finding(strategy, null, 0, 0, iterations, seconds, "", harnesses[0]);
    }

    /// <summary>One harness on real threads for <paramref name="seconds"/>, in a child process.</summary>
    internal static ExplorationResult Stress(Repository repo, string assembly, string harness, int seconds)
    {
        var runner = typeof(MutantsCommand).Assembly.Location;
        var resultPath = Path.Combine(Path.GetTempPath(), $"gosync-stress-{Guid.NewGuid():N}.json");
        var result = Shell.Run("dotnet", [runner, "stress-worker", "--assembly", assembly, "--harness", harness, "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--result", resultPath],
            repo.Root, timeout: TimeSpan.FromSeconds(seconds + 60));
        StressResult stress;
        try
        {
            stress = StressResult.Read(resultPath);
        }
        catch (RunnerException e)
        {
            throw new RunnerException($"The stress worker left no result for {harness} ({e.Message}):\n{result.Output}");
        }
        finally
        {
            File.Delete(resultPath);
        }

        var failure = stress.Failure ?? "";
        return new ExplorationResult(harness, "stress", stress.Iterations, 0, failure.Length > 0 ? 1 : 0, stress.Seconds, failure, []);
    }

    private static Table Summary(IEnumerable<(Mutant Mutant, List<Finding> Findings)> rows, MutantOptions options)
    {
        var table = new Table().AddColumn("Mutant").AddColumn("Named harness");
        var columns = options.Strategies.Concat(options.StressSeconds > 0 ? ["stress"] : Array.Empty<string>()).ToList();
        foreach (var column in columns)
        {
            table.AddColumn($"{column}: caught by, iterations / s in it");
        }

        foreach (var (mutant, findings) in rows)
        {
            table.AddRow([Markup.Escape(mutant.Name), mutant.Header.Harness, .. findings.Select(f => f.Caught
                ? $"{(f.CaughtByNamed ? "named" : $"[red]{f.CaughtBy}[/]")}, {f.Iterations} / {f.Seconds.ToString("F1", CultureInfo.InvariantCulture)}"
                : $"[red]not caught[/] ({f.TotalIterations} / {f.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)})")]);
        }

        return table;
    }
}

/// <summary>What the catalogue runs: which mutants, with which strategies, and how long.</summary>
internal sealed record MutantOptions(
    IReadOnlyList<string> Strategies, int Iterations, int StressSeconds, IReadOnlyCollection<string> Only, string? Report, uint? Seed);

using System.Collections.Concurrent;
using System.Globalization;
using GoSync.Tooling;

namespace GoSync.Runner;

/// <summary>The full detection matrix's budgets: behind its own command, for CI keeps running <c>mutants</c>.</summary>
/// <param name="Only">Only the mutants whose names contain these; empty: all.</param>
/// <param name="Seconds">Wall-clock seconds for each Coyote strategy on the mutant's named harness, and the same for stress.</param>
/// <param name="DepthSeconds">Seconds for each prioritization run with a bound on priority changes.</param>
/// <param name="MaxBound">The largest priority-change bound tried.</param>
/// <param name="Seed">The explorations' seed.</param>
/// <param name="Parallel">Mutants measured at once.</param>
/// <param name="TlcJar">tla2tools.jar, or null: the TLC column says "TLC not run".</param>
/// <param name="TlcSeconds">Seconds each TLC run may take.</param>
/// <param name="Report">Where to write the matrix (docs/bug-finding.md): after each mutant, and whole at the end.</param>
/// <param name="ReuseBuilds">Use the base builds an earlier run left in the scratch folder.</param>
internal sealed record MatrixOptions(
    IReadOnlyCollection<string> Only, int Seconds, int DepthSeconds, int MaxBound, uint Seed, int Parallel, string? TlcJar, int TlcSeconds, string? Report,
    bool ReuseBuilds = false);

/// <summary>One layer's result on one mutant: whether it caught the bug, when, and with which check.</summary>
internal sealed record Detection(string Layer, bool Caught, int Iterations, double Seconds, string Bug, FailureKind Check)
{
    public static Detection From(string layer, ExplorationResult r) =>
        new(layer, r.Bugs > 0, r.Iterations, r.Seconds, r.Bugs > 0 ? r.BugReport.Split('\n', 2)[0].Trim() : "", r.FailedCheck);
}

/// <summary>One row of the matrix: every layer's result on one mutant.</summary>
/// <param name="Depth">The smallest priority-change bound under which prioritization found the bug, or null if none up to the largest tried.</param>
internal sealed record MatrixRow(Mutant Mutant, UnitOutcome Unit, Detection Stress, IReadOnlyList<Detection> Coyote, int? Depth, IReadOnlyList<Detection> DepthRuns)
{
    public bool CaughtByCoyote => Coyote.Any(d => d.Caught);

    /// <summary>Caught by some strategy, missed by stress at the same budget and by the unit and model-based tests.</summary>
    public bool NeedsCoyote => CaughtByCoyote && !Stress.Caught && !Unit.Caught && !Unit.Unknown;
}

/// <summary>
/// The detection matrix of the seeded-bug catalogue: for each mutant, the unit and model-based tests alone, the named
/// harness on real threads and under each Coyote strategy with the same wall-clock budget, the check that fired, the
/// bug's depth (the fewest priority changes of Coyote's prioritization strategy that find it) and TLC on the mutant's
/// TLA+ twin. Writes docs/bug-finding.md.
/// </summary>
internal static class MatrixCommand
{
    private static readonly string[] CoyoteStrategies = ["random", "probabilistic", "prioritization", Strategies.Default];
    private const int IterationCap = 1_000_000; // the wall-clock budget governs

    public static int Run(Repository repo, MatrixOptions options)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "gosync-matrix");
        var rewrittenBase = Path.Combine(scratch, "base-rewritten");
        var plainBase = Path.Combine(scratch, "base-plain");
        var unitBase = Path.Combine(scratch, "base-unit");
        if (!options.ReuseBuilds)
        {
            Console.Out.WriteLine("Building the systematic tests (rewritten and plain) and the unit tests (Release) ...");
            repo.BuildSystematic(rewrittenBase);
            repo.BuildSystematic(plainBase, rewrite: false);
            Shell.Must("dotnet", ["build", Path.Combine(repo.Root, "tests", "Unit", "GoSync.Unit.Tests.csproj"), "-c", "Release", "-o", unitBase, "--nologo", "-v", "q"],
                repo.Root, "Building the unit tests");
        }
        var mutants = Mutant.All(repo).Where(m => options.Only.Count == 0 || options.Only.Any(o => m.Name.Contains(o, StringComparison.Ordinal))).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // TLC runs beside the mutants, one twin at a time, and starts no new twin once the mutants are done.
        var tlc = new ConcurrentDictionary<string, TlcOutcome>(StringComparer.Ordinal);
        var twins = mutants.Select(m => Twin(repo, m)).OfType<string>().Distinct().ToList();
        using var mutantsDone = new CancellationTokenSource();
        var tlcTask = options.TlcJar is { } jar
            ? Task.Run(() =>
            {
                foreach (var config in twins.TakeWhile(_ => !mutantsDone.IsCancellationRequested))
                {
                    tlc[config] = TlcOutcome.Run(repo, jar, config, options.TlcSeconds);
                    Console.Out.WriteLine($"TLC {config}: {tlc[config].Verdict} ({tlc[config].Seconds:F0} s)");
                }
            })
            : Task.CompletedTask;

        var rows = new MatrixRow[mutants.Count];
        Parallel.For(0, mutants.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, i =>
        {
            var r = rows[i] = Measure(repo, mutants[i], Path.Combine(scratch, mutants[i].Name), rewrittenBase, plainBase, unitBase, options);
            if (options.Report is { } partial)
            {
                lock (rows) // the report so far, so that a run cut short still leaves what it measured
                {
                    var done = rows.OfType<MatrixRow>().ToList();
                    MatrixReport.Write(repo, Path.Combine(repo.Root, partial), done, tlc, twins, options, Summary(done) + $" (partial: {done.Count} of {rows.Length} mutants measured so far)", clock.Elapsed.TotalMinutes);
                }
            }

            Console.Out.WriteLine($"{r.Mutant.Name}: unit {(r.Unit.Caught ? "caught" : "missed")}, stress {(r.Stress.Caught ? "caught" : "missed")}, " +
                string.Join(", ", r.Coyote.Select(d => $"{d.Layer} {(d.Caught ? $"{d.Iterations} it" : "missed")}")) + $", depth {r.Depth?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        });
        mutantsDone.Cancel();
        tlcTask.Wait();
        var minutes = clock.Elapsed.TotalMinutes;

        var summary = Summary(rows);
        Console.Out.WriteLine(summary);
        if (options.Report is { } report)
        {
            MatrixReport.Write(repo, Path.Combine(repo.Root, report), rows, tlc, twins, options, summary, minutes);
            Console.Out.WriteLine($"Wrote {report}.");
        }

        return rows.All(r => r.CaughtByCoyote) ? 0 : 1;
    }

    /// <summary>The mutant's TLA+ twin configuration, if the model has one.</summary>
    internal static string? Twin(Repository repo, Mutant mutant) =>
        mutant.Header.Bug is { } bug && File.Exists(Path.Combine(repo.Root, "tla", $"MCSyncMapBug{bug}.cfg")) ? $"MCSyncMapBug{bug}.cfg" : null;

    private static MatrixRow Measure(Repository repo, Mutant mutant, string dir, string rewrittenBase, string plainBase, string unitBase, MatrixOptions options)
    {
        var workspace = MutantWorkspace.Prepare(repo, mutant, dir, rewrittenBase);
        var assembly = workspace.Assemble(rewrittenBase, rewrite: true);
        var plain = workspace.Assemble(plainBase, rewrite: false);
        var unit = UnitOutcome.Run(repo, Path.Combine(workspace.WithMap(unitBase, "unit"), "GoSync.Unit.Tests.dll"), Path.Combine(dir, "unit.trx"));
        var environment = new Dictionary<string, string> { [RepositoryLayout.ArtifactsVariable] = Path.Combine(dir, "artifacts") };
        var harness = mutant.Header.Harness;
        ExplorationResult Explore(Exploration e) => HarnessProcess.Explore(repo, assembly, harness, e, Path.Combine(dir, "coyote"), environment: environment);

        var coyote = CoyoteStrategies
            .Select(s => Detection.From(s, Explore(new Exploration(s, IterationCap, Seed: options.Seed, TimeoutSeconds: options.Seconds))))
            .ToList();
        Detection stress;
        try
        {
            stress = Detection.From("stress", MutantsCommand.Stress(repo, plain, harness, options.Seconds));
        }
        catch (RunnerException e)
        {
            // A worker killed at its deadline (a deadlocked iteration's threads on a loaded machine) leaves no result:
            // no detection, said so, and the other mutants go on.
            stress = new Detection("stress", false, 0, options.Seconds, $"no result: {e.Message.Split('\n', 2)[0]}", FailureKind.None);
        }

        var depthRuns = new List<Detection>();
        int? depth = null;
        for (var bound = 0; bound <= options.MaxBound && depth is null; bound++)
        {
            var run = Detection.From($"prioritization, bound {bound}",
                Explore(new Exploration("prioritization", IterationCap, Seed: options.Seed, TimeoutSeconds: options.DepthSeconds, StrategyBound: (uint)bound)));
            depthRuns.Add(run);
            depth = run.Caught ? bound : null;
        }

        return new MatrixRow(mutant, unit, stress, coyote, depth, depthRuns);
    }

    internal static string Summary(IReadOnlyCollection<MatrixRow> rows)
    {
        var stressMisses = rows.Count(r => !r.Stress.Caught);
        var unitMisses = rows.Count(r => !r.Unit.Caught && !r.Unit.Unknown);
        var unitUnknown = rows.Count(r => r.Unit.Unknown);
        var needCoyote = rows.Count(r => r.NeedsCoyote);
        var coyoteMisses = rows.Count(r => !r.CaughtByCoyote);
        return string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} mutants: real-thread stress missed {stressMisses} at the same wall-clock budget as each Coyote strategy; the unit and model-based tests missed {unitMisses} (and did not finish within their deadline on {unitUnknown}); " +
            $"{needCoyote} were caught only by Coyote (missed by both stress and the unit tests); {coyoteMisses} escaped every Coyote strategy.");
    }
}

using System.Globalization;
using System.Text.Json;
using GoSync.Tooling;
using Spectre.Console;

namespace GoSync.Runner;

/// <summary>What became of one recorded trace.</summary>
/// <param name="Harness">The harness that recorded it.</param>
/// <param name="Iteration">Its iteration.</param>
/// <param name="Path">Where it lies (a rejected or malformed one is saved under artifacts/traces/).</param>
/// <param name="Steps">Its step lines.</param>
/// <param name="Status">accepted, rejected, error (TLC gave no verdict), unchecked (no TLC), out of scope, malformed.</param>
/// <param name="Detail">Why: the rejected step, the schema problems, or the reason it is out of the model's scope.</param>
/// <param name="Verdict">TLC's verdict, when TLC ran.</param>
internal sealed record TraceResult(string Harness, int Iteration, string Path, int Steps, string Status, string? Detail, TraceVerdict? Verdict);

/// <summary>The traces of one harness run (on the map or on a mutant) and their verdicts.</summary>
/// <param name="Harness">The harness.</param>
/// <param name="Iterations">Iterations Coyote ran.</param>
/// <param name="HarnessBug">The first line of the harness's own failure (its assertions, invariants, checker), or null.</param>
/// <param name="Traces">Every trace it recorded.</param>
/// <param name="RecordSeconds">Coyote's time, recording included.</param>
/// <param name="TlcSeconds">TLC's time for the batch (0 without TLC).</param>
internal sealed record HarnessTraces(string Harness, int Iterations, string? HarnessBug, IReadOnlyList<TraceResult> Traces, double RecordSeconds, double TlcSeconds)
{
    public int Count(string status) => Traces.Count(t => t.Status == status);

    public TraceResult? FirstRejected => Traces.FirstOrDefault(t => t.Status == "rejected");
}

/// <summary>What <c>validate-traces</c> is asked to do.</summary>
internal sealed record ValidateOptions(IReadOnlyCollection<string> Harnesses, int Iterations, uint Seed, bool Mutants, IReadOnlyCollection<string> Only, string? Report);

/// <summary>
/// Trace validation, model against code: records step logs from the harnesses, checks that each is well formed, and,
/// with TLC (<c>TLA2TOOLS_JAR</c>), that <c>tla/SyncMap.tla</c> can take every step of it (<c>tla/SyncMapTrace.tla</c>).
/// With <c>--mutants</c>, does the same for every seeded bug and divergence and tells who caught each.
/// </summary>
internal static class ValidateTracesCommand
{
    /// <summary>
    /// The variable that makes the harnesses write every iteration's step log, as <c>DIR/&lt;harness&gt;/&lt;iteration&gt;.ndjson</c>:
    /// <c>Iteration.StepLogsVariable</c> of tests/Systematic, which the runner cannot name (it runs harness assemblies by path).
    /// </summary>
    public const string StepLogsVariable = "GOSYNC_STEP_LOGS";

    public static int Run(Repository repo, ValidateOptions options)
    {
        var validator = TlcValidator.FromEnvironment(repo);
        AnsiConsole.MarkupLine(validator is null
            ? $"[yellow]TLC validation skipped:[/] {TlcValidator.JarVariable} is not set; traces are recorded and checked for well-formedness only."
            : $"TLC: {Markup.Escape(Environment.GetEnvironmentVariable(TlcValidator.JarVariable)!)}");
        return options.Mutants ? RunMutants(repo, options, validator) : RunHarnesses(repo, options, validator);
    }

    private static int RunHarnesses(Repository repo, ValidateOptions options, TlcValidator? validator)
    {
        AnsiConsole.MarkupLine("[bold]Building and rewriting[/] tests/Systematic (Release) ...");
        var assembly = repo.BuildSystematic(Path.Combine(repo.Root, "tests", "Systematic", "bin", "coyote"));
        var harnesses = Select(HarnessList.Read(assembly), options.Harnesses);
        var scratch = Path.Combine(Path.GetTempPath(), "gosync-traces");
        var results = new List<HarnessTraces>();
        var coverage = new TraceCoverage();
        foreach (var harness in harnesses)
        {
            Console.Out.Write($"{harness}: recording {options.Iterations} iterations");
            var result = RecordAndValidate(repo, assembly, harness, options, Path.Combine(scratch, "map"), "map", validator, coverage);
            Console.Out.WriteLine($" -> {Line(result)}");
            results.Add(result);
        }

        AnsiConsole.Write(HarnessTable(results, validator is not null));
        foreach (var rejected in results.SelectMany(r => r.Traces).Where(t => t.Status is "rejected" or "error" or "malformed"))
        {
            Console.Out.WriteLine($"{rejected.Status.ToUpperInvariant()} {rejected.Harness} iteration {rejected.Iteration}: {rejected.Detail}\n  saved as {Path.GetRelativePath(repo.Root, rejected.Path)}");
        }

        AnsiConsole.Write(coverage.Table());
        var missing = coverage.NeverExercised();
        Console.Out.WriteLine(missing.Count == 0
            ? "Every action of Step(t) a correct C# step can be was exercised."
            : $"Never exercised: {string.Join(", ", missing)}");
        WriteData(repo, options.Report ?? Path.Combine(repo.Artifacts, "traces", "validation.json"), new { harnesses = results, coverage = coverage.Rows() });

        var bad = results.Sum(r => r.Count("rejected") + r.Count("error") + r.Count("malformed"));
        var accepted = results.Sum(r => r.Count("accepted"));
        Console.Out.WriteLine(validator is null
            ? $"TLC validation was skipped ({TlcValidator.JarVariable} unset): {results.Sum(r => r.Traces.Count)} traces recorded, {results.Sum(r => r.Count("malformed"))} malformed."
            : $"{accepted} traces accepted, {results.Sum(r => r.Count("rejected"))} rejected, {results.Sum(r => r.Count("error"))} TLC errors, {results.Sum(r => r.Count("out of scope"))} out of the model's scope.");
        return bad == 0 ? 0 : 1;
    }

    private static int RunMutants(Repository repo, ValidateOptions options, TlcValidator? validator)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "gosync-traces");
        AnsiConsole.MarkupLine("[bold]Building[/] the systematic tests (Release) ...");
        var rewrittenBase = Path.Combine(scratch, "base-rewritten");
        repo.BuildSystematic(rewrittenBase);
        var patches = Patch.All(repo).Where(p => options.Only.Count == 0 || options.Only.Any(o => p.Name.Contains(o, StringComparison.Ordinal))).ToList();
        var rows = new List<(Patch Patch, HarnessTraces Result)>();
        foreach (var patch in patches)
        {
            Console.Out.Write($"{patch.Name} ({patch.Harness}): building");
            var dir = Path.Combine(scratch, patch.Name);
            var workspace = MutantWorkspace.Prepare(repo, patch.Name, patch.Path, dir, rewrittenBase);
            var assembly = workspace.Assemble(rewrittenBase, rewrite: true);
            Console.Out.Write(", recording");
            var result = RecordAndValidate(repo, assembly, patch.Harness, options, dir, patch.Name, validator, coverage: null);
            Console.Out.WriteLine($" -> {Line(result)}");
            rows.Add((patch, result));
        }

        var table = new Table().AddColumns("Patch", "Kind", "Harness", "Iterations", "Harness fails", "Traces", "Validation rejects", "First rejected step", "Caught by");
        foreach (var (patch, r) in rows)
        {
            var first = r.FirstRejected?.Verdict;
            table.AddRow(Markup.Escape(patch.Name), patch.Kind, r.Harness, Num(r.Iterations), r.HarnessBug is null ? "no" : "yes",
                Num(r.Traces.Count), validator is null ? "skipped" : r.FirstRejected is null ? "no" : $"yes ({r.Count("rejected")})",
                first is null ? "-" : Markup.Escape($"i={first.I} {first.Action} ({first.Method})"), CaughtBy(r, validator is not null));
        }

        AnsiConsole.Write(table);
        WriteData(repo, options.Report ?? Path.Combine(repo.Artifacts, "traces", "mutants.json"),
            rows.Select(r => new { patch = r.Patch.Name, kind = r.Patch.Kind, caughtBy = CaughtBy(r.Result, validator is not null), result = r.Result }));

        // Every divergence must be caught by trace validation alone; every seeded bug by something.
        var missed = rows.Where(r => CaughtBy(r.Result, validator is not null) is "neither" || (r.Patch.Kind == "divergence" && validator is not null
            && CaughtBy(r.Result, true) != "trace validation only")).Select(r => r.Patch.Name).ToList();
        Console.Out.WriteLine(missed.Count == 0 ? $"All {rows.Count} patches caught as expected." : $"Not caught as expected: {string.Join(", ", missed)}");
        return missed.Count == 0 ? 0 : 1;
    }

    private static string CaughtBy(HarnessTraces r, bool validated) => (r.HarnessBug is not null, validated && r.FirstRejected is not null) switch
    {
        (true, true) => "both",
        (true, false) => "harness only",
        (false, true) => "trace validation only",
        _ => "neither",
    };

    /// <summary>Runs <paramref name="harness"/> recording every iteration's step log, then checks and validates the logs.</summary>
    /// <remarks>The accepted logs (every well-formed one in scope, without TLC) are counted into <paramref name="coverage"/>.</remarks>
    private static HarnessTraces RecordAndValidate(
        Repository repo, string assembly, string harness, ValidateOptions options, string dir, string label, TlcValidator? validator, TraceCoverage? coverage)
    {
        var logs = Path.Combine(dir, "logs");
        if (Directory.Exists(Path.Combine(logs, harness)))
        {
            Directory.Delete(Path.Combine(logs, harness), recursive: true);
        }

        var environment = new Dictionary<string, string>
        {
            [StepLogsVariable] = logs,
            [RepositoryLayout.ArtifactsVariable] = Path.Combine(dir, "artifacts"),
        };
        var outcome = HarnessProcess.Explore(repo, assembly, harness, new Exploration(Strategies.Default, options.Iterations, Seed: options.Seed),
            Path.Combine(dir, "coyote"), environment: environment);

        // A failing iteration may stop before it finishes: its log is then only in its artifacts.
        var failing = Path.Combine(dir, "artifacts", harness, "steps.ndjson");
        if (outcome.Bugs > 0 && File.Exists(failing))
        {
            var iteration = StepLogFile.Read(failing).Iteration;
            var target = Path.Combine(logs, harness, $"{iteration}.ndjson");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(failing, target, overwrite: true);
        }

        var files = Directory.Exists(Path.Combine(logs, harness))
            ? Directory.GetFiles(Path.Combine(logs, harness), "*.ndjson").OrderBy(f => int.TryParse(Path.GetFileNameWithoutExtension(f), out var n) ? n : 0).ToList()
            : [];
        if (files.Count == 0)
        {
            throw new RunnerException($"{harness} wrote no step log under {logs}: is {StepLogsVariable} honoured by the harnesses?");
        }

        var read = files.Select(StepLogFile.Read).ToList();
        var checkable = read.Where(l => l.WellFormed && l.OutOfScope is null).ToList();
        var run = validator is null || checkable.Count == 0 ? null : validator.Validate(checkable, Path.Combine(dir, "tlc"));
        var results = read.Select(log =>
        {
            if (!log.WellFormed)
            {
                return Result(log, "malformed", string.Join("; ", log.Problems.Take(5)), null);
            }

            if (log.OutOfScope is { } why)
            {
                return Result(log, "out of scope", why, null);
            }

            if (run is null)
            {
                return Result(log, "unchecked", null, null);
            }

            var verdict = run.Verdicts[checkable.IndexOf(log)];
            return Result(log, verdict.Error is not null ? "error" : verdict.Accepted ? "accepted" : "rejected", verdict.Accepted ? null : verdict.Describe(), verdict);
        }).Select(r => r.Status is "rejected" or "error" or "malformed" ? Save(repo, label, r) : r).ToList();

        foreach (var (log, result) in read.Zip(results).Where(p => p.Second.Status is "accepted" or "unchecked"))
        {
            coverage?.Add(log);
        }

        var bug = outcome.Bugs > 0 ? outcome.BugReport.Split('\n', 2)[0].Trim() : null;
        return new HarnessTraces(harness, outcome.Iterations, bug, results, outcome.Seconds, run?.Seconds ?? 0);

        TraceResult Result(StepLogFile log, string status, string? detail, TraceVerdict? verdict) =>
            new(harness, log.Iteration, log.Path, log.StepCount, status, detail, verdict);
    }

    /// <summary>Keeps a rejected, failed or malformed trace under artifacts/traces/ (the scratch folder is reused).</summary>
    private static TraceResult Save(Repository repo, string label, TraceResult result)
    {
        var target = Path.Combine(repo.Artifacts, "traces", label, result.Harness, $"{result.Iteration}.ndjson");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(result.Path, target, overwrite: true);
        return result with { Path = target };
    }

    private static IReadOnlyList<string> Select(IReadOnlyList<string> all, IReadOnlyCollection<string> only)
    {
        var chosen = all.Where(h => only.Count == 0 || only.Contains(h)).ToList();
        return chosen.Count > 0 ? chosen : throw new RunnerException($"No harness matches {string.Join(", ", only)}.");
    }

    private static string Line(HarnessTraces r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Traces.Count} traces, {r.Traces.Sum(t => t.Steps)} steps: {string.Join(", ", r.Traces.GroupBy(t => t.Status).Select(g => $"{g.Count()} {g.Key}"))}" +
        $"{(r.HarnessBug is null ? "" : "; harness failed")} ({r.RecordSeconds:F1} s recording, {r.TlcSeconds:F1} s TLC)");

    private static Table HarnessTable(IReadOnlyList<HarnessTraces> results, bool validated)
    {
        var table = new Table().AddColumns("Harness", "Traces", "Steps", "Accepted", "Rejected", "Out of scope", "Malformed", "Record (s)", "TLC (s)");
        foreach (var r in results)
        {
            table.AddRow(r.Harness, Num(r.Traces.Count), Num(r.Traces.Sum(t => t.Steps)), validated ? Num(r.Count("accepted")) : "skipped",
                validated ? Num(r.Count("rejected") + r.Count("error")) : "skipped", Num(r.Count("out of scope")), Num(r.Count("malformed")),
                r.RecordSeconds.ToString("F1", CultureInfo.InvariantCulture), r.TlcSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void WriteData(Repository repo, string path, object data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(data, new JsonSerializerOptions { WriteIndented = true }));
        Console.Out.WriteLine($"Results as JSON: {Path.GetRelativePath(repo.Root, Path.GetFullPath(path))}");
    }
}

using System.Diagnostics;
using System.Text.Json;
using GoSync.Tooling;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Infrastructure;

/// <summary>Runs a harness in-process through Coyote's <see cref="TestingEngine"/>, as <c>dotnet coyote test</c> would.</summary>
public static class SystematicRun
{
    /// <summary>
    /// Explores <paramref name="harness"/> within <paramref name="settings"/>, or replays <paramref name="trace"/> when
    /// one is given; on a bug, writes Coyote's reports into <paramref name="reportDirectory"/> (by default the harness's
    /// artifacts folder). <paramref name="onIteration"/> is told of each iteration that ends, counting from 1.
    /// </summary>
    /// <remarks>
    /// Exploration records no step log and draws no Coyote trace graph (together they cost about a third of the
    /// exploration's time, docs/systematic-testing.md, and neither changes a schedule); when an iteration fails, its
    /// trace is replayed once more with both on, so that the artifacts show the interleaving all the same. A replay,
    /// and a run that asks for every log (GOSYNC_STEP_LOGS), record throughout.
    /// </remarks>
    public static ExplorationResult Run(
        string harness, SystematicSettings settings, string? trace = null, string? reportDirectory = null, Action<int>? onIteration = null)
    {
        var logging = Iteration.StepLogging;
        try
        {
            Iteration.StepLogging = logging && (trace is not null || Iteration.EveryStepLogRequested);
            IterationNumbers.Restart(harness, next: 1);
            var result = Explore(harness, settings, trace, reportDirectory, onIteration, out var failingTrace);
            if (failingTrace is not null && logging && !Iteration.StepLogging)
            {
                // The same schedule again, logged: it rewrites the failing iteration's artifacts, now with steps.ndjson.
                Iteration.StepLogging = true;
                IterationNumbers.Restart(harness, next: result.Iterations);
                Explore(harness, settings, failingTrace, reportDirectory, onIteration: null, out _);
            }

            return result;
        }
        finally
        {
            Iteration.StepLogging = logging;
        }
    }

    private static ExplorationResult Explore(
        string harness, SystematicSettings settings, string? trace, string? reportDirectory, Action<int>? onIteration, out string? failingTrace)
    {
        var method = HarnessCatalog.Harnesses[harness];
        // Coyote's trace analysis only draws the call-site graph of a bug's schedule (<harness>.trace.dgml) and costs
        // about a quarter of an iteration: a replay draws it, exploration does not, and so a failing iteration's
        // replay (Run) still leaves it with the reports.
        var configuration = settings.ToConfiguration().WithTraceAnalysisEnabled(trace is not null);
        if (trace is not null)
        {
            configuration = configuration.WithReproducibleTrace(trace);
        }

        var test = method.CreateDelegate<Func<Task>>();
        using var engine = TestingEngine.Create(configuration, test);
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None)); // the result is data; Coyote's running commentary would only be noise
        var clock = Stopwatch.StartNew();
        engine.RegisterEndIterationCallBack(i =>
        {
            onIteration?.Invoke((int)i + 1);
            // Coyote's own timeout ignores the iteration bound; this keeps both: at most so many, within so long.
            if (settings.TimeoutSeconds is { } limit && clock.Elapsed.TotalSeconds >= limit)
            {
                engine.Stop();
            }
        });
        Iteration.LastFailure = null;
        engine.Run();
        var seconds = clock.Elapsed.TotalSeconds;
        var report = engine.TestReport;
        var reports = new List<string>();
        Iteration.WriteArtifactsIfFailed(); // the engine stops at the failing iteration, so it is the last one
        if (report.NumOfFoundBugs > 0)
        {
            var dir = reportDirectory ?? Artifacts.For(harness);
            Directory.CreateDirectory(dir);
            if (engine.TryEmitReports(dir, harness, out var paths))
            {
                reports.AddRange(paths);
            }
        }

        failingTrace = report.NumOfFoundBugs > 0 ? engine.ReproducibleTrace : null;
        var fairPaths = report.NumOfExploredFairPaths;
        return new ExplorationResult(
            harness,
            trace is null ? settings.Strategy : "replay",
            fairPaths + report.NumOfExploredUnfairPaths,
            fairPaths == 0 ? 0 : (int)(report.TotalExploredFairSteps / fairPaths),
            report.NumOfFoundBugs,
            Math.Round(seconds, 3),
            string.Join(Environment.NewLine, report.BugReports),
            reports,
            report.NumOfFoundBugs > 0 && Iteration.LastFailure is { } failed ? failed.Kind : FailureKind.None);
    }

    /// <summary>
    /// The trace that GOSYNC_REPLAY names, or null. A relative path is taken from the current directory, else from the
    /// repository root (dotnet test runs the tests in the build folder, not where the command was typed).
    /// </summary>
    public static string? ReplayTraceFromEnvironment()
    {
        var replay = Environment.GetEnvironmentVariable("GOSYNC_REPLAY");
        if (string.IsNullOrEmpty(replay))
        {
            return null;
        }

        var candidates = Path.IsPathRooted(replay)
            ? [replay]
            : new[] { Path.GetFullPath(replay), Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory) ?? ".", replay) };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"GOSYNC_REPLAY names no file: tried {string.Join(", ", candidates)}.");
    }

    /// <summary>The harness a <c>.trace</c> file was recorded for: its TestName, else the folder it lies in.</summary>
    public static string HarnessOfTrace(string tracePath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(tracePath));
        var testName = json.RootElement.TryGetProperty("TestName", out var name) ? name.GetString() : null;
        var candidate = string.IsNullOrEmpty(testName) ? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(tracePath))) : testName;
        return HarnessCatalog.Harnesses.Keys.FirstOrDefault(h => candidate!.EndsWith(h, StringComparison.Ordinal))
            ?? throw new ArgumentException($"The trace {tracePath} names no known harness ('{candidate}').");
    }
}

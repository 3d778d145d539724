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
    public static ExplorationResult Run(
        string harness, SystematicSettings settings, string? trace = null, string? reportDirectory = null, Action<int>? onIteration = null)
    {
        var method = HarnessCatalog.Harnesses[harness];
        var configuration = settings.ToConfiguration();
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

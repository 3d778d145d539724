using System.Text.Json;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Infrastructure;

/// <summary>What one harness's run under Coyote's testing engine found.</summary>
/// <param name="Harness">The harness.</param>
/// <param name="Iterations">Iterations explored.</param>
/// <param name="Bugs">Bugs found (0 or 1: the engine stops at the first).</param>
/// <param name="BugReport">Coyote's report of the bug, or empty.</param>
/// <param name="Reports">Paths of the reports written, the replayable <c>.trace</c> among them.</param>
public sealed record SystematicResult(string Harness, int Iterations, int Bugs, string BugReport, IReadOnlyList<string> Reports);

/// <summary>Runs a harness in-process through Coyote's <see cref="TestingEngine"/>, as <c>dotnet coyote test</c> would.</summary>
public static class SystematicRun
{
    /// <summary>
    /// Explores <paramref name="harness"/> within <paramref name="settings"/>, or replays <paramref name="trace"/> when
    /// one is given; on a bug, writes Coyote's reports into <c>artifacts/&lt;harness&gt;/</c>.
    /// </summary>
    public static SystematicResult Run(string harness, SystematicSettings settings, string? trace = null)
    {
        var method = HarnessCatalog.Harnesses[harness];
        var configuration = settings.ToConfiguration();
        if (trace is not null)
        {
            configuration = configuration.WithReproducibleTrace(trace);
        }

        var test = method.CreateDelegate<Func<Task>>();
        using var engine = TestingEngine.Create(configuration, test);
        engine.Run();
        var report = engine.TestReport;
        var reports = new List<string>();
        Iteration.WriteArtifactsIfFailed(); // the engine stops at the failing iteration, so it is the last one
        if (report.NumOfFoundBugs > 0)
        {
            var dir = Artifacts.For(harness);
            Directory.CreateDirectory(dir);
            if (engine.TryEmitReports(dir, harness, out var paths))
            {
                reports.AddRange(paths);
            }
        }

        return new SystematicResult(
            harness,
            report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths,
            report.NumOfFoundBugs,
            string.Join(Environment.NewLine, report.BugReports),
            reports);
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
            : new[] { Path.GetFullPath(replay), Path.Combine(Artifacts.RepositoryRoot ?? ".", replay) };
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

using GoSync.Systematic.Harnesses;
using GoSync.Systematic.Infrastructure;
using GoSync.Tooling;
using Microsoft.Coyote.Rewriting;

namespace GoSync.Systematic.Scenarios;

/// <summary>
/// The harness process's <c>shrink</c> command: finds a failing scenario of RandomOperations, shrinks it with
/// <see cref="Shrinker"/> (each candidate explored in this process by Coyote's engine, through
/// <see cref="ScenarioHarness.ReplayScenario"/>), and writes the minimal one into the request's output directory as
/// <c>scenario.json</c>, <c>Harness.cs</c> (a method to paste) and, from one more exploration of it, Coyote's
/// replayable trace, the failing history and the failure (under <c>ReplayScenario/</c>).
/// </summary>
[SkipRewriting("Runs outside any controlled iteration: it drives the testing engine.")]
public static class ShrinkProcess
{
    public static ShrinkResult Run(ShrinkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Harness != nameof(RandomOperationsHarness.RandomOperations))
        {
            throw new ArgumentException($"Only {nameof(RandomOperationsHarness.RandomOperations)}'s scenario is data; {request.Harness}'s is code.");
        }

        var candidates = Path.Combine(request.OutputDirectory, "candidates");
        Environment.SetEnvironmentVariable(RepositoryLayout.ArtifactsVariable, candidates);
        var search = SystematicRun.Run(request.Harness, SystematicSettings.From(request.Search), reportDirectory: candidates);
        if (search.Bugs == 0 || RandomOperationsHarness.LastScenario is not { } failing)
        {
            return new ShrinkResult(search, null, null, [], 0, 0, null, null, null);
        }

        var shrunk = Shrinker.Shrink(failing, candidate => Explore(candidate, request.Candidate, candidates).Bugs > 0);

        Environment.SetEnvironmentVariable(RepositoryLayout.ArtifactsVariable, request.OutputDirectory);
        var minimal = Explore(shrunk.Minimal, request.Candidate, Path.Combine(request.OutputDirectory, nameof(ScenarioHarness.ReplayScenario)));
        var method = shrunk.Minimal.ToHarnessMethod(request.MethodName, request.Summary);
        var scenarioPath = Path.Combine(request.OutputDirectory, "scenario.json");
        File.WriteAllText(scenarioPath, shrunk.Minimal.ToJson());
        File.WriteAllText(Path.Combine(request.OutputDirectory, "Harness.cs"), method);
        Directory.Delete(candidates, recursive: true);
        return new ShrinkResult(search, failing.Size, shrunk.Minimal.Size, shrunk.Steps.Select(s => s.Change).ToList(), shrunk.Explorations,
            Math.Round(shrunk.Seconds, 1), minimal, method, scenarioPath);
    }

    private static ExplorationResult Explore(Scenario scenario, Exploration exploration, string reports)
    {
        ScenarioHarness.Current = scenario;
        try
        {
            return SystematicRun.Run(nameof(ScenarioHarness.ReplayScenario), SystematicSettings.From(exploration), reportDirectory: reports);
        }
        finally
        {
            ScenarioHarness.Current = null;
        }
    }
}

using GoSync.Specs;
using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Scenarios;

/// <summary>
/// Runs a <see cref="Scenario"/>: its set-up on the main task, then each of its task lists concurrently, then the
/// checks that end every iteration. RandomOperations draws its scenario and runs it here; a shrunk scenario, pasted as
/// a harness method, runs here too, and <see cref="ReplayScenario"/> runs one read from a file, so that the trace the
/// shrinker wrote replays.
/// </summary>
public static class ScenarioHarness
{
    /// <summary>The variable naming the scenario file <see cref="ReplayScenario"/> runs (the shrinker's scenario.json).</summary>
    public const string ScenarioVariable = "GOSYNC_SCENARIO";

    /// <summary>What <see cref="ReplayScenario"/> runs without a file: one Store racing a Load of a key in dirty.</summary>
    public static readonly Scenario Default = new([new(OpKind.Store, 1, 1)], [[new(OpKind.Load, 1)], [new(OpKind.Store, 1, 2)]]);

    /// <summary>Set in-process by the shrinker: the scenario <see cref="ReplayScenario"/> runs, before the file.</summary>
    internal static Scenario? Current { get; set; }

    /// <summary>
    /// The scenario in the file GOSYNC_SCENARIO names (else the shrinker's, else <see cref="Default"/>): the harness a
    /// shrunk scenario's trace replays on, <c>GOSYNC_SCENARIO=scenario.json dotnet coyote replay ... -m ReplayScenario</c>.
    /// </summary>
    [Test]
    public static Task ReplayScenario() => Run(nameof(ReplayScenario), Current ?? FromEnvironment() ?? Default);

    /// <summary>One iteration of <paramref name="scenario"/>, reported under the harness name <paramref name="harness"/>.</summary>
    public static async Task Run(string harness, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var run = Iteration.Start(harness);
        var m = run.Map;
        foreach (var op in scenario.Setup)
        {
            op.Apply(m, Iteration.Main);
        }

        var processes = new Action<int>[scenario.Threads.Length];
        for (var i = 0; i < processes.Length; i++)
        {
            var ops = scenario.Threads[i];
            processes[i] = p =>
            {
                for (var j = 0; j < ops.Length; j++)
                {
                    ops[j].Apply(m, p);
                }
            };
        }

        await run.Concurrently(processes);
        run.Finish();
    }

    private static Scenario? FromEnvironment() =>
        Environment.GetEnvironmentVariable(ScenarioVariable) is { Length: > 0 } path ? Scenario.FromJson(File.ReadAllText(path)) : null;
}

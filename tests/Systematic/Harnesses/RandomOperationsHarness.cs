using GoSync.Systematic.Scenarios;
using Microsoft.Coyote.Random;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>
/// Any mix of operations: the scenario (set-up and each task's operations, keys and values) is drawn from Coyote's
/// controlled random source, so the mix is explored along with the interleaving and a failing iteration still replays
/// exactly. The scenario is data (<see cref="Scenario"/>), kept for the shrinker, which makes a failing one smaller.
/// </summary>
public static class RandomOperationsHarness
{
    private const int Processes = 3;
    private const int OperationsPerProcess = 4;
    private const int SetupOperations = 3;

    /// <summary>The scenario of the latest iteration: after a run that found a bug, the failing one.</summary>
    internal static Scenario? LastScenario { get; private set; }

    /// <summary>Three tasks, four random operations each, over three keys, after a random set-up of three.</summary>
    [Test]
    public static Task RandomOperations()
    {
        var scenario = Scenario.Draw(Generator.Create(), SetupOperations, Processes, OperationsPerProcess);
        LastScenario = scenario;
        return ScenarioHarness.Run(nameof(RandomOperations), scenario);
    }
}

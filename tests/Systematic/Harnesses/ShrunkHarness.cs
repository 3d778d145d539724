using GoSync.Specs;
using GoSync.Systematic.Scenarios;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>
/// Minimal failing scenarios the runner's <c>shrink</c> command made from RandomOperations' failures on seeded bugs,
/// pasted as it wrote them (docs/shrinking.md): each is a short race that the correct map must survive, kept as a
/// regression scenario.
/// </summary>
public static class ShrunkHarness
{
    /// <summary>RandomOperations' failing scenario on mutant 02-unexpunge-not-put-back, shrunk from 15 operations to 5.</summary>
    [Test]
    public static Task ShrunkUnexpungeNotPutBack() => ScenarioHarness.Run(nameof(ShrunkUnexpungeNotPutBack), new Scenario(
        Setup: [],
        Threads:
        [
            [new(OpKind.Store, 2, Value: 1), new(OpKind.Range), new(OpKind.Delete, 2)],
            [new(OpKind.Store, 1, Value: null), new(OpKind.Store, 2, Value: 2)],
        ]));
}

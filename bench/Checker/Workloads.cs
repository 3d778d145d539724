using GoSync.Specs;
using GoSync.Specs.Generation;

namespace GoSync.Bench.Checker;

/// <summary>The histories the issue names, built once, each checked for the verdict it must get.</summary>
public static class Workloads
{
    /// <summary>The budget of the pathological check: it must end with Unknown at about this time.</summary>
    public static readonly TimeSpan PathologicalBudget = TimeSpan.FromMilliseconds(250);

    /// <summary>A budget the other checks never come near.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    /// <summary>10,000 operations from 8 processes over 64 keys: every operation, Range and Clear included.</summary>
    public static History Mixed { get; } = SimulatedHistory.Generate(
        new SimulationOptions(Processes: 8, Operations: 10_000, Keys: 64, Values: 8, PendingChance: 0.002), seed: 1);

    /// <summary>500 operations from 8 processes on a single key: the search's worst realistic case.</summary>
    public static History SingleKey { get; } = SimulatedHistory.Generate(
        new SimulationOptions(Processes: 8, Operations: 500, Keys: 1, Values: 8, PendingChance: 0.002), seed: 1);

    /// <summary>40 overlapping Stores and a Load of a value none wrote: about 40 · 2^39 configurations.</summary>
    public static History Pathological { get; } = PathologicalHistory.Build(stores: 40);

    /// <summary>Checks each workload once and fails loudly if one gets a verdict other than its own.</summary>
    public static void Verify()
    {
        Expect(Mixed, Generous, Verdict.Linearizable);
        Expect(SingleKey, Generous, Verdict.Linearizable);
        Expect(Pathological, PathologicalBudget, Verdict.Unknown);
    }

    private static void Expect(History history, TimeSpan budget, Verdict verdict)
    {
        var result = LinearizabilityChecker.Check(history, budget);
        if (result.Verdict != verdict)
        {
            throw new InvalidOperationException($"expected {verdict}, got {result.Explanation}");
        }
    }
}

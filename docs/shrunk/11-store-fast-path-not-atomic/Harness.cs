    /// <summary>RandomOperations's failing scenario on mutant 11-store-fast-path-not-atomic, shrunk by the runner's shrink command.</summary>
    [Test]
    public static Task ShrunkStoreFastPathNotAtomic() => ScenarioHarness.Run(nameof(ShrunkStoreFastPathNotAtomic), new Scenario(
        Setup: [],
        Threads:
        [
            [new(Op.Swap, 1, Value: null)],
            [new(Op.Swap, 1, Value: 2), new(Op.CompareAndDelete, 1, Expected: 2)],
        ]));

    /// <summary>RandomOperations's failing scenario on mutant 11-store-fast-path-not-atomic, shrunk by the runner's shrink command.</summary>
    [Test]
    public static Task ShrunkStoreFastPathNotAtomic() => ScenarioHarness.Run(nameof(ShrunkStoreFastPathNotAtomic), new Scenario(
        Setup: [],
        Threads:
        [
            [new(OpKind.Swap, 1, Value: null)],
            [new(OpKind.Swap, 1, Value: 2), new(OpKind.CompareAndDelete, 1, Expected: 2)],
        ]));

    /// <summary>RandomOperations's failing scenario on mutant 13-compare-and-swap-without-compare-in-dirty, shrunk by the runner's shrink command.</summary>
    [Test]
    public static Task ShrunkCompareAndSwapWithoutCompareInDirty() => ScenarioHarness.Run(nameof(ShrunkCompareAndSwapWithoutCompareInDirty), new Scenario(
        Setup: [],
        Threads:
        [
            [new(OpKind.Store, 2, Value: null)],
            [new(OpKind.CompareAndSwap, 2, Value: 2, Expected: 2)],
        ]));

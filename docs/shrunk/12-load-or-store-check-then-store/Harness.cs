    /// <summary>RandomOperations's failing scenario on mutant 12-load-or-store-check-then-store, shrunk by the runner's shrink command.</summary>
    [Test]
    public static Task ShrunkLoadOrStoreCheckThenStore() => ScenarioHarness.Run(nameof(ShrunkLoadOrStoreCheckThenStore), new Scenario(
        Setup: [],
        Threads:
        [
            [new(OpKind.LoadOrStore, 2, Value: 1)],
            [new(OpKind.Store, 2, Value: null)],
        ]));

    /// <summary>RandomOperations's failing scenario on mutant 02-unexpunge-not-put-back, shrunk by the runner's shrink command.</summary>
    [Test]
    public static Task ShrunkUnexpungeNotPutBack() => ScenarioHarness.Run(nameof(ShrunkUnexpungeNotPutBack), new Scenario(
        Setup: [],
        Threads:
        [
            [new(OpKind.Store, 2, Value: 1), new(OpKind.Range), new(OpKind.Delete, 2)],
            [new(OpKind.Store, 1, Value: null), new(OpKind.Store, 2, Value: 2)],
        ]));

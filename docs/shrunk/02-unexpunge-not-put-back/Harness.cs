    /// <summary>RandomOperations's failing scenario on mutant 02-unexpunge-not-put-back, shrunk by the runner's shrink command.</summary>
    [Test]
    public static Task ShrunkUnexpungeNotPutBack() => ScenarioHarness.Run(nameof(ShrunkUnexpungeNotPutBack), new Scenario(
        Setup: [],
        Threads:
        [
            [new(Op.Store, 2, Value: 1), new(Op.Range), new(Op.Delete, 2)],
            [new(Op.Store, 1, Value: null), new(Op.Store, 2, Value: 2)],
        ]));

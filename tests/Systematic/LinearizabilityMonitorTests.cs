using GoSync.Specs;
using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.SystematicTesting;
using Operation = GoSync.Specs.Operation;

namespace GoSync.Systematic;

/// <summary>
/// The monitor that ends every harness iteration (moved here from GoSync.Specs with the monitor, which is the one part of
/// the checking pipeline that needs Coyote). It only fails iterations; what is saved is <see cref="ArtifactsTests"/>'s.
/// </summary>
public sealed class LinearizabilityMonitorTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private static Operation StoreX1 => new(1, OpKind.Store, "x", 1, null, 1, 2);

    private static History Violating => new([
        StoreX1,
        new Operation(2, OpKind.Range, null, null, null, 3, 4, visited: [new KeyValuePair<object, object?>("x", 2)], stopped: false),
    ]);

    private static History Fine => new([StoreX1, new Operation(2, OpKind.Load, "x", null, null, 3, 4, true, 1)]);

    [Fact]
    public void Linearizable_iteration_passes()
    {
        var act = () => LinearizabilityMonitor.FailIfViolated(LinearizabilityChecker.Check(Fine, Budget));
        act.Should().NotThrow();
    }

    [Fact]
    public void Outside_coyote_a_violation_throws_with_the_explanation()
    {
        var result = LinearizabilityChecker.Check(Violating, Budget);
        var act = () => LinearizabilityMonitor.FailIfViolated(result);

        act.Should().Throw<AssertionFailureException>()
            .Which.Message.Should().Be(result.Explanation).And.Contain("NOT LINEARIZABLE").And.Contain("Range saw \"x\": 2");
    }

    [Fact]
    public void Unknown_verdict_does_not_fail_the_iteration()
    {
        var history = GoSync.Specs.Generation.PathologicalHistory.Build(40);
        var result = LinearizabilityChecker.Check(history, TimeSpan.FromMilliseconds(50));
        result.Verdict.Should().Be(Verdict.Unknown);
        var act = () => LinearizabilityMonitor.FailIfViolated(result);
        act.Should().NotThrow();
    }

    [Fact]
    public void Under_the_testing_engine_a_violation_is_reported_as_a_bug_with_the_explanation()
    {
        var config = Configuration.Create().WithTestingIterations(2);
        using var engine = TestingEngine.Create(
            config, () => LinearizabilityMonitor.FailIfViolated(LinearizabilityChecker.Check(Violating, Budget)));

        engine.Run();

        engine.TestReport.NumOfFoundBugs.Should().Be(1);
        engine.TestReport.BugReports.Should().ContainSingle().Which.Should().Contain("Could not place");
    }

    [Fact]
    public void Under_the_testing_engine_a_linearizable_history_is_no_bug()
    {
        var config = Configuration.Create().WithTestingIterations(2);
        using var engine = TestingEngine.Create(
            config, () => LinearizabilityMonitor.FailIfViolated(LinearizabilityChecker.Check(Fine, Budget)));

        engine.Run();

        engine.TestReport.NumOfFoundBugs.Should().Be(0);
    }
}

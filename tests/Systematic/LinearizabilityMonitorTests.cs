using GoSync.Specs;
using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.SystematicTesting;
using Operation = GoSync.Specs.Operation;

namespace GoSync.Systematic;

/// <summary>
/// The monitor that ends every harness iteration (moved here from GoSync.Specs with the monitor, which is the one part of
/// the checking pipeline that needs Coyote).
/// </summary>
public sealed class LinearizabilityMonitorTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gosync-monitor-" + Guid.NewGuid().ToString("N"));

    private static Operation StoreX1 => new(1, OpKind.Store, "x", 1, null, 1, 2);

    private static History Violating => new([
        StoreX1,
        new Operation(2, OpKind.Range, null, null, null, 3, 4, visited: [new KeyValuePair<object, object?>("x", 2)], stopped: false),
    ]);

    private static History Fine => new([StoreX1, new Operation(2, OpKind.Load, "x", null, null, 3, 4, true, 1)]);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Linearizable_iteration_passes_and_saves_nothing()
    {
        var result = LinearizabilityMonitor.CheckIteration(Fine, _dir, Budget);
        result.Verdict.Should().Be(Verdict.Linearizable);
        Directory.Exists(_dir).Should().BeFalse();
    }

    [Fact]
    public void Outside_coyote_a_violation_throws_with_the_explanation_and_saves_the_history()
    {
        var act = () => LinearizabilityMonitor.CheckIteration(Violating, _dir, Budget);

        act.Should().Throw<AssertionFailureException>()
            .Which.Message.Should().Contain("NOT LINEARIZABLE").And.Contain("Range saw \"x\": 2").And.Contain("violation-1.jsonl");
        File.Exists(Path.Combine(_dir, "violation-1.html")).Should().BeTrue();
        using var reader = File.OpenText(Path.Combine(_dir, "violation-1.jsonl"));
        LinearizabilityChecker.Check(HistoryJson.Read(reader), Budget).Verdict.Should().Be(Verdict.NotLinearizable);
    }

    [Fact]
    public void Second_violation_gets_its_own_files()
    {
        var act = () => LinearizabilityMonitor.CheckIteration(Violating, _dir, Budget);
        act.Should().Throw<AssertionFailureException>();
        act.Should().Throw<AssertionFailureException>();
        Directory.GetFiles(_dir).Select(Path.GetFileName).Should().BeEquivalentTo(
            "violation-1.jsonl", "violation-1.html", "violation-2.jsonl", "violation-2.html");
    }

    [Fact]
    public void Unknown_verdict_does_not_fail_the_iteration()
    {
        var history = GoSync.Specs.Generation.PathologicalHistory.Build(40);
        var result = LinearizabilityMonitor.CheckIteration(history, null, TimeSpan.FromMilliseconds(50));
        result.Verdict.Should().Be(Verdict.Unknown);
    }

    [Fact]
    public void Under_the_testing_engine_a_violation_is_reported_as_a_bug_with_the_explanation()
    {
        var config = Configuration.Create().WithTestingIterations(2);
        using var engine = TestingEngine.Create(config, () => LinearizabilityMonitor.CheckIteration(Violating, null, Budget));

        engine.Run();

        engine.TestReport.NumOfFoundBugs.Should().Be(1);
        engine.TestReport.BugReports.Should().ContainSingle().Which.Should().Contain("Could not place");
    }

    [Fact]
    public void Under_the_testing_engine_a_linearizable_history_is_no_bug()
    {
        var config = Configuration.Create().WithTestingIterations(2);
        using var engine = TestingEngine.Create(config, () => LinearizabilityMonitor.CheckIteration(Fine, null, Budget));

        engine.Run();

        engine.TestReport.NumOfFoundBugs.Should().Be(0);
    }
}

using GoSync.Specs;
using GoSync.Specs.Generation;
using GoSync.Systematic.Infrastructure;
using GoSync.StepLog;
using GoSync.Tooling;
using Operation = GoSync.Specs.Operation;

namespace GoSync.Systematic;

/// <summary>
/// The one artifact writer: history, text and timeline of a failing iteration all come from the iteration's one
/// <see cref="CheckResult"/>; the writer never checks the history again.
/// </summary>
public sealed class ArtifactsTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "gosync-artifacts-" + Guid.NewGuid().ToString("N"));
    private readonly string? _saved = Environment.GetEnvironmentVariable(RepositoryLayout.ArtifactsVariable);

    // xunit's parallelism is off in this assembly, so pointing the process-wide root at a temporary folder is safe.
    public ArtifactsTests() => Environment.SetEnvironmentVariable(RepositoryLayout.ArtifactsVariable, _root);

    private static History Violating => new([
        new Operation(1, OpKind.Store, "x", 1, null, 1, 2),
        new Operation(2, OpKind.Range, null, null, null, 3, 4, visited: [new KeyValuePair<object, object?>("x", 2)], stopped: false),
    ]);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(RepositoryLayout.ArtifactsVariable, _saved);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_violation_s_text_and_timeline_come_from_the_one_result()
    {
        var result = LinearizabilityChecker.Check(Violating, Budget);
        var dir = Artifacts.WriteFailure(new FailedIteration("H", Violating, "Coyote's copy", result));

        File.ReadAllText(Path.Combine(dir, "timeline.html")).Should().Be(HtmlTimeline.Render(Violating, result));
        File.ReadAllText(Path.Combine(dir, "failure.txt")).Should()
            .StartWith(result.Explanation + Environment.NewLine + "Placement secret of the map: ");
        using var reader = File.OpenText(Path.Combine(dir, "history.jsonl"));
        HistoryJson.Read(reader).Operations.Should().HaveCount(Violating.Operations.Count);
    }

    [Fact]
    public void The_writer_does_not_check_again()
    {
        // A 50 ms budget leaves this history Unknown; any re-check with another budget would say so in other words
        // ("the budget of 5 s ran out"), or decide it. The page must carry the result it was given.
        var history = PathologicalHistory.Build(40);
        var result = LinearizabilityChecker.Check(history, TimeSpan.FromMilliseconds(50));
        result.Verdict.Should().Be(Verdict.Unknown);

        var dir = Artifacts.WriteFailure(new FailedIteration("H", history, "deadlock", result));

        File.ReadAllText(Path.Combine(dir, "timeline.html")).Should().Be(HtmlTimeline.Render(history, result))
            .And.Contain(System.Net.WebUtility.HtmlEncode(result.Explanation));
        File.ReadAllLines(Path.Combine(dir, "failure.txt"))[0].Should().Be("deadlock");
    }

    [Fact]
    public void An_iteration_that_failed_before_checking_gets_an_unchecked_timeline_and_coyote_s_message()
    {
        var dir = Artifacts.WriteFailure(new FailedIteration("H", Violating, "Invariant X broken", Check: null));

        File.ReadAllText(Path.Combine(dir, "timeline.html")).Should().Contain("<h1 class=\"verdict unknown\">Not checked</h1>")
            .And.NotContain("Could not place");
        File.ReadAllLines(Path.Combine(dir, "failure.txt"))[0].Should().Be("Invariant X broken");
    }

    [Fact]
    public void A_failing_exploration_s_artifacts_carry_the_step_log_and_trace_graph_of_its_failing_iteration_replayed()
    {
        // Exploration logs no steps and draws no trace graph; a bound of 1 scheduling step (10 for a fair strategy such
        // as random) fails an iteration as a livelock, and its replay must leave both, the log numbered as the
        // iteration that failed, beside the other artifacts.
        var settings = new SystematicSettings(Iterations: 20, Strategy: "random", Seed: 1, MaxSteps: 1);

        var result = SystematicRun.Run("DeleteThenStore", settings, reportDirectory: Path.Combine(_root, "reports"));

        result.Bugs.Should().Be(1, $"{result}");
        using var reader = File.OpenText(Path.Combine(Artifacts.For("DeleteThenStore"), "steps.ndjson"));
        var log = StepLogJson.Read(reader);
        log.Iteration.Should().Be(result.Iterations);
        log.Steps.Should().NotBeEmpty();
        File.Exists(Path.Combine(_root, "reports", "DeleteThenStore.trace.dgml")).Should()
            .BeTrue("the replay draws Coyote's trace graph, which exploration does not");
        Iteration.StepLogging.Should().BeTrue("the run restores the process's setting");
    }
}

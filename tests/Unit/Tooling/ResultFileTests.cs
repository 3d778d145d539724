using GoSync.Runner;
using GoSync.Tooling;

namespace GoSync.Tests.Tooling;

/// <summary>
/// A child process hands the runner its result as a JSON file, not as console text for the runner to slice or match
/// with regular expressions: a harness process its <see cref="ExplorationResult"/> (Coyote's figures), a stress worker
/// its <see cref="StressResult"/>. Whatever a bug report or failure says comes back whole, and a process that died
/// before writing is told apart from one that found nothing.
/// </summary>
public sealed class ResultFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gosync-result-test-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("")]
    [InlineData("NOT LINEARIZABLE: key 3\n..... Iteration #12 found bug #1\nFound 2 bugs. Explored 7 execution paths")]
    public void An_exploration_result_round_trips_whatever_the_bug_report_says(string bugReport)
    {
        var written = new ExplorationResult("DeleteThenStore", "portfolio", 12, 24, bugReport.Length > 0 ? 1 : 0, 0.5, bugReport,
            ["/tmp/a/DeleteThenStore.txt", "/tmp/a/DeleteThenStore.trace"]);
        written.Write(_path);

        var read = ExplorationResult.Read(_path);

        read.Should().BeEquivalentTo(written);
        read.TracePath.Should().Be("/tmp/a/DeleteThenStore.trace");
    }

    [Fact]
    public void A_harness_process_that_died_before_writing_is_an_error_not_an_empty_result()
    {
        var act = () => ExplorationResult.Read(_path);
        act.Should().Throw<InvalidDataException>().WithMessage("No exploration result in *");
    }

    [Fact]
    public void A_truncated_exploration_result_is_an_error()
    {
        File.WriteAllText(_path, """{"Harness":"DeleteThenStore","Iterations":""");
        var act = () => ExplorationResult.Read(_path);
        act.Should().Throw<InvalidDataException>().WithMessage("No exploration result in *");
    }

    [Fact]
    public void An_exploration_request_round_trips()
    {
        var written = new ExplorationRequest("RandomOperations", new Exploration("random", 500, 2000, 7, 4), null, "/tmp/r", "/tmp/r/result.json", true);
        written.Write(_path);
        ExplorationRequest.Read(_path).Should().Be(written);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DeletedKeysLeaveDirty: seconds=3 failure=x {0}\nsecond line")]
    public void A_stress_result_round_trips_whatever_the_failure_says(string? failure)
    {
        var written = new StressResult(1234, 5.07, failure);
        written.Write(_path);
        StressResult.Read(_path).Should().Be(written);
    }

    [Fact]
    public void A_stress_worker_that_died_before_writing_is_a_runner_error()
    {
        var act = () => StressResult.Read(_path);
        act.Should().Throw<RunnerException>().WithMessage("No stress result in *");
    }
}

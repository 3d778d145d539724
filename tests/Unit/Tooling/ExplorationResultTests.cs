using GoSync.Tooling;

namespace GoSync.Tests.Tooling;

/// <summary>
/// A harness process hands the runner Coyote's figures as a JSON file, not as console text for the runner to read with
/// regular expressions: whatever the bug report says comes back whole, and a process that died before writing is told
/// apart from one that found nothing.
/// </summary>
public sealed class ExplorationResultTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gosync-exploration-test-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("")]
    [InlineData("NOT LINEARIZABLE: key 3\n..... Iteration #12 found bug #1\nFound 2 bugs. Explored 7 execution paths")]
    public void Round_trips_whatever_the_bug_report_says(string bugReport)
    {
        var written = new ExplorationResult("DeleteThenStore", "portfolio", 12, 24, bugReport.Length > 0 ? 1 : 0, 0.5, bugReport,
            ["/tmp/a/DeleteThenStore.txt", "/tmp/a/DeleteThenStore.trace"]);
        written.Write(_path);

        var read = ExplorationResult.Read(_path);

        read.Should().BeEquivalentTo(written);
        read.TracePath.Should().Be("/tmp/a/DeleteThenStore.trace");
    }

    [Fact]
    public void A_process_that_died_before_writing_is_an_error_not_an_empty_result()
    {
        var act = () => ExplorationResult.Read(_path);
        act.Should().Throw<InvalidDataException>().WithMessage("No exploration result in *");
    }

    [Fact]
    public void A_truncated_result_is_an_error()
    {
        File.WriteAllText(_path, """{"Harness":"DeleteThenStore","Iterations":""");
        var act = () => ExplorationResult.Read(_path);
        act.Should().Throw<InvalidDataException>().WithMessage("No exploration result in *");
    }

    [Fact]
    public void A_request_round_trips()
    {
        var written = new ExplorationRequest("RandomOperations", new Exploration("random", 500, 2000, 7, 4), null, "/tmp/r", "/tmp/r/result.json", true);
        written.Write(_path);
        ExplorationRequest.Read(_path).Should().Be(written);
    }
}

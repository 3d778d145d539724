using GoSync.Runner;

namespace GoSync.Tests.Mutants;

/// <summary>
/// The stress worker's result travels as a JSON file: a failure message with spaces, '=', "failure=" or line breaks
/// (which the old "stress-result iterations=N seconds=S failure=..." line split at the wrong places or lost after the
/// first line) comes back whole.
/// </summary>
public sealed class StressResultTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gosync-stress-test-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DeletedKeysLeaveDirty: seconds=3 failure=x {0}\nsecond line")]
    public void Round_trips_whatever_the_failure_says(string? failure)
    {
        var written = new StressResult(1234, 5.07, failure);
        written.Write(_path);
        StressResult.Read(_path).Should().Be(written);
    }

    [Fact]
    public void A_worker_that_died_before_writing_is_a_runner_error()
    {
        var act = () => StressResult.Read(_path);
        act.Should().Throw<RunnerException>().WithMessage("No stress result in *");
    }
}

using GoSync.Systematic.Infrastructure;

namespace GoSync.Systematic;

/// <summary>
/// The entry point of the runner's <c>coverage</c> command, which measures one harness per <c>dotnet test</c> process
/// under coverlet (one process per harness, so that each harness's hits are its own). GOSYNC_COVERAGE_HARNESS names the
/// harness; unset, as in every other run, the test explores nothing (the harnesses run in <see cref="HarnessTests"/>).
/// A harness is chosen by variable, not by a test filter: xunit cuts a theory's display name after 50 characters of
/// its argument, so a filter cannot name the longer harnesses exactly.
/// </summary>
public class CoverageRun
{
    public const string HarnessVariable = "GOSYNC_COVERAGE_HARNESS";

    [Fact]
    public void Explores_the_harness_GOSYNC_COVERAGE_HARNESS_names_without_finding_a_bug()
    {
        if (Environment.GetEnvironmentVariable(HarnessVariable) is not { Length: > 0 } harness)
        {
            return;
        }

        HarnessCatalog.Harnesses.Should().ContainKey(harness);
        var result = SystematicRun.Run(harness, SystematicSettings.FromEnvironment());
        result.Bugs.Should().Be(0, result.BugReport);
    }
}

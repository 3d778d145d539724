using GoSync.Runner;
using Xunit.Abstractions;

namespace GoSync.Tests.Mutants;

/// <summary>
/// The committed Coyote traces of seeded bugs (tests/Mutants/fixtures) replay the same failure, with the same recorded
/// history, every time; and the same trace against the correct map does not fail. Builds the mutant, so it takes a
/// minute or two.
/// </summary>
public class RegressionFixtureTests(ITestOutputHelper output)
{
    [Fact]
    public void Each_committed_trace_replays_its_seeded_bug_three_times_and_not_against_the_correct_map()
    {
        var results = FixtureReplay.ReplayAll(Repository.Locate(), times: 3, output.WriteLine);

        results.Should().Contain(r => r.Run == 0, "each fixture is also replayed against the correct map");
        results.Count(r => r.Run > 0).Should().BeGreaterThanOrEqualTo(3);
        results.Should().OnlyContain(r => r.AsExpected,
            "every replay against the mutant reproduces the recorded failure and history, and none against the correct map does");
    }
}

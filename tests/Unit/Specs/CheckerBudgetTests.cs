using System.Diagnostics;
using GoSync.Specs;
using GoSync.Specs.Generation;

namespace GoSync.Tests.Specs;

public class CheckerBudgetTests
{
    [Fact]
    public void Pathological_history_ends_with_unknown_at_its_budget()
    {
        var history = PathologicalHistory.Build(stores: 40);
        var clock = Stopwatch.StartNew();

        var result = LinearizabilityChecker.Check(history, TimeSpan.FromMilliseconds(200));

        result.Verdict.Should().Be(Verdict.Unknown);
        result.Explanation.Should().Contain("budget");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Small_version_of_the_pathological_history_is_decided_as_a_violation()
    {
        var result = LinearizabilityChecker.Check(PathologicalHistory.Build(stores: 6), Ops.Budget);
        result.Verdict.Should().Be(Verdict.NotLinearizable);
    }

    [Fact]
    public void A_violation_found_in_a_small_partition_wins_over_an_unknown_large_one()
    {
        var ops = PathologicalHistory.Build(stores: 40).Operations
            .Append(Ops.Store(100, "small", 1, 1, 2))
            .Append(Ops.Load(100, "small", 3, 4, ok: false));
        var result = LinearizabilityChecker.Check(new History(ops), TimeSpan.FromMilliseconds(200));
        result.Verdict.Should().Be(Verdict.NotLinearizable);
        result.Violation!.Key.Should().Be("small");
    }
}

using GoSync.Specs;
using GoSync.Systematic.Scenarios;

namespace GoSync.Systematic;

/// <summary>
/// The shrinker on a made-up bug, with no exploration: a scenario "fails" when one task stores key k while another
/// loads it. It must shrink RandomOperations-sized scenarios to exactly that, and keep nothing the bug does not need.
/// </summary>
public class ShrinkerTests
{
    private static bool StoreRacingLoad(Scenario s) =>
        s.Threads.Any(t => t.Any(o => o.Kind == OpKind.Store && s.Threads.Any(u => u != t && u.Any(p => p.Kind == OpKind.Load && p.Key == o.Key))));

    private static readonly Scenario Failing = new(
        [new(OpKind.Store, 3, 1), new(OpKind.Range), new(OpKind.Delete, 2)],
        [
            [new(OpKind.Swap, 1, 2), new(OpKind.Store, 3, 2), new(OpKind.Clear), new(OpKind.Load, 1)],
            [new(OpKind.CompareAndSwap, 2, Value: 2, Expected: 1), new(OpKind.Range, Limit: 1), new(OpKind.Load, 3), new(OpKind.Delete, 1)],
            [new(OpKind.LoadOrStore, 1, null), new(OpKind.LoadAndDelete, 2), new(OpKind.CompareAndDelete, 3, Expected: 1), new(OpKind.Store, 2, 2)],
        ]);

    [Fact]
    public void Shrinks_a_failing_scenario_to_the_two_operations_the_bug_needs_over_one_key()
    {
        StoreRacingLoad(Failing).Should().BeTrue();

        var result = Shrinker.Shrink(Failing, StoreRacingLoad);

        result.Minimal.Operations.Should().Be(2);
        result.Minimal.Threads.Should().HaveCount(2);
        result.Minimal.Setup.Should().BeEmpty();
        result.Minimal.Keys.Should().ContainSingle("the bug needs one key");
        StoreRacingLoad(result.Minimal).Should().BeTrue();
        Shrinker.Candidates(result.Minimal).Should().OnlyContain(c => !StoreRacingLoad(c.Candidate), "the result is 1-minimal");
        result.Steps.Should().NotBeEmpty();
    }

    [Fact]
    public void Keeps_a_scenario_no_smaller_candidate_of_which_fails()
    {
        Scenario minimal = new([], [[new(OpKind.Store, 1, 1)], [new(OpKind.Load, 1)]]);

        Shrinker.Shrink(minimal, StoreRacingLoad).Minimal.ToJson().Should().Be(minimal.ToJson());
    }

    [Fact]
    public void A_scenario_survives_its_json_and_becomes_a_harness_method_that_constructs_it()
    {
        Scenario.FromJson(Failing.ToJson()).ToJson().Should().Be(Failing.ToJson());

        var method = Failing.ToHarnessMethod("ShrunkExample", "An example.");

        method.Should().Contain("public static Task ShrunkExample() => ScenarioHarness.Run(nameof(ShrunkExample), new Scenario(")
            .And.Contain("new(OpKind.CompareAndSwap, 2, Value: 2, Expected: 1)")
            .And.Contain("new(OpKind.CompareAndDelete, 3, Expected: 1)")
            .And.Contain("new(OpKind.LoadOrStore, 1, Value: null)");
    }
}

using GoSync.Specs;
using GoSync.Specs.Generation;
using static GoSync.Tests.Specs.Ops;

namespace GoSync.Tests.Specs;

/// <summary>What a person reads on a violation: the smallest failing key, its timeline, the prefix and the culprit.</summary>
public class ExplanationTests
{
    private static readonly Operation[] StaleRead =
    [
        Store(1, "x", 1, 1, 2),
        Store(2, "x", 2, 3, 8),
        Load(1, "x", 4, 5, true, 2),
        Load(3, "x", 6, 7, true, 1),
    ];

    [Fact]
    public void Violation_prints_lanes_prefix_and_the_operation_that_could_not_be_placed()
    {
        var text = Check(StaleRead).Explanation;

        text.Should().Be("""
            NOT LINEARIZABLE: key "x", 4 operations from 3 processes

            time  1                2 3 4                5 6               7 8
            P1    [#1 Store("x", 1)]   [#3 Load("x") → 2]
            P2                       [#2 Store("x", 2)----------------------]
            P3                                            [✗ Load("x") → 1]

            Longest linearizable prefix (3 steps):
                1. P1   Store("x", 1) [1, 2]         then "x" is 1
                2. P2   Store("x", 2) [3, 8]         then "x" is 2
                3. P1   Load("x") → 2 [4, 5]         then "x" is 2
            Could not place: P3 Load("x") → 1 [6, 7]
              After the prefix "x" is 2, so the model answers 2, not 1; no other order of the steps before it does better.

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Violation_names_the_smallest_failing_key()
    {
        var big = Enumerable.Range(0, 10).Select(i => Store(9, "big", i, 100 + (2 * i), 101 + (2 * i)))
            .Append(Load(9, "big", 200, 201, ok: false));
        var small = new[] { Store(1, "small", 1, 1, 2), Load(1, "small", 3, 4, ok: false) };

        var result = Check([.. big, .. small]);

        result.Violation!.Key.Should().Be("small");
        result.Violation.Operations.Should().HaveCount(2);
    }

    [Fact]
    public void Violation_exposes_prefix_and_culprit_as_data()
    {
        var v = Check(StaleRead).Violation!;

        v.LinearizedPrefix.Select(s => s.Description).Should().Equal("Store(\"x\", 1)", "Store(\"x\", 2)", "Load(\"x\") → 2");
        v.LinearizedPrefix.Select(s => s.StateAfter).Should().Equal("1", "2", "2");
        v.Unplaced.Should().BeSameAs(StaleRead[3]);
    }

    [Fact]
    public void Range_steps_read_as_what_the_range_saw_of_the_key()
    {
        var v = Check(Store(1, "x", 1, 1, 2), Store(1, "y", 1, 3, 4), Range(2, 5, 6, false, ("x", 2), ("y", 1))).Violation!;
        v.UnplacedStep.Should().Be("Range saw \"x\": 2");
        v.Reason.Should().Contain("must hold that value");
    }

    [Fact]
    public void Range_that_skipped_a_present_key_is_explained()
    {
        var v = Check(Store(1, "x", 1, 1, 2), Range(2, 3, 4, false)).Violation!;
        v.UnplacedStep.Should().Be("Range did not visit \"x\"");
        v.Reason.Should().Contain("skips only keys absent");
    }

    [Fact]
    public void Pending_calls_show_as_open_bars()
    {
        var text = Check(Store(1, "x", 1, 1, null), Load(2, "x", 2, 3, true, 1), Delete(2, "x", 4, 5), Load(2, "x", 6, 7, true, 1)).Explanation;
        text.Should().Contain("Store(\"x\", 1) (never returned)").And.MatchRegex(@"P1 +\[#?\d* ?Store\(""x"", 1\) \(never returned\)-*>");
    }

    [Fact]
    public void Long_partition_is_cut_to_the_window_around_the_failure()
    {
        var ops = Enumerable.Range(0, 40).Select(i => Store(1, "x", i, (2 * i) + 1, (2 * i) + 2))
            .Append(Load(2, "x", 100, 101, true, 5));

        var text = Check([.. ops]).Explanation;

        text.Should().Contain("(showing the").And.Contain("✗ Load(\"x\") → 5");
        text.Split('\n').Max(l => l.Length).Should().BeLessThan(400);
    }

    [Fact]
    public void Linearizable_and_unknown_results_say_so_in_one_line()
    {
        Check(StaleRead[..3]).Explanation.Should().StartWith("Linearizable: 3 operations, 1 key,");
        LinearizabilityChecker.Check(PathologicalHistory.Build(40), TimeSpan.FromMilliseconds(50)).Explanation
            .Should().StartWith("Unknown: the budget of 0.05 s ran out while checking key \"hot\"");
    }

    [Fact]
    public void Html_page_is_self_contained_and_marks_prefix_and_culprit()
    {
        var history = H(StaleRead);
        var page = HtmlTimeline.Render(history, LinearizabilityChecker.Check(history, Budget));

        page.Should().StartWith("<!DOCTYPE html>").And.EndWith("</html>\n");
        page.Should().NotContainAny("<script", "<link", "src=", "http://", "https://", "url(");
        page.Should().Contain("class=\"op unplaced\"").And.Contain("class=\"op placed\"").And.Contain("✗ Load(&quot;x&quot;) → 1");
        page.Should().Contain("P1 Store(&quot;x&quot;, 1) [1, 2]");
    }

    [Fact]
    public void Html_page_escapes_what_the_history_says()
    {
        var history = H(Store(1, "<b>&", "</div><script>", 1, 2));
        var page = HtmlTimeline.Render(history, LinearizabilityChecker.Check(history, Budget));
        page.Should().NotContain("<script>").And.Contain("&lt;/div&gt;&lt;script&gt;");
    }

    [Fact]
    public void Html_page_of_a_large_linearizable_history_stays_bounded()
    {
        var history = SimulatedHistory.Generate(new SimulationOptions(Processes: 8, Operations: 5000, Keys: 100), 1);
        var page = HtmlTimeline.Render(history, LinearizabilityChecker.Check(history, Budget));
        page.Should().Contain("36 more keys are not shown");
        page.Length.Should().BeLessThan(20_000_000);
    }

    [Fact]
    public void Html_page_of_an_unchecked_history_says_so_and_shows_every_key()
    {
        // What an iteration that failed before its check (an invariant, a deadlock) leaves: no verdict is invented.
        var history = H(StaleRead);
        var page = HtmlTimeline.RenderUnchecked(history);

        page.Should().Contain("<h1 class=\"verdict unknown\">Not checked</h1>").And.Contain("over 1 keys.</p>");
        page.Should().NotContain("; checked in").And.NotContain("class=\"partition failing\"").And.Contain("Key &quot;x&quot;");
    }
}

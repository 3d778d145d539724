using GoSync.Specs;
using static GoSync.Tests.Specs.Ops;

namespace GoSync.Tests.Specs;

/// <summary>The shared layout of the text and HTML timelines, seen through the text timeline.</summary>
public class TimelineLayoutTests
{
    [Fact]
    public void Call_at_the_instant_the_previous_call_of_its_process_returned_gets_a_bar_of_its_own()
    {
        // P1 returns at 2 and calls again at 2; the last Load is the culprit.
        var text = Check(
            Store(1, "x", 1, 1, 2), Load(1, "x", 2, 3, true, 1), Store(1, "x", 2, 3, 4), Load(2, "x", 5, 6, true, 1)).Explanation;

        var p1 = text.Split('\n').Single(l => l.StartsWith("P1 ", StringComparison.Ordinal));
        p1.Should().Contain("[#1 Store(\"x\", 1)]").And.Contain("[#2 Load(\"x\") → 1]").And.Contain("[#3 Store(\"x\", 2)]");
        p1.IndexOf("[#2", StringComparison.Ordinal).Should().BeGreaterThan(p1.IndexOf("1)]", StringComparison.Ordinal) + 2);
    }
}

using GoSync.Specs;
using static GoSync.Tests.Specs.Ops;

namespace GoSync.Tests.Specs;

/// <summary>A call that never returned may or may not have taken effect, at any time after its call.</summary>
public class CheckerPendingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pending_store_may_or_may_not_have_taken_effect(bool seen) =>
        VerdictOf(Store(1, "x", 1, 1, null), Load(2, "x", 2, 3, seen, seen ? 1 : null)).Should().Be(Verdict.Linearizable);

    [Fact]
    public void Pending_store_cannot_take_effect_before_its_call() =>
        VerdictOf(Load(2, "x", 1, 2, true, 1), Store(1, "x", 1, 3, null)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Pending_store_takes_effect_at_most_once() =>
        VerdictOf(
                Store(1, "x", 1, 1, null),
                Load(2, "x", 2, 3, true, 1),
                Delete(2, "x", 4, 5),
                Load(2, "x", 6, 7, true, 1))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Results_recorded_for_a_pending_call_are_ignored() =>
        VerdictOf(Load(1, "x", 1, null, ok: true, value: 42), Cas(2, "x", 1, 2, 2, null, swapped: true))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void Pending_CompareAndSwap_acts_by_the_model_when_it_takes_effect()
    {
        // It can swap 1 for 2 only while x holds 1; it cannot conjure 2 into an empty map.
        VerdictOf(Store(1, "x", 1, 1, 2), Cas(2, "x", 1, 2, 3, null, false), Load(3, "x", 4, 5, true, 2)).Should().Be(Verdict.Linearizable);
        VerdictOf(Cas(2, "x", 1, 2, 1, null, false), Load(3, "x", 2, 3, true, 2)).Should().Be(Verdict.NotLinearizable);
    }
}

using GoSync.Specs;
using static GoSync.Tests.Specs.Ops;

namespace GoSync.Tests.Specs;

/// <summary>
/// Range is not linearisable in Go: per key, a visited pair must be one the key held during the call, no key twice,
/// and a key skipped by a Range that ran to the end must have been absent at some moment of the call.
/// </summary>
public class CheckerRangeTests
{
    [Fact]
    public void Range_of_a_quiet_map_sees_every_pair() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Store(1, "y", 2, 3, 4), Range(2, 5, 6, false, ("y", 2), ("x", 1)))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void Range_visiting_a_value_the_key_never_held_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Range(2, 3, 4, false, ("x", 5))).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Range_visiting_a_key_twice_is_a_violation_even_with_the_right_value()
    {
        var result = Check(Store(1, "x", 1, 1, 2), Range(2, 3, 4, false, ("x", 1), ("x", 1)));
        result.Verdict.Should().Be(Verdict.NotLinearizable);
        result.Violation!.Reason.Should().Contain("twice");
    }

    [Fact]
    public void Range_that_ran_to_the_end_and_skipped_a_present_key_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Store(1, "y", 2, 3, 4), Range(2, 5, 6, false, ("y", 2))).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Range_that_stopped_may_skip_any_key() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Store(1, "y", 2, 3, 4), Range(2, 5, 6, true, ("y", 2))).Should().Be(Verdict.Linearizable);

    [Fact]
    public void Range_may_skip_a_key_deleted_during_the_call() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Range(2, 3, 6, false), Delete(1, "x", 4, 5)).Should().Be(Verdict.Linearizable);

    [Fact]
    public void Range_may_see_a_key_stored_during_the_call() =>
        VerdictOf(Range(2, 1, 4, false, ("x", 1)), Store(1, "x", 1, 2, 3)).Should().Be(Verdict.Linearizable);

    [Fact]
    public void Range_seeing_a_value_stored_only_after_it_returned_is_a_violation() =>
        VerdictOf(Range(2, 1, 2, false, ("x", 1)), Store(1, "x", 1, 3, 4)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Range_is_not_a_snapshot_it_may_see_pairs_that_never_coexisted()
    {
        // x is deleted before y is stored, so no single moment has both; Go's Range may still see both.
        var ops = new[]
        {
            Store(1, "x", 1, 1, 2),
            Range(2, 3, 10, false, ("x", 1), ("y", 2)),
            Delete(1, "x", 4, 5),
            Store(1, "y", 2, 6, 7),
        };
        VerdictOf(ops).Should().Be(Verdict.Linearizable);
    }

    [Fact]
    public void Range_seeing_an_overwritten_value_after_a_later_load_saw_the_new_one_is_still_allowed_per_key()
    {
        // Each key's observation may sit anywhere in the Range's interval, even before a Load that finished earlier.
        VerdictOf(Store(1, "x", 1, 1, 2), Range(2, 3, 10, false, ("x", 1)), Store(1, "x", 2, 4, 5), Load(3, "x", 6, 7, true, 2))
            .Should().Be(Verdict.Linearizable);
    }

    [Fact]
    public void Range_seeing_a_value_overwritten_before_its_call_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Store(1, "x", 2, 3, 4), Range(2, 5, 6, false, ("x", 1)))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Range_that_never_returned_promises_nothing() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Range(2, 3, null, false, ("x", 99), ("x", 99))).Should().Be(Verdict.Linearizable);

    [Fact]
    public void Range_visiting_a_null_value_needs_the_key_present_with_null()
    {
        VerdictOf(Store(1, "x", null, 1, 2), Range(2, 3, 4, false, ("x", null))).Should().Be(Verdict.Linearizable);
        VerdictOf(Range(2, 3, 4, false, ("x", null))).Should().Be(Verdict.NotLinearizable);
    }
}

using GoSync.Specs;
using static GoSync.Tests.Specs.Ops;

namespace GoSync.Tests.Specs;

/// <summary>Hand-written histories of the eight single-key operations, each with a linearisable and a violating case.</summary>
public class CheckerSingleKeyTests
{
    [Fact]
    public void Empty_history_is_linearizable() =>
        VerdictOf().Should().Be(Verdict.Linearizable);

    [Fact]
    public void Load_after_store_sees_the_value() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Load(2, "x", 3, 4, ok: true, value: 1)).Should().Be(Verdict.Linearizable);

    [Fact]
    public void Load_after_store_that_reports_absent_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Load(2, "x", 3, 4, ok: false)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Load_of_a_stale_value_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Store(1, "x", 2, 3, 4), Load(2, "x", 5, 6, ok: true, value: 1))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Load_of_a_value_never_stored_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Load(2, "x", 3, 4, ok: true, value: 7)).Should().Be(Verdict.NotLinearizable);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_overlapping_a_store_may_see_either_state(bool sawIt) =>
        VerdictOf(Store(1, "x", 1, 1, 4), Load(2, "x", 2, 3, ok: sawIt, value: sawIt ? 1 : null))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void Null_is_a_value_distinct_from_absence()
    {
        VerdictOf(Store(1, "x", null, 1, 2), Load(2, "x", 3, 4, ok: true, value: null)).Should().Be(Verdict.Linearizable);
        VerdictOf(Store(1, "x", null, 1, 2), Load(2, "x", 3, 4, ok: false)).Should().Be(Verdict.NotLinearizable);
    }

    [Fact]
    public void Reads_that_disagree_on_the_order_of_two_stores_are_a_violation() =>
        VerdictOf(
                Store(1, "x", 1, 1, 10),
                Store(2, "x", 2, 2, 11),
                Load(3, "x", 12, 13, ok: true, value: 1),
                Load(4, "x", 14, 15, ok: true, value: 2))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Store_that_reappears_after_a_later_read_saw_the_map_empty_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 10), Load(2, "x", 2, 3, ok: true, value: 1), Load(2, "x", 4, 5, ok: false))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void LoadOrStore_stores_once_then_loads() =>
        VerdictOf(LoadOrStore(1, "x", 1, 1, 2, loaded: false, actual: 1), LoadOrStore(2, "x", 2, 3, 4, loaded: true, actual: 1))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void LoadOrStore_storing_twice_is_a_violation() =>
        VerdictOf(LoadOrStore(1, "x", 1, 1, 2, loaded: false, actual: 1), LoadOrStore(2, "x", 2, 3, 4, loaded: false, actual: 2))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void LoadOrStore_that_loads_from_an_empty_map_is_a_violation() =>
        VerdictOf(LoadOrStore(1, "x", 1, 1, 2, loaded: true, actual: 1)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void LoadOrStore_that_stores_must_return_its_argument() =>
        VerdictOf(LoadOrStore(1, "x", 1, 1, 2, loaded: false, actual: 2)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Concurrent_LoadOrStores_agree_on_the_winner()
    {
        VerdictOf(LoadOrStore(1, "x", 1, 1, 4, false, 1), LoadOrStore(2, "x", 2, 2, 3, true, 1)).Should().Be(Verdict.Linearizable);
        VerdictOf(LoadOrStore(1, "x", 1, 1, 4, false, 1), LoadOrStore(2, "x", 2, 2, 3, true, 2)).Should().Be(Verdict.NotLinearizable);
    }

    [Fact]
    public void LoadAndDelete_takes_the_value_and_leaves_the_key_absent() =>
        VerdictOf(Store(1, "x", 1, 1, 2), LoadAndDelete(2, "x", 3, 4, loaded: true, value: 1), Load(1, "x", 5, 6, ok: false))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void LoadAndDelete_taking_the_same_value_twice_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), LoadAndDelete(2, "x", 3, 6, true, 1), LoadAndDelete(3, "x", 4, 5, true, 1))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void LoadAndDelete_of_an_absent_key_reports_not_loaded()
    {
        VerdictOf(LoadAndDelete(1, "x", 1, 2, loaded: false)).Should().Be(Verdict.Linearizable);
        VerdictOf(LoadAndDelete(1, "x", 1, 2, loaded: true, value: null)).Should().Be(Verdict.NotLinearizable);
    }

    [Fact]
    public void Delete_leaves_the_key_absent() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Delete(2, "x", 3, 4), Load(1, "x", 5, 6, ok: false))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void Load_after_delete_that_sees_the_value_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Delete(2, "x", 3, 4), Load(1, "x", 5, 6, ok: true, value: 1))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Swap_returns_the_previous_value() =>
        VerdictOf(Swap(1, "x", 1, 1, 2, loaded: false), Swap(2, "x", 2, 3, 4, loaded: true, previous: 1), Load(1, "x", 5, 6, true, 2))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void Swap_that_misses_the_previous_value_is_a_violation() =>
        VerdictOf(Swap(1, "x", 1, 1, 2, loaded: false), Swap(2, "x", 2, 3, 4, loaded: false)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Concurrent_swaps_form_a_chain()
    {
        VerdictOf(Swap(1, "x", 1, 1, 4, false), Swap(2, "x", 2, 2, 3, true, 1)).Should().Be(Verdict.Linearizable);
        VerdictOf(Swap(1, "x", 1, 1, 4, true, 2), Swap(2, "x", 2, 2, 3, true, 1)).Should().Be(Verdict.NotLinearizable);
    }

    [Fact]
    public void CompareAndSwap_swaps_when_the_value_matches() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Cas(2, "x", 1, 2, 3, 4, swapped: true), Load(1, "x", 5, 6, true, 2))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void CompareAndSwap_failing_on_a_matching_value_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Cas(2, "x", 1, 2, 3, 4, swapped: false)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void CompareAndSwap_never_swaps_an_absent_key_even_when_expecting_null()
    {
        VerdictOf(Cas(1, "x", null, 1, 1, 2, swapped: false)).Should().Be(Verdict.Linearizable);
        VerdictOf(Cas(1, "x", null, 1, 1, 2, swapped: true)).Should().Be(Verdict.NotLinearizable);
    }

    [Fact]
    public void Two_concurrent_CompareAndSwaps_from_the_same_value_cannot_both_win()
    {
        VerdictOf(Store(1, "x", 1, 1, 2), Cas(2, "x", 1, 2, 3, 6, true), Cas(3, "x", 1, 3, 4, 5, false)).Should().Be(Verdict.Linearizable);
        VerdictOf(Store(1, "x", 1, 1, 2), Cas(2, "x", 1, 2, 3, 6, true), Cas(3, "x", 1, 3, 4, 5, true)).Should().Be(Verdict.NotLinearizable);
    }

    [Fact]
    public void CompareAndDelete_deletes_when_the_value_matches() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Cad(2, "x", 1, 3, 4, deleted: true), Load(1, "x", 5, 6, ok: false))
            .Should().Be(Verdict.Linearizable);

    [Fact]
    public void CompareAndDelete_deleting_on_a_mismatch_is_a_violation() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Cad(2, "x", 2, 3, 4, deleted: true)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void CompareAndDelete_of_an_absent_key_never_deletes() =>
        VerdictOf(Cad(1, "x", null, 1, 2, deleted: true)).Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Keys_are_independent_so_a_history_over_two_keys_checks_each_alone() =>
        VerdictOf(Store(1, "x", 1, 1, 2), Store(2, "y", 1, 3, 4), Load(1, "x", 5, 6, true, 1), Load(2, "y", 7, 8, false))
            .Should().Be(Verdict.NotLinearizable);

    [Fact]
    public void Keys_and_values_compare_as_JSON_values()
    {
        VerdictOf(Store(1, 1, 1.0, 1, 2), Load(2, 1L, 3, 4, true, 1)).Should().Be(Verdict.Linearizable);
        VerdictOf(Store(1, "1", 1, 1, 2), Load(2, 1, 3, 4, ok: false)).Should().Be(Verdict.Linearizable);
        VerdictOf(Store(1, "x", "1", 1, 2), Load(2, "x", 3, 4, true, 1)).Should().Be(Verdict.NotLinearizable);
    }
}

namespace GoSync.Tests.Map;

/// <summary>Each operation's results, as Go 1.23 documents them, on a map used by one thread.</summary>
public class OperationSemanticsTests
{
    private readonly SyncMap<string, int> _map = new();

    [Fact]
    public void TryLoad_of_a_missing_key_returns_false_and_default()
    {
        _map.TryLoad("a", out var value).Should().BeFalse();
        value.Should().Be(0);
    }

    [Fact]
    public void Store_then_TryLoad_returns_the_value()
    {
        _map.Store("a", 1);
        _map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().Be(1);
    }

    [Fact]
    public void Store_overwrites_the_value_in_read_and_in_dirty()
    {
        _map.Store("a", 1);
        _map.Store("a", 2); // in dirty
        _map.Range((_, _) => true); // promotes dirty to read
        _map.Store("a", 3); // in read: fast path
        _map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().Be(3);
    }

    [Fact]
    public void Store_of_an_equal_but_not_identical_value_replaces_it()
    {
        // A store of the value a key already holds writes nothing; "already holds" means the same reference or the
        // same bits, never the comparer's equality, by which these pairs are equal.
        var strings = new SyncMap<string, string>();
        var first = new string('x', 3);
        var second = new string('x', 3);
        strings.Store("a", first);
        strings.Range((_, _) => true); // promotes: the next store takes the lock-free path
        strings.Store("a", second);
        strings.TryLoad("a", out var text).Should().BeTrue();
        text.Should().BeSameAs(second);

        var doubles = new SyncMap<string, double>();
        doubles.Store("a", 0.0);
        doubles.Range((_, _) => true);
        doubles.Swap("a", -0.0, out var previous).Should().BeTrue();
        double.IsNegative(previous).Should().BeFalse();
        doubles.TryLoad("a", out var number).Should().BeTrue();
        double.IsNegative(number).Should().BeTrue();
    }

    [Fact]
    public void Swap_of_the_value_a_key_holds_returns_it_as_the_previous_value()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true);
        _map.Swap("a", 1, out var previous).Should().BeTrue();
        previous.Should().Be(1);
        _map.Delete("a");
        _map.Swap("a", 1, out _).Should().BeFalse(); // a deleted slot holds no value, so the store is a real one
        _map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().Be(1);
    }

    [Fact]
    public void LoadOrStore_stores_when_absent_and_loads_when_present()
    {
        _map.LoadOrStore("a", 1, out var loaded).Should().Be(1);
        loaded.Should().BeFalse();
        _map.LoadOrStore("a", 2, out loaded).Should().Be(1);
        loaded.Should().BeTrue();
    }

    [Fact]
    public void LoadOrStore_stores_into_a_deleted_key_of_read()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true);
        _map.Delete("a");
        _map.LoadOrStore("a", 2, out var loaded).Should().Be(2);
        loaded.Should().BeFalse();
    }

    [Fact]
    public void TryLoadAndDelete_returns_the_value_once()
    {
        _map.Store("a", 1);
        _map.TryLoadAndDelete("a", out var value).Should().BeTrue();
        value.Should().Be(1);
        _map.TryLoadAndDelete("a", out _).Should().BeFalse();
        _map.TryLoad("a", out _).Should().BeFalse();
    }

    [Fact]
    public void Delete_of_a_missing_key_does_nothing()
    {
        _map.Delete("a");
        _map.Should().BeEmpty();
    }

    [Fact]
    public void Swap_returns_the_previous_value_and_whether_there_was_one()
    {
        _map.Swap("a", 1, out var previous).Should().BeFalse();
        previous.Should().Be(0);
        _map.Swap("a", 2, out previous).Should().BeTrue();
        previous.Should().Be(1);
        _map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().Be(2);
    }

    [Fact]
    public void CompareAndSwap_swaps_only_an_equal_value()
    {
        _map.Store("a", 1);
        _map.CompareAndSwap("a", 2, 3).Should().BeFalse();
        _map.CompareAndSwap("a", 1, 3).Should().BeTrue();
        _map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().Be(3);
    }

    [Fact]
    public void CompareAndSwap_never_creates_a_key()
    {
        _map.CompareAndSwap("a", 0, 1).Should().BeFalse();
        _map.Store("b", 1); // read now amended: the slow path runs for "a"
        _map.CompareAndSwap("a", 0, 1).Should().BeFalse();
        _map.TryLoad("a", out _).Should().BeFalse();
    }

    [Fact]
    public void CompareAndSwap_does_not_revive_a_deleted_key()
    {
        _map.Store("a", 0);
        _map.Delete("a");
        _map.CompareAndSwap("a", 0, 1).Should().BeFalse();
        _map.TryLoad("a", out _).Should().BeFalse();
    }

    [Fact]
    public void CompareAndDelete_deletes_only_an_equal_value()
    {
        _map.Store("a", 1);
        _map.CompareAndDelete("a", 2).Should().BeFalse();
        _map.TryLoad("a", out _).Should().BeTrue();
        _map.CompareAndDelete("a", 1).Should().BeTrue();
        _map.TryLoad("a", out _).Should().BeFalse();
        _map.CompareAndDelete("a", 1).Should().BeFalse();
    }

    [Fact]
    public void Range_visits_every_live_key_once()
    {
        _map.Store("a", 1);
        _map.Store("b", 2);
        _map.Store("c", 3);
        _map.Delete("b");
        var visited = new List<KeyValuePair<string, int>>();
        _map.Range((k, v) =>
        {
            visited.Add(new(k, v));
            return true;
        });
        visited.Should().BeEquivalentTo(new Dictionary<string, int> { ["a"] = 1, ["c"] = 3 });
    }

    [Fact]
    public void Range_stops_when_the_callback_returns_false()
    {
        for (var i = 0; i < 10; i++)
        {
            _map.Store($"k{i}", i);
        }

        var calls = 0;
        _map.Range((_, _) => ++calls < 3);
        calls.Should().Be(3);
    }

    [Fact]
    public void Foreach_enumerates_what_Range_visits()
    {
        _map.Store("a", 1);
        _map.Store("b", 2);
        _map.ToDictionary().Should().BeEquivalentTo(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 });
    }

    [Fact]
    public void Clear_removes_every_key_from_read_and_dirty()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true); // "a" in read
        _map.Store("b", 2); // "b" only in dirty
        _map.Clear();
        _map.Should().BeEmpty();
        _map.TryLoad("a", out _).Should().BeFalse();
        _map.TryLoad("b", out _).Should().BeFalse();
        _map.Store("a", 3);
        _map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().Be(3);
    }

    [Fact]
    public void Clear_of_an_empty_map_leaves_it_empty()
    {
        _map.Clear();
        _map.Should().BeEmpty();
    }
}

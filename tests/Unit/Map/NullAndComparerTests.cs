namespace GoSync.Tests.Map;

/// <summary>Null keys are rejected, null values are values, and the map's comparers decide equality.</summary>
public class NullAndComparerTests
{
    private static readonly Dictionary<string, Action<SyncMap<string, string?>>> CallsWithNullKey = new()
    {
        ["TryLoad"] = m => m.TryLoad(null!, out _),
        ["Store"] = m => m.Store(null!, "v"),
        ["LoadOrStore"] = m => m.LoadOrStore(null!, "v", out _),
        ["TryLoadAndDelete"] = m => m.TryLoadAndDelete(null!, out _),
        ["Delete"] = m => m.Delete(null!),
        ["Swap"] = m => m.Swap(null!, "v", out _),
        ["CompareAndSwap"] = m => m.CompareAndSwap(null!, "v", "w"),
        ["CompareAndDelete"] = m => m.CompareAndDelete(null!, "v"),
    };

    public static TheoryData<string> KeyOperations() => new(CallsWithNullKey.Keys);

    [Theory]
    [MemberData(nameof(KeyOperations))]
    public void A_null_key_throws_ArgumentNullException_naming_key(string operation)
    {
        var map = new SyncMap<string, string?>();
        map.Store("other", "x"); // so that an amended read would send the call down the slow path
        var act = () => CallsWithNullKey[operation](map);
        act.Should().Throw<ArgumentNullException>(operation).WithParameterName("key");
    }

    [Fact]
    public void A_null_Range_callback_throws_ArgumentNullException()
    {
        var act = () => new SyncMap<string, int>().Range(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("visit");
    }

    [Fact]
    public void A_stored_null_is_loaded_as_present()
    {
        var map = new SyncMap<string, string?>();
        map.Store("a", null);
        map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().BeNull();
        map.ToList().Should().Equal([new KeyValuePair<string, string?>("a", null)]);
    }

    [Fact]
    public void A_null_value_survives_promotion_and_is_deleted_like_any_other()
    {
        var map = new SyncMap<string, string?>();
        map.Store("a", null);
        map.Range((_, _) => true);
        map.TryLoad("a", out _).Should().BeTrue();
        map.TryLoadAndDelete("a", out var value).Should().BeTrue();
        value.Should().BeNull();
        map.TryLoad("a", out _).Should().BeFalse();
    }

    [Fact]
    public void Swap_and_LoadOrStore_report_a_previous_null_as_loaded()
    {
        var map = new SyncMap<string, string?>();
        map.Store("a", null);
        map.LoadOrStore("a", "x", out var loaded).Should().BeNull();
        loaded.Should().BeTrue();
        map.Swap("a", "y", out var previous).Should().BeTrue();
        previous.Should().BeNull();
    }

    [Fact]
    public void CompareAndSwap_and_CompareAndDelete_match_a_stored_null()
    {
        var map = new SyncMap<string, string?>();
        map.Store("a", null);
        map.CompareAndSwap("a", null, "x").Should().BeTrue();
        map.CompareAndSwap("a", null, "y").Should().BeFalse();
        map.CompareAndSwap("a", "x", null).Should().BeTrue();
        map.CompareAndDelete("a", null).Should().BeTrue();
        map.TryLoad("a", out _).Should().BeFalse();
    }

    [Fact]
    public void Nullable_value_types_store_null_as_a_value()
    {
        var map = new SyncMap<int, int?>();
        map.Store(1, null);
        map.TryLoad(1, out var value).Should().BeTrue();
        value.Should().BeNull();
        map.CompareAndSwap(1, null, 5).Should().BeTrue();
        map.TryLoad(1, out value).Should().BeTrue();
        value.Should().Be(5);
    }

    [Fact]
    public void The_key_comparer_is_used_in_read_and_in_dirty()
    {
        var map = new SyncMap<string, int>(StringComparer.OrdinalIgnoreCase);
        map.Store("Key", 1); // dirty
        map.TryLoad("KEY", out var value).Should().BeTrue();
        value.Should().Be(1);
        map.Range((_, _) => true); // promoted: read
        map.Store("key", 2);
        map.TryLoad("kEy", out value).Should().BeTrue();
        value.Should().Be(2);
        map.Store("other", 0); // dirty is copied from read: the comparer must come along
        map.LoadOrStore("OTHER", 9, out var loaded).Should().Be(0);
        loaded.Should().BeTrue();
        map.Should().HaveCount(2);
    }

    [Fact]
    public void The_value_comparer_decides_CompareAndSwap_and_CompareAndDelete()
    {
        var map = new SyncMap<int, string>(null, StringComparer.OrdinalIgnoreCase);
        map.Store(1, "abc");
        map.CompareAndSwap(1, "ABC", "def").Should().BeTrue();
        map.CompareAndDelete(1, "DEF").Should().BeTrue();
        map.TryLoad(1, out _).Should().BeFalse();
    }

    [Fact]
    public void Without_a_value_comparer_reference_values_compare_with_their_Equals()
    {
        var map = new SyncMap<int, string>();
        map.Store(1, new string('a', 3));
        map.CompareAndSwap(1, new string('a', 3), "b").Should().BeTrue();
    }
}

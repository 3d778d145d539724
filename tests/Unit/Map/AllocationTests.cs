using Xunit.Abstractions;

namespace GoSync.Tests.Map;

/// <summary>
/// The paths the design promises allocate nothing, measured with the current thread's allocation counter over many
/// calls after a warm-up call (so that one-time JIT and static initialisation are not counted).
/// </summary>
public class AllocationTests(ITestOutputHelper output)
{
    private const int Calls = 10_000;
    private static readonly string[] Keys = Enumerable.Range(0, 100).Select(i => $"key{i}").ToArray();
    private static readonly object[] Values = Enumerable.Range(0, 100).Select(i => (object)$"value{i}").ToArray();

    [Fact]
    public void TryLoad_of_a_key_in_read_allocates_nothing()
    {
        var map = PromotedMap<object>(Values);
        BytesPerCall(i => map.TryLoad(Keys[i % Keys.Length], out _)).Should().Be(0);
    }

    [Fact]
    public void TryLoad_of_a_value_type_in_read_allocates_nothing()
    {
        var map = PromotedMap(Enumerable.Range(0, 100).ToArray());
        BytesPerCall(i => map.TryLoad(Keys[i % Keys.Length], out _)).Should().Be(0);
    }

    [Fact]
    public void Range_allocates_nothing()
    {
        var map = PromotedMap<object>(Values);
        BytesPerCall(_ => map.Range(static (_, _) => true)).Should().Be(0);
    }

    [Fact]
    public void Delete_of_a_key_in_read_allocates_nothing()
    {
        var map = PromotedMap<object>(Values);
        BytesPerCall(i => map.Delete(Keys[i % Keys.Length])).Should().Be(0);
    }

    [Fact]
    public void Store_over_a_live_key_of_a_reference_value_allocates_nothing()
    {
        var map = PromotedMap<object>(Values);
        BytesPerCall(i => map.Store(Keys[i % Keys.Length], Values[(i + 1) % Values.Length])).Should().Be(0);
    }

    [Fact]
    public void LoadOrStore_of_a_present_key_allocates_nothing_even_for_value_types()
    {
        var map = PromotedMap(Enumerable.Range(0, 100).ToArray());
        BytesPerCall(i => map.LoadOrStore(Keys[i % Keys.Length], 7, out _)).Should().Be(0);
    }

    [Fact]
    public void CompareAndSwap_of_reference_values_allocates_nothing()
    {
        var map = PromotedMap<object>(Values);
        BytesPerCall(i =>
        {
            var k = i % Keys.Length;
            map.CompareAndSwap(Keys[k], Values[k], Values[k]);
        }).Should().Be(0);
    }

    [Fact]
    public void Store_and_Swap_of_the_value_a_key_holds_allocate_nothing_even_for_value_types()
    {
        var ints = PromotedMap(Enumerable.Range(0, 100).ToArray());
        BytesPerCall(i => ints.Store(Keys[i % Keys.Length], i % Keys.Length)).Should().Be(0);
        var guids = PromotedMap(Enumerable.Range(0, 100).Select(i => new Guid(i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).ToArray());
        BytesPerCall(i => guids.Swap(Keys[i % Keys.Length], new Guid(i % Keys.Length, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), out _)).Should().Be(0);
    }

    [Fact]
    public void Store_of_a_new_value_type_value_boxes_once()
    {
        // Documented cost, not a promise of zero: a value type is boxed into the slot.
        var map = PromotedMap(Enumerable.Range(0, 100).ToArray());
        BytesPerCall(i => map.Store(Keys[i % Keys.Length], i)).Should().BeApproximately(24, 0.01);
    }

    private double BytesPerCall(Action<int> call, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        for (var i = 0; i < Calls; i++)
        {
            call(i); // warm-up: JIT tiers and first-use allocations
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call(i);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
        output.WriteLine($"{name}: {perCall} bytes per call over {Calls} calls");
        return perCall;
    }

    private static SyncMap<string, T> PromotedMap<T>(T[] values)
    {
        var map = new SyncMap<string, T>();
        for (var i = 0; i < Keys.Length; i++)
        {
            map.Store(Keys[i], values[i]);
        }

        map.Range(static (_, _) => true); // promotes dirty: every key is now in read
        return map;
    }
}

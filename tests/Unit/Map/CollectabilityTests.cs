using System.Runtime.CompilerServices;

namespace GoSync.Tests.Map;

/// <summary>A deleted key is referenced by nothing the map keeps (Go issue 40999).</summary>
public class CollectabilityTests
{
    [Fact]
    public void Keys_stored_then_deleted_become_collectable()
    {
        var map = new SyncMap<object, int>();
        map.Store("anchor", 0); // keeps len(dirty) above the miss count, as in Go's TestIssue40999
        var keys = StoreAndDelete(map, count: 1000, (m, k) => m.Delete(k));
        AliveAfterCollection(keys).Should().Be(0);
    }

    [Fact]
    public void Keys_removed_by_TryLoadAndDelete_become_collectable()
    {
        var map = new SyncMap<object, int>();
        map.Store("anchor", 0);
        var keys = StoreAndDelete(map, count: 1000, (m, k) => m.TryLoadAndDelete(k, out _));
        AliveAfterCollection(keys).Should().Be(0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> StoreAndDelete(SyncMap<object, int> map, int count, Action<SyncMap<object, int>, object> delete)
    {
        var keys = new List<WeakReference>(count);
        for (var i = 0; i < count; i++)
        {
            var key = new object();
            keys.Add(new WeakReference(key));
            map.Store(key, i);
            delete(map, key);
        }

        return keys;
    }

    private static int AliveAfterCollection(List<WeakReference> keys)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return keys.Count(k => k.IsAlive);
    }
}

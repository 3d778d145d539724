using System.Diagnostics.CodeAnalysis;
using GoSync.Benchmarks.Prototypes.FastReadSyncMap;

namespace GoSync.Benchmarks.Maps;

/// <summary>The open-addressing prototype (bench/Prototypes/FastReadSyncMap), measured beside SyncMap.</summary>
internal readonly struct FastReadSyncMapAdapter : IConcurrentMap<FastReadSyncMapAdapter>
{
    private readonly FastReadSyncMap<long, object> _map;

    private FastReadSyncMapAdapter(FastReadSyncMap<long, object> map) => _map = map;

    public static FastReadSyncMapAdapter CreateEmpty() => new(new FastReadSyncMap<long, object>());

    public bool TryLoad(long key, [MaybeNullWhen(false)] out object value) => _map.TryLoad(key, out value);

    public void Store(long key, object value) => _map.Store(key, value);

    public object LoadOrStore(long key, object value, out bool loaded) => _map.LoadOrStore(key, value, out loaded);

    public bool TryLoadAndDelete(long key, [MaybeNullWhen(false)] out object value) =>
        _map.TryLoadAndDelete(key, out value);

    public void Delete(long key) => _map.Delete(key);

    public bool Swap(long key, object value, out object? previous) => _map.Swap(key, value, out previous);

    public bool CompareAndSwap(long key, object expected, object value) => _map.CompareAndSwap(key, expected, value);

    public bool CompareAndDelete(long key, object expected) => _map.CompareAndDelete(key, expected);

    public void Range(Func<long, object, bool> visit) => _map.Range(visit);

    public void Clear() => _map.Clear();
}

using System.Diagnostics.CodeAnalysis;

namespace GoSync.Benchmarks.Maps;

/// <summary>The map under test, <see cref="SyncMap{TKey, TValue}"/>: every operation maps to one method.</summary>
internal readonly struct SyncMapAdapter : IConcurrentMap<SyncMapAdapter>
{
    private readonly SyncMap<long, object> _map;

    private SyncMapAdapter(SyncMap<long, object> map) => _map = map;

    public static SyncMapAdapter CreateEmpty() => new(new SyncMap<long, object>());

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

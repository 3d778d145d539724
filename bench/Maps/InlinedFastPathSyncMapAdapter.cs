using System.Diagnostics.CodeAnalysis;
using GoSync.Benchmarks.Prototypes.InlinedFastPathSyncMap;

namespace GoSync.Benchmarks.Maps;

/// <summary>The prototype with inlinable lock-free paths (bench/Prototypes/InlinedFastPathSyncMap), measured beside SyncMap.</summary>
internal readonly struct InlinedFastPathSyncMapAdapter : IConcurrentMap<InlinedFastPathSyncMapAdapter>
{
    private readonly InlinedFastPathSyncMap<long, object> _map;

    private InlinedFastPathSyncMapAdapter(InlinedFastPathSyncMap<long, object> map) => _map = map;

    public static InlinedFastPathSyncMapAdapter CreateEmpty() => new(new InlinedFastPathSyncMap<long, object>());

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

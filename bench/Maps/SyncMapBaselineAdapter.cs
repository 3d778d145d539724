extern alias baseline;

using System.Diagnostics.CodeAnalysis;
using BaselineSyncMap = baseline::GoSync;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// <see cref="SyncMap{TKey, TValue}"/> as it was at the baseline commit (bench/Baseline), so that a run measures
/// before and after side by side.
/// </summary>
internal readonly struct SyncMapBaselineAdapter<TKey, TValue> : ITypedMap<SyncMapBaselineAdapter<TKey, TValue>, TKey, TValue>
    where TKey : notnull
{
    private readonly BaselineSyncMap.SyncMap<TKey, TValue> _map;

    private SyncMapBaselineAdapter(BaselineSyncMap.SyncMap<TKey, TValue> map) => _map = map;

    public static SyncMapBaselineAdapter<TKey, TValue> CreateEmpty() => new(new BaselineSyncMap.SyncMap<TKey, TValue>());

    public bool TryLoad(TKey key, [MaybeNullWhen(false)] out TValue value) => _map.TryLoad(key, out value);

    public void Store(TKey key, TValue value) => _map.Store(key, value);

    public TValue LoadOrStore(TKey key, TValue value, out bool loaded) => _map.LoadOrStore(key, value, out loaded);

    public bool TryLoadAndDelete(TKey key, [MaybeNullWhen(false)] out TValue value) =>
        _map.TryLoadAndDelete(key, out value);

    public void Delete(TKey key) => _map.Delete(key);

    public bool Swap(TKey key, TValue value, out TValue? previous) => _map.Swap(key, value, out previous);

    public bool CompareAndSwap(TKey key, TValue expected, TValue value) => _map.CompareAndSwap(key, expected, value);

    public bool CompareAndDelete(TKey key, TValue expected) => _map.CompareAndDelete(key, expected);

    public void Range(Func<TKey, TValue, bool> visit) => _map.Range(visit);

    public void Clear() => _map.Clear();
}

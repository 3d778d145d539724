namespace GoSync.Benchmarks.Maps;

/// <summary>
/// A map of one key and value type under the workloads' numbered operations: key number n is
/// <typeparamref name="TKeys"/>' key n, value number n is <typeparamref name="TValues"/>' value n. Both maps of a
/// ratio convert the same way, so what a conversion costs (nothing for <c>long</c> keys, an array read for the cached
/// <c>string</c> and <c>Guid</c> keys) is the same on both sides.
/// </summary>
internal readonly struct Typed<TMap, TKey, TValue, TKeys, TValues>
    : IConcurrentMap<Typed<TMap, TKey, TValue, TKeys, TValues>>
    where TMap : struct, ITypedMap<TMap, TKey, TValue>
    where TKey : notnull
    where TKeys : struct, IKeyType<TKey>
    where TValues : struct, IValueType<TValue>
{
    // Static, so the compiler caches one delegate and Range allocates nothing.
    private static readonly Func<TKey, TValue, bool> VisitAll = static (_, _) => true;

    private readonly TMap _map;

    // Built once per map, for the same reason.
    private readonly Func<TKey, TValue, bool> _deleteFirst;

    private Typed(TMap map)
    {
        _map = map;
        _deleteFirst = (key, _) =>
        {
            map.Delete(key);
            return false;
        };
    }

    public static Typed<TMap, TKey, TValue, TKeys, TValues> CreateEmpty() => new(TMap.CreateEmpty());

    public bool TryLoad(long key) => _map.TryLoad(TKeys.Of(key), out _);

    public void Store(long key, long value) => _map.Store(TKeys.Of(key), TValues.Of(value));

    public bool LoadOrStore(long key, long value)
    {
        _map.LoadOrStore(TKeys.Of(key), TValues.Of(value), out var loaded);
        return loaded;
    }

    public bool TryLoadAndDelete(long key) => _map.TryLoadAndDelete(TKeys.Of(key), out _);

    public void Delete(long key) => _map.Delete(TKeys.Of(key));

    public bool Swap(long key, long value) => _map.Swap(TKeys.Of(key), TValues.Of(value), out _);

    public bool CompareAndSwap(long key, long expected, long value) =>
        _map.CompareAndSwap(TKeys.Of(key), TValues.Of(expected), TValues.Of(value));

    public bool CompareAndDelete(long key, long expected) =>
        _map.CompareAndDelete(TKeys.Of(key), TValues.Of(expected));

    public void RangeAll() => _map.Range(VisitAll);

    public void DeleteFirstInRange() => _map.Range(_deleteFirst);

    public void Clear() => _map.Clear();
}

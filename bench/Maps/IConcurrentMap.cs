using System.Diagnostics.CodeAnalysis;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// The operations every compared map offers (Go's <c>mapInterface</c> from <c>map_reference_test.go</c>), for keys
/// <typeparamref name="TKey"/> and values <typeparamref name="TValue"/>.
/// </summary>
/// <remarks>
/// Implementations are structs holding references to the real map, and workloads are generic over them, so the JIT
/// compiles one copy of each workload per map with direct, inlinable calls: the figures measure the maps, not
/// interface dispatch (which Go's benchmarks do pay, equally for every map).
/// </remarks>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal interface ITypedMap<TSelf, TKey, TValue>
    where TSelf : struct, ITypedMap<TSelf, TKey, TValue>
    where TKey : notnull
{
    /// <summary>A new, empty map.</summary>
    static abstract TSelf CreateEmpty();

    bool TryLoad(TKey key, [MaybeNullWhen(false)] out TValue value);

    void Store(TKey key, TValue value);

    TValue LoadOrStore(TKey key, TValue value, out bool loaded);

    bool TryLoadAndDelete(TKey key, [MaybeNullWhen(false)] out TValue value);

    void Delete(TKey key);

    /// <summary>Sets the value and returns the previous one; false when the key was absent.</summary>
    bool Swap(TKey key, TValue value, out TValue? previous);

    bool CompareAndSwap(TKey key, TValue expected, TValue value);

    bool CompareAndDelete(TKey key, TValue expected);

    /// <summary>Visits keys and values until <paramref name="visit"/> returns false; it may call this map.</summary>
    void Range(Func<TKey, TValue, bool> visit);

    void Clear();
}

/// <summary>
/// What a workload calls: Go's operations on key and value numbers (Go's <c>i</c>), which <see cref="Typed{TMap,
/// TKey, TValue, TKeys, TValues}"/> turns into the keys and values of one type pair, so one workload runs over every
/// key and value type. Results the workloads never read are dropped.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface IConcurrentMap<TSelf>
    where TSelf : struct, IConcurrentMap<TSelf>
{
    /// <summary>A new, empty map.</summary>
    static abstract TSelf CreateEmpty();

    bool TryLoad(long key);

    void Store(long key, long value);

    /// <summary>Go's LoadOrStore; returns <c>loaded</c>.</summary>
    bool LoadOrStore(long key, long value);

    bool TryLoadAndDelete(long key);

    void Delete(long key);

    /// <summary>Go's Swap; returns <c>loaded</c>.</summary>
    bool Swap(long key, long value);

    bool CompareAndSwap(long key, long expected, long value);

    bool CompareAndDelete(long key, long expected);

    /// <summary>Go's BenchmarkRange callback: visits every key.</summary>
    void RangeAll();

    /// <summary>Go's BenchmarkAdversarialDelete callback: deletes the first key Range visits and stops.</summary>
    void DeleteFirstInRange();

    void Clear();
}

using System.Diagnostics.CodeAnalysis;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// The operations every compared map offers (Go's <c>mapInterface</c> from <c>map_reference_test.go</c>), with Go's
/// types: keys are <see cref="long"/> (Go's <c>int</c> is 64-bit) and values are references (Go's <c>any</c>).
/// </summary>
/// <remarks>
/// Implementations are structs holding references to the real map, and workloads are generic over them, so the JIT
/// compiles one copy of each workload per map with direct, inlinable calls: the figures measure the maps, not
/// interface dispatch (which Go's benchmarks do pay, equally for every map).
/// </remarks>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface IConcurrentMap<TSelf>
    where TSelf : struct, IConcurrentMap<TSelf>
{
    /// <summary>A new, empty map.</summary>
    static abstract TSelf CreateEmpty();

    bool TryLoad(long key, [MaybeNullWhen(false)] out object value);

    void Store(long key, object value);

    object LoadOrStore(long key, object value, out bool loaded);

    bool TryLoadAndDelete(long key, [MaybeNullWhen(false)] out object value);

    void Delete(long key);

    /// <summary>Sets the value and returns the previous one; false when the key was absent.</summary>
    bool Swap(long key, object value, out object? previous);

    bool CompareAndSwap(long key, object expected, object value);

    bool CompareAndDelete(long key, object expected);

    /// <summary>Visits keys and values until <paramref name="visit"/> returns false; it may call this map.</summary>
    void Range(Func<long, object, bool> visit);

    void Clear();
}

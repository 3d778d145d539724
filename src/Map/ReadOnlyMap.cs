using System.Runtime.CompilerServices;

namespace GoSync;

/// <summary>
/// The immutable snapshot that <see cref="SyncMap{TKey, TValue}"/> publishes atomically (Go's <c>readOnly</c>).
/// Its <see cref="Entries"/> table is frozen before publication and never written again, so any number of threads may
/// read it without a lock; only the entries' value slots change, and those only through atomic operations.
/// </summary>
internal sealed class ReadOnlyMap<TKey, TValue>(EntryTable<TKey, TValue> entries, bool amended)
    where TKey : notnull
{
    /// <summary>The keys readable without the lock (a frozen table).</summary>
    internal readonly EntryTable<TKey, TValue> Entries = entries;

    /// <summary>True when <c>dirty</c> holds some key that <see cref="Entries"/> lacks.</summary>
    internal readonly bool Amended = amended;

    // The frozen table's buckets, comparer and placement secret, held here so that a load reaches a bucket in two
    // dependent reads (this object, then the bucket array), as ConcurrentDictionary's does.
    private readonly EntryTable<TKey, TValue>.Bucket[] _buckets = entries.Buckets;
    private readonly IEqualityComparer<TKey>? _comparer = entries.Comparer;
    private readonly ulong _secret = entries.Placement.Secret;

    /// <summary>The entry of <paramref name="key"/> in <see cref="Entries"/>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Entry<TValue>? Find(TKey key) =>
        EntryTable<TKey, TValue>.Find(_buckets, _comparer, _secret, key);
}

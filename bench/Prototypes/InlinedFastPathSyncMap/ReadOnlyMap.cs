namespace GoSync.Benchmarks.Prototypes.InlinedFastPathSyncMap;

/// <summary>
/// The immutable snapshot that <see cref="SyncMap{TKey, TValue}"/> publishes atomically (Go's <c>readOnly</c>).
/// Once published, <see cref="Entries"/> is never written again, so any number of threads may read it without a lock;
/// only the entries' value slots change, and those only through atomic operations.
/// </summary>
internal sealed class ReadOnlyMap<TKey, TValue>(Dictionary<TKey, Entry<TValue>> entries, bool amended)
    where TKey : notnull
{
    /// <summary>The keys readable without the lock.</summary>
    internal Dictionary<TKey, Entry<TValue>> Entries { get; } = entries;

    /// <summary>True when <c>dirty</c> holds some key that <see cref="Entries"/> lacks.</summary>
    internal bool Amended { get; } = amended;
}

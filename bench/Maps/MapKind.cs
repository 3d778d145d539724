namespace GoSync.Benchmarks.Maps;

/// <summary>The maps the suite compares, in the order the reports list them.</summary>
public enum MapKind
{
    /// <summary>GoSync's <see cref="SyncMap{TKey, TValue}"/>, the map under test.</summary>
    SyncMap,

    /// <summary><see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/>: the baseline of every ratio.</summary>
    ConcurrentDictionary,

    /// <summary>The NonBlocking package's lock-free <c>ConcurrentDictionary</c>.</summary>
    NonBlocking,

    /// <summary>A <see cref="Dictionary{TKey, TValue}"/> under a <see cref="ReaderWriterLockSlim"/> (Go's RWMutexMap).</summary>
    RwLockDictionary,

    /// <summary>A <see cref="Dictionary{TKey, TValue}"/> under one <see cref="Lock"/>.</summary>
    LockDictionary,

    /// <summary>A copy-on-write <see cref="Dictionary{TKey, TValue}"/> (Go's DeepCopyMap).</summary>
    CopyOnWrite,

    /// <summary>SyncMap at the baseline commit (bench/Baseline): only when asked for, to measure before and after.</summary>
    SyncMapBaseline,

    /// <summary>
    /// ConcurrentDictionary given a comparer it does not recognise, so that it hashes strings with .NET's randomised
    /// hashing as SyncMap does: only when asked for, to measure what that hashing costs.
    /// </summary>
    ConcurrentDictionaryRandomized,
}

namespace GoSync.Specs;

/// <summary>The ten operations of Go's <c>sync.Map</c>, as recorded in a history.</summary>
public enum OpKind
{
    /// <summary><c>Load(key)</c>: the value and whether the key was present.</summary>
    Load,

    /// <summary><c>Store(key, arg)</c>: no result.</summary>
    Store,

    /// <summary><c>LoadOrStore(key, arg)</c>: the actual value and whether it was loaded.</summary>
    LoadOrStore,

    /// <summary><c>LoadAndDelete(key)</c>: the value removed and whether the key was present.</summary>
    LoadAndDelete,

    /// <summary><c>Delete(key)</c>: no result.</summary>
    Delete,

    /// <summary><c>Swap(key, arg)</c>: the previous value and whether the key was present.</summary>
    Swap,

    /// <summary><c>CompareAndSwap(key, expected, arg)</c>: whether it swapped.</summary>
    CompareAndSwap,

    /// <summary><c>CompareAndDelete(key, expected)</c>: whether it deleted.</summary>
    CompareAndDelete,

    /// <summary><c>Range</c>: the pairs visited and whether the callback stopped it. Not linearizable in Go.</summary>
    Range,

    /// <summary><c>Clear()</c>: no result.</summary>
    Clear,
}

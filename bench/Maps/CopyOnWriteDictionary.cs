using System.Diagnostics.CodeAnalysis;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// Go's <c>DeepCopyMap</c>: readers use the published <see cref="Dictionary{TKey, TValue}"/> without a lock; every
/// write copies it whole under a lock and publishes the copy. Loads and Range are as cheap as it gets, and a write
/// costs O(n): the design <see cref="SyncMap{TKey, TValue}"/> improves on by copying only once per promotion.
/// </summary>
internal readonly struct CopyOnWriteDictionary : ITypedMap<CopyOnWriteDictionary, long, object>
{
    // Never written: the published state after Clear, so that Clear allocates nothing (Go publishes nil).
    private static readonly Dictionary<long, object> Empty = [];

    private readonly State _state;

    private CopyOnWriteDictionary(State state) => _state = state;

    public static CopyOnWriteDictionary CreateEmpty() => new(new State());

    private Dictionary<long, object> Clean => Volatile.Read(ref _state.Clean);

    public bool TryLoad(long key, [MaybeNullWhen(false)] out object value) => Clean.TryGetValue(key, out value);

    public void Store(long key, object value)
    {
        lock (_state.WriteLock)
        {
            var dirty = CopyClean();
            dirty[key] = value;
            Publish(dirty);
        }
    }

    public object LoadOrStore(long key, object value, out bool loaded)
    {
        if (Clean.TryGetValue(key, out var actual))
        {
            loaded = true;
            return actual;
        }

        lock (_state.WriteLock)
        {
            // Re-read: a writer may have published the key while this thread waited.
            if (Clean.TryGetValue(key, out actual))
            {
                loaded = true;
                return actual;
            }

            var dirty = CopyClean();
            dirty[key] = value;
            Publish(dirty);
            loaded = false;
            return value;
        }
    }

    public bool TryLoadAndDelete(long key, [MaybeNullWhen(false)] out object value)
    {
        // As in Go: copies even when the key is absent.
        lock (_state.WriteLock)
        {
            var dirty = CopyClean();
            var loaded = dirty.Remove(key, out value);
            Publish(dirty);
            return loaded;
        }
    }

    public void Delete(long key) => TryLoadAndDelete(key, out _);

    public bool Swap(long key, object value, out object? previous)
    {
        lock (_state.WriteLock)
        {
            var dirty = CopyClean();
            var loaded = dirty.TryGetValue(key, out previous);
            dirty[key] = value;
            Publish(dirty);
            return loaded;
        }
    }

    public bool CompareAndSwap(long key, object expected, object value)
    {
        // A comparison that fails on the published map fails without the lock or a copy, as in Go.
        if (!Clean.TryGetValue(key, out var current) || !Equals(current, expected))
        {
            return false;
        }

        lock (_state.WriteLock)
        {
            var dirty = CopyClean();
            if (!dirty.TryGetValue(key, out current) || !Equals(current, expected))
            {
                return false;
            }

            dirty[key] = value;
            Publish(dirty);
            return true;
        }
    }

    public bool CompareAndDelete(long key, object expected)
    {
        if (!Clean.TryGetValue(key, out var current) || !Equals(current, expected))
        {
            return false;
        }

        lock (_state.WriteLock)
        {
            var dirty = CopyClean();
            if (!dirty.TryGetValue(key, out current) || !Equals(current, expected))
            {
                return false;
            }

            dirty.Remove(key);
            Publish(dirty);
            return true;
        }
    }

    public void Range(Func<long, object, bool> visit)
    {
        foreach (var (key, value) in Clean)
        {
            if (!visit(key, value))
            {
                return;
            }
        }
    }

    public void Clear()
    {
        lock (_state.WriteLock)
        {
            Publish(Empty);
        }
    }

    /// <summary>Go's <c>dirty()</c>: a private copy of the published map, with room for one more key.</summary>
    private Dictionary<long, object> CopyClean()
    {
        var clean = Clean;
        var dirty = new Dictionary<long, object>(clean.Count + 1);
        foreach (var (key, value) in clean)
        {
            dirty.Add(key, value);
        }

        return dirty;
    }

    private void Publish(Dictionary<long, object> clean) => Volatile.Write(ref _state.Clean, clean);

    /// <summary>The mutable part, shared by every copy of the struct.</summary>
    private sealed class State
    {
        public readonly Lock WriteLock = new();
        public Dictionary<long, object> Clean = Empty;
    }
}

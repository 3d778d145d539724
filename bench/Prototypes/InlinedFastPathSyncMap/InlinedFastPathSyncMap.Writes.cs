using System.Runtime.CompilerServices;

namespace GoSync.Benchmarks.Prototypes.InlinedFastPathSyncMap;

public sealed partial class InlinedFastPathSyncMap<TKey, TValue>
{
    /// <summary>
    /// Go <c>LoadOrStore</c>: returns the value of <paramref name="key"/> when present; otherwise stores
    /// <paramref name="value"/> and returns it.
    /// </summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">The value to store when the key is absent; may be null.</param>
    /// <param name="loaded">True when the value was loaded, false when it was stored.</param>
    /// <returns>The value now associated with the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public TValue LoadOrStore(TKey key, TValue value, out bool loaded)
    {
        ThrowIfNull(key);
        var read = LoadReadOnly();
        if (read.Entries.TryGetValue(key, out var e) && e.TryLoadOrStore(value, out var actual, out loaded))
        {
            return actual;
        }

        return LoadOrStoreLocked(key, value, out loaded);
    }

    // PROTOTYPE: the locked part of LoadOrStore, in a method of its own, so that LoadOrStore can be inlined.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private TValue LoadOrStoreLocked(TKey key, TValue value, out bool loaded)
    {
        TValue actual;
        lock (_mu)
        {
            var read = LoadReadOnly();
            if (read.Entries.TryGetValue(key, out var e))
            {
                if (e.UnexpungeLocked())
                {
                    _dirty![key] = e;
                }

                e.TryLoadOrStore(value, out actual, out loaded);
            }
            else if (_dirty is not null && _dirty.TryGetValue(key, out e))
            {
                e.TryLoadOrStore(value, out actual, out loaded);
                MissLocked();
            }
            else
            {
                AddToDirtyLocked(read, key, Entry<TValue>.Wrap(value));
                actual = value;
                loaded = false;
            }
        }

        return actual;
    }

    /// <summary>
    /// Go <c>CompareAndSwap</c>: replaces the value of <paramref name="key"/> with <paramref name="value"/> when it
    /// equals <paramref name="expected"/> by the map's value comparer. Never creates a key.
    /// </summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="expected">The value the key must hold.</param>
    /// <param name="value">The new value; may be null.</param>
    /// <returns>True when the value was swapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool CompareAndSwap(TKey key, TValue expected, TValue value)
    {
        ThrowIfNull(key);
        var read = LoadReadOnly();
        if (read.Entries.TryGetValue(key, out var e))
        {
            return e.TryCompareAndSwap(expected, value, _valueComparer);
        }

        if (!read.Amended)
        {
            return false;
        }

        lock (_mu)
        {
            read = LoadReadOnly();
            if (read.Entries.TryGetValue(key, out e))
            {
                return e.TryCompareAndSwap(expected, value, _valueComparer);
            }

            if (_dirty is not null && _dirty.TryGetValue(key, out e))
            {
                var swapped = e.TryCompareAndSwap(expected, value, _valueComparer);
                MissLocked();
                return swapped;
            }

            return false;
        }
    }

    /// <summary>Go <c>Swap</c> on a wrapped value: returns the previous wrapped value, or null when there was none.</summary>
    private object? SwapWrapped(TKey key, object wrapped)
    {
        ThrowIfNull(key);
        var read = LoadReadOnly();
        if (read.Entries.TryGetValue(key, out var e) && e.TrySwap(wrapped, out var previous))
        {
            return previous;
        }

        lock (_mu)
        {
            read = LoadReadOnly();
            if (read.Entries.TryGetValue(key, out e))
            {
                if (e.UnexpungeLocked())
                {
                    // The entry was left out of dirty while expunged: put it back before it becomes live.
                    _dirty![key] = e;
                }

                return e.SwapLocked(wrapped);
            }

            if (_dirty is not null && _dirty.TryGetValue(key, out e))
            {
                return e.SwapLocked(wrapped);
            }

            AddToDirtyLocked(read, key, wrapped);
            return null;
        }
    }
}

using System.Runtime.CompilerServices;

namespace GoSync;

public sealed partial class SyncMap<TKey, TValue>
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
        var e = LoadReadOnly().Find(key);
        return e is not null && e.TryLoadOrStore(value, out var actual, out loaded)
            ? actual
            : LoadOrStoreLocked(key, value, out loaded);
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
        var e = read.Find(key);
        if (e is not null)
        {
            return e.TryCompareAndSwap(expected, value, _valueComparer);
        }

        return read.Amended && CompareAndSwapLocked(key, expected, value);
    }

    /// <summary>Go <c>Swap</c> on a wrapped value: returns the previous wrapped value, or null when there was none.</summary>
    private object? SwapWrapped(TKey key, object wrapped)
    {
        ThrowIfNull(key);
        var e = LoadReadOnly().Find(key);
        return e is not null && e.TrySwap(wrapped, out var previous) ? previous : SwapWrappedLocked(key, wrapped);
    }

    // The slow paths below take the lock; kept out of line so that the lock-free paths above can be inlined.

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TValue LoadOrStoreLocked(TKey key, TValue value, out bool loaded)
    {
        TValue actual;
        lock (_mu)
        {
            var read = LoadReadOnly();
            var e = read.Find(key);
            if (e is not null)
            {
                UnexpungeLocked(key, e);
                e.TryLoadOrStore(value, out actual, out loaded);
            }
            else if ((e = _dirty?.Find(key)) is not null)
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool CompareAndSwapLocked(TKey key, TValue expected, TValue value)
    {
        lock (_mu)
        {
            var e = LoadReadOnly().Find(key);
            if (e is not null)
            {
                return e.TryCompareAndSwap(expected, value, _valueComparer);
            }

            if ((e = _dirty?.Find(key)) is not null)
            {
                var swapped = e.TryCompareAndSwap(expected, value, _valueComparer);
                MissLocked();
                return swapped;
            }

            return false;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? SwapWrappedLocked(TKey key, object wrapped)
    {
        lock (_mu)
        {
            var read = LoadReadOnly();
            var e = read.Find(key);
            if (e is not null)
            {
                UnexpungeLocked(key, e);
                return e.SwapLocked(wrapped);
            }

            if ((e = _dirty?.Find(key)) is not null)
            {
                return e.SwapLocked(wrapped);
            }

            AddToDirtyLocked(read, key, wrapped);
            return null;
        }
    }
}

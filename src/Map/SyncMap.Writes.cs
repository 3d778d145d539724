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
        StepBegin(key, e);
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
        StepBegin(key, e);
        if (e is not null)
        {
            return e.TryCompareAndSwap(expected, value, _valueComparer);
        }

        return read.Amended && CompareAndSwapLocked(key, expected, value);
    }

    /// <summary>Go <c>Swap</c>: returns the previous wrapped value, or null when there was none.</summary>
    private object? SwapWrapped(TKey key, TValue value)
    {
        ThrowIfNull(key);
        var e = LoadReadOnly().Find(key);
        StepBegin(key, e);
        object? wrapped = null;
        return e is not null && e.TrySwap(value, out wrapped, out var previous)
            ? previous
            : SwapWrappedLocked(key, wrapped ?? Entry<TValue>.Wrap(value));
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
                StepLocked("LosLocked", key, e, unlocks: false);
                UnexpungeLocked(key, e);
                e.TryLoadOrStore(value, out actual, out loaded);
                StepUnlock();
            }
            else if ((e = _dirty?.Find(key)) is not null)
            {
                StepLocked("LosLocked", key, e, unlocks: false);
                e.TryLoadOrStore(value, out actual, out loaded);
                MissLocked();
                StepUnlock();
            }
            else
            {
                StepAdding("LosLocked", key);
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
                StepLocked("CasLocked", key, e, unlocks: false);
                var swappedInRead = e.TryCompareAndSwap(expected, value, _valueComparer);
                StepUnlock();
                return swappedInRead;
            }

            if ((e = _dirty?.Find(key)) is not null)
            {
                StepLocked("CasLocked", key, e, unlocks: false);
                var swapped = e.TryCompareAndSwap(expected, value, _valueComparer);
                MissLocked();
                StepUnlock();
                return swapped;
            }

            StepLocked("CasLocked", key, e, unlocks: true);
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
                StepLocked("SwapLocked", key, e, unlocks: false);
                UnexpungeLocked(key, e);
                return e.SwapLocked(wrapped); // SwapExchange ends the region (the step log knows)
            }

            if ((e = _dirty?.Find(key)) is not null)
            {
                StepLocked("SwapLocked", key, e, unlocks: false);
                return e.SwapLocked(wrapped);
            }

            StepAdding("SwapLocked", key);
            AddToDirtyLocked(read, key, wrapped);
            return null;
        }
    }
}

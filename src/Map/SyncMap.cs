using System.Collections;
using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;

namespace GoSync;

/// <summary>
/// A concurrent map with the semantics and design of Go's <c>sync.Map</c> (Go 1.20–1.23): loads, stores and deletes of
/// keys that are already in its read-only part take no lock, and loads of such keys allocate nothing. It suits caches
/// that only grow and maps whose threads touch disjoint keys; for a write-heavy map a
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> is usually faster.
/// </summary>
/// <remarks>
/// <para>
/// <c>null</c> is a legal value and is never confused with a missing key. Every operation is linearisable except
/// <see cref="Range"/>, which is no snapshot: it visits each key at most once, and a visited value is one the key held
/// at some moment during the call.
/// </para>
/// <para>
/// State: <c>read</c>, an atomically published <see cref="ReadOnlyMap{TKey, TValue}"/>; <c>dirty</c>, a dictionary
/// guarded by the lock that, when not null, holds every entry that is not expunged; and <c>misses</c>, how often the
/// slow path consulted <c>dirty</c> since the last promotion. Once misses reach <c>dirty</c>'s count, <c>dirty</c> becomes
/// the new <c>read</c>.
/// </para>
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type; <c>null</c> is a legal value.</typeparam>
public sealed partial class SyncMap<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    // A plain object, not System.Threading.Lock: Coyote controls Monitor and would not see a Lock.
    private readonly object _mu = new();
    private readonly IEqualityComparer<TKey>? _keyComparer;
    private readonly IEqualityComparer<TValue> _valueComparer;

    // Published by Clear: an empty read that is never written, shared so that Clear allocates nothing.
    private readonly ReadOnlyMap<TKey, TValue> _emptyRead;

    private ReadOnlyMap<TKey, TValue> _read;
    private EntryTable<TKey, TValue>? _dirty; // guarded by _mu
    private int _misses; // guarded by _mu

    /// <summary>Creates an empty map that compares keys and values with their default equality comparers.</summary>
    public SyncMap()
        : this(null)
    {
    }

    /// <summary>Creates an empty map.</summary>
    /// <param name="keyComparer">Compares keys; <c>null</c> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <param name="valueComparer">
    /// Compares values in <see cref="CompareAndSwap"/> and <see cref="CompareAndDelete"/>; <c>null</c> for
    /// <see cref="EqualityComparer{T}.Default"/>.
    /// </param>
    public SyncMap(IEqualityComparer<TKey>? keyComparer, IEqualityComparer<TValue>? valueComparer = null)
    {
        _keyComparer = keyComparer;
        _valueComparer = valueComparer ?? EqualityComparer<TValue>.Default;
        _emptyRead = new ReadOnlyMap<TKey, TValue>(new EntryTable<TKey, TValue>(0, _keyComparer).Freeze(), amended: false);
        _read = _emptyRead;
    }

    /// <summary>Go <c>Load</c>: the value stored for <paramref name="key"/>, if any.</summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">The value, or default when the key is absent.</param>
    /// <returns>True when the key is present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryLoad(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        // Find's steps written out so that the JIT lays out a hit and a miss in a read that is not amended (the
        // common miss) as short straight paths; the slow path is out of line.
        ThrowIfNull(key);
        var read = LoadReadOnly();
        var e = read.Find(key);
        if (e is not null)
        {
            return e.TryLoad(out value);
        }

        if (read.Amended && (e = FindLocked(key, removeFromDirty: false)) is not null)
        {
            return e.TryLoad(out value);
        }

        value = default;
        return false;
    }

    /// <summary>Go <c>Store</c>: sets the value for <paramref name="key"/>.</summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">The value; may be null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Store(TKey key, TValue value) => SwapWrapped(key, Entry<TValue>.Wrap(value));

    /// <summary>Go <c>Swap</c>: sets the value for <paramref name="key"/> and returns the previous one, if any.</summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">The new value; may be null.</param>
    /// <param name="previous">The value replaced, or default when the key was absent.</param>
    /// <returns>True when the key was present (Go's <c>loaded</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Swap(TKey key, TValue value, [MaybeNullWhen(false)] out TValue previous)
    {
        var old = SwapWrapped(key, Entry<TValue>.Wrap(value));
        if (old is null)
        {
            previous = default;
            return false;
        }

        previous = Entry<TValue>.Unwrap(old);
        return true;
    }

    /// <summary>Go <c>Delete</c>: removes <paramref name="key"/>; does nothing when it is absent.</summary>
    /// <param name="key">The key; not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Delete(TKey key) => TryLoadAndDelete(key, out _);

    /// <summary>Go <c>LoadAndDelete</c>: removes <paramref name="key"/> and returns the value it had.</summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">The value removed, or default when the key was absent.</param>
    /// <returns>True when the key was present (Go's <c>loaded</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryLoadAndDelete(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var e = Find(key, removeFromDirty: true);
        if (e is null)
        {
            value = default;
            return false;
        }

        return e.TryDelete(out value);
    }

    /// <summary>
    /// Go <c>CompareAndDelete</c>: removes <paramref name="key"/> when its value equals <paramref name="expected"/>
    /// by the map's value comparer.
    /// </summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="expected">The value the key must hold.</param>
    /// <returns>True when the key was removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool CompareAndDelete(TKey key, TValue expected)
    {
        var e = Find(key, removeFromDirty: false);
        return e is not null && e.TryCompareAndDelete(expected, _valueComparer);
    }

    /// <summary>
    /// Go <c>Range</c>: calls <paramref name="visit"/> for each key and value until it returns false. No snapshot: each
    /// key is visited at most once, and a visited value is one the key held at some moment during the call. The
    /// callback may call any method of this map. Allocates nothing.
    /// </summary>
    /// <param name="visit">Called with each key and value; returns false to stop.</param>
    /// <exception cref="ArgumentNullException"><paramref name="visit"/> is null.</exception>
    public void Range(Func<TKey, TValue, bool> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        foreach (var (key, e) in ReadForRange().Entries)
        {
            if (e.TryLoad(out var value) && !visit(key, value))
            {
                return;
            }
        }
    }

    /// <summary>Go's <c>Range</c> as an enumerator, with the same guarantees as <see cref="Range"/>.</summary>
    /// <returns>The live keys and values.</returns>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        foreach (var (key, e) in ReadForRange().Entries)
        {
            if (e.TryLoad(out var value))
            {
                yield return new KeyValuePair<TKey, TValue>(key, value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Go <c>Clear</c>: removes every key.</summary>
    public void Clear()
    {
        var read = LoadReadOnly();
        if (read.Entries.Count == 0 && !read.Amended)
        {
            return; // already clear: take no lock
        }

        lock (_mu)
        {
            Publish(_emptyRead);
            // Go clears dirty in place; dropping it is the same state (no key outside read) and frees its table.
            _dirty = null;
            _misses = 0;
        }
    }

    private ReadOnlyMap<TKey, TValue> LoadReadOnly() => Volatile.Read(ref _read);

    private void Publish(ReadOnlyMap<TKey, TValue> read) => Volatile.Write(ref _read, read);

    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            ThrowNullKey();
        }
    }

    [DoesNotReturn]
    private static void ThrowNullKey() => throw new ArgumentNullException("key");
}

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
/// User code the map calls (the key and value comparers, the <see cref="Range"/> callback, a <c>foreach</c> body) may
/// throw at any call: the exception reaches the caller, the operation that called it has had no effect, and the map
/// stays whole (every invariant holds, no stored key or value is lost, no deleted one comes back). The map calls
/// user code only before it changes anything, and never while it restructures a table.
/// </para>
/// <para>
/// Keys are placed in the tables by a secret drawn per map from a cryptographically strong source, so nobody who cannot
/// watch the map's timing at length can choose keys that collide. Keys whose <c>GetHashCode</c> values are equal
/// collide whatever the placement.
/// </para>
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type; <c>null</c> is a legal value.</typeparam>
public sealed partial class SyncMap<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    // The fields follow Go's map.go, each with the invariant it keeps. An entry's value slot is live (a value), nil
    // (deleted; dirty is null or maps the key to this entry) or expunged (deleted, and absent from a non-null dirty):
    // see Entry.

    // Guards dirty and misses, and every write to read. A plain object, not System.Threading.Lock: Coyote controls
    // Monitor and would not see a Lock.
    private readonly object _mu = new();

    // Compares keys in every table of this map; null for the default comparer.
    private readonly IEqualityComparer<TKey>? _keyComparer;

    // Compares values in CompareAndSwap and CompareAndDelete.
    private readonly IEqualityComparer<TValue> _valueComparer;

    // Where keys are placed in this map's tables: a secret per map, shared by read and dirty.
    private readonly Placement _placement;

    // Published by Clear: an empty read that is never written, shared so that Clear allocates nothing.
    private readonly ReadOnlyMap<TKey, TValue> _emptyRead;

    // The empty read marked amended, published by the first new key after Clear (or into a new map); made once, when
    // first needed, so that a map cleared after every few stores does not allocate it each time. Guarded by _mu.
    private ReadOnlyMap<TKey, TValue>? _emptyReadAmended;

    // The part of the map that is safe for concurrent access without the lock: loaded with Volatile.Read, replaced
    // only under _mu with Volatile.Write. Its table is frozen; only its entries' slots change, atomically. A key in
    // read whose entry is expunged is absent; an entry that is not expunged may be updated without the lock, and if
    // dirty is not null it is updated in dirty too, because both hold the same Entry object. read.Amended is true
    // whenever dirty holds some key that read lacks (it may stay true after such keys leave dirty, until the next
    // promotion), and never when dirty is null.
    private ReadOnlyMap<TKey, TValue> _read;

    // The keys that need the lock: when not null, it holds every entry of read that is not expunged (so promoting it
    // loses nothing) plus the keys added since the last promotion. Null after a promotion or Clear, until the next new
    // key copies read into it (DirtyLocked). Guarded by _mu.
    private EntryTable<TKey, TValue>? _dirty;

    // Lookups since the last promotion that missed read and had to take the lock to consult dirty. Once they reach
    // dirty's count, dirty is promoted to read (MissLocked): the slow path has then cost about as much as the copy.
    // Zero whenever dirty is null. Guarded by _mu.
    private int _misses;

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
        : this(keyComparer, valueComparer, Placement.Random())
    {
    }

    /// <summary>Creates an empty map with a given placement secret: the tests' way to make runs reproducible.</summary>
    internal SyncMap(IEqualityComparer<TKey>? keyComparer, IEqualityComparer<TValue>? valueComparer, Placement placement)
    {
        _keyComparer = keyComparer;
        _valueComparer = valueComparer ?? EqualityComparer<TValue>.Default;
        _placement = placement;
        _emptyRead = new ReadOnlyMap<TKey, TValue>(NewTable(0).Freeze(), amended: false);
        _read = _emptyRead;
    }

    /// <summary>The placement secret, for the failure reports of test runs.</summary>
    internal Placement Placement => _placement;

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
        StepBegin(key, e);
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
    public void Store(TKey key, TValue value) => SwapWrapped(key, value);

    /// <summary>Go <c>Swap</c>: sets the value for <paramref name="key"/> and returns the previous one, if any.</summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">The new value; may be null.</param>
    /// <param name="previous">The value replaced, or default when the key was absent.</param>
    /// <returns>True when the key was present (Go's <c>loaded</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Swap(TKey key, TValue value, [MaybeNullWhen(false)] out TValue previous)
    {
        var old = SwapWrapped(key, value);
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
            StepRangeKey(key);
            if (e.TryLoad(out var value))
            {
                StepRangeVisit(key, value);
                if (!visit(key, value))
                {
                    return;
                }
            }
        }

        StepRangeEnd();
    }

    /// <summary>Go's <c>Range</c> as an enumerator, with the same guarantees as <see cref="Range"/>.</summary>
    /// <returns>The live keys and values.</returns>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        foreach (var (key, e) in ReadForRange().Entries)
        {
            StepRangeKey(key);
            if (e.TryLoad(out var value))
            {
                StepRangeVisit(key, value);
                yield return new KeyValuePair<TKey, TValue>(key, value);
            }
        }

        StepRangeEnd();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Go <c>Clear</c>: removes every key.</summary>
    public void Clear()
    {
        var read = LoadReadOnly();
        StepBeginWithoutKey();
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
            StepLockedWithoutKey("ClearLocked");
        }
    }

    private ReadOnlyMap<TKey, TValue> LoadReadOnly() => Volatile.Read(ref _read);

    private EntryTable<TKey, TValue> NewTable(int capacity) => new(capacity, _keyComparer, _placement);

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

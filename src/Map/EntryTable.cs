using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoSync;

/// <summary>
/// The key → entry table of <c>read</c> and of <c>dirty</c> (Go's <c>map[any]*entry</c>): open addressing with linear
/// probing over a power-of-two array of buckets that hold the key and the entry side by side, at most half
/// full, with backward-shift deletion (no tombstones).
/// </summary>
/// <remarks>
/// <para>
/// Why not <see cref="Dictionary{TKey, TValue}"/>: a load of a key in <c>read</c> is the operation this design exists
/// for, and a Dictionary lookup goes through a bucket array into a separate entry array, which measured 1.8 times
/// slower than <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/>'s lookup for
/// <see cref="long"/> keys. One array of buckets is as few dependent reads as ConcurrentDictionary's bucket and node.
/// </para>
/// <para>
/// Thread safety is the map's protocol, enforced here where it can be: a table is written only under the map's lock
/// while it is <c>dirty</c>, and <see cref="Freeze"/> is called before it is published as <c>read</c>; from then on any
/// write throws, so "a published read is never written again" is checked on every write, not assumed. A frozen table
/// is immutable and may be read by any number of threads without a lock.
/// </para>
/// </remarks>
internal sealed class EntryTable<TKey, TValue>
    where TKey : notnull
{
    // Small, because a map whose keys come and go builds a new dirty table per new key: 32 buckets cost 703 B per
    // operation in SwapMostlyMisses, 8 buckets 320 B, with loads unchanged (docs/benchmarks.md).
    private const int MinimumLength = 8;

    // Null for a value-type key with the default comparer: EqualityComparer<TKey>.Default is then devirtualised.
    private readonly IEqualityComparer<TKey>? _comparer;
    private Bucket[] _buckets;
    private int _count;
    private int _keyHashes; // the XOR of the present keys' hashes: where enumeration starts
    private bool _frozen;

    /// <summary>Creates an empty table with room for <paramref name="capacity"/> keys before it grows.</summary>
    internal EntryTable(int capacity, IEqualityComparer<TKey>? comparer)
    {
        _comparer = comparer ?? (typeof(TKey).IsValueType ? null : EqualityComparer<TKey>.Default);
        _buckets = new Bucket[LengthFor(capacity)];
    }

    /// <summary>How many keys the table holds.</summary>
    internal int Count => _count;

    /// <summary>Whether the table has been published as <c>read</c> and may no longer be written.</summary>
    internal bool IsFrozen => _frozen;

    /// <summary>Marks the table immutable: the map calls this before publishing it as <c>read</c>.</summary>
    internal EntryTable<TKey, TValue> Freeze()
    {
        _frozen = true;
        return this;
    }

    /// <summary>The bucket array: fixed once the table is frozen, so a published read may keep it at hand.</summary>
    internal Bucket[] Buckets => _buckets;

    /// <summary>The key comparer, or null for a value-type key compared by default.</summary>
    internal IEqualityComparer<TKey>? Comparer => _comparer;

    /// <summary>The entry of <paramref name="key"/>, or null. Lock-free on a frozen table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Entry<TValue>? Find(TKey key) => Find(_buckets, _comparer, key);

    /// <summary>
    /// The entry of <paramref name="key"/> in <paramref name="buckets"/>, or null: the lookup itself, static so that a
    /// published read reaches its buckets with one load fewer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Entry<TValue>? Find(Bucket[] buckets, IEqualityComparer<TKey>? comparer, TKey key) =>
        typeof(TKey).IsValueType && comparer is null ? FindByDefault(buckets, key) : FindBy(buckets, comparer!, key);

    // Two loops rather than one that tests the comparer at every probe: the default one, for value-type keys, is
    // devirtualised and small enough to keep in registers when inlined into a load.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Entry<TValue>? FindByDefault(Bucket[] buckets, TKey key)
    {
        var hash = EqualityComparer<TKey>.Default.GetHashCode(key);
        var mask = buckets.Length - 1;
        ref var first = ref MemoryMarshal.GetArrayDataReference(buckets);
        for (var i = Home(hash, mask); ; i = (i + 1) & mask)
        {
            ref var bucket = ref Unsafe.Add(ref first, i); // i <= mask < buckets.Length
            if (bucket.Entry is null || EqualityComparer<TKey>.Default.Equals(bucket.Key, key))
            {
                return bucket.Entry;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the default loop's registers free where both are compiled
    private static Entry<TValue>? FindBy(Bucket[] buckets, IEqualityComparer<TKey> comparer, TKey key)
    {
        var hash = comparer.GetHashCode(key);
        var mask = buckets.Length - 1;
        for (var i = Home(hash, mask); ; i = (i + 1) & mask)
        {
            ref var bucket = ref buckets[i];
            if (bucket.Entry is null || comparer.Equals(bucket.Key, key))
            {
                return bucket.Entry;
            }
        }
    }

    /// <summary>Whether the table holds <paramref name="key"/>.</summary>
    internal bool ContainsKey(TKey key) => Find(key) is not null;

    /// <summary>Maps <paramref name="key"/> to <paramref name="entry"/>, adding the key or replacing its entry.</summary>
    /// <exception cref="InvalidOperationException">The table is frozen (published as <c>read</c>).</exception>
    internal void Set(TKey key, Entry<TValue> entry)
    {
        ThrowIfFrozen();
        var hash = Hash(key);
        var i = Slot(key, hash);
        if (_buckets[i].Entry is null)
        {
            if ((_count + 1) * 2 > _buckets.Length)
            {
                Grow();
                i = Slot(key, hash);
            }

            _count++;
            _keyHashes ^= hash;
        }

        _buckets[i] = new Bucket(key, entry);
    }

    /// <summary>Removes <paramref name="key"/>, returning its entry; null when the key was absent.</summary>
    /// <exception cref="InvalidOperationException">The table is frozen (published as <c>read</c>).</exception>
    internal Entry<TValue>? Remove(TKey key)
    {
        ThrowIfFrozen();
        var buckets = _buckets;
        var mask = buckets.Length - 1;
        var hash = Hash(key);
        var hole = Slot(key, hash);
        var removed = buckets[hole].Entry;
        if (removed is null)
        {
            return null;
        }

        _keyHashes ^= hash;

        // Backward shift: each later bucket of the run moves into the hole unless its home lies cyclically in
        // (hole, j], where a lookup starting at its home would still reach it without crossing the hole.
        for (var j = (hole + 1) & mask; buckets[j].Entry is not null; j = (j + 1) & mask)
        {
            var home = Home(Hash(buckets[j].Key), mask);
            var reachable = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!reachable)
            {
                buckets[hole] = buckets[j];
                hole = j;
            }
        }

        buckets[hole] = default;
        _count--;
        return removed;
    }

    /// <summary>
    /// The keys and entries, in bucket order from a starting bucket that depends on which keys are present;
    /// allocates nothing.
    /// </summary>
    /// <remarks>
    /// Why not from bucket 0: a program that deletes the first key Range visits and adds new keys (Go's
    /// AdversarialDelete benchmark; an "evict any one key" cache) would delete keys from the front of the table while
    /// new keys land anywhere, so the survivors pile up at its end into one long probe run (measured: 1,023 of 1,024
    /// keys in one run, lookups of 173 ns instead of 6). Go randomises each map iteration's start; a start derived
    /// from the key set is deterministic, so Coyote replays the same Range, and moves whenever a key is added or
    /// removed.
    /// </remarks>
    public Enumerator GetEnumerator() => new(_buckets, Home(_keyHashes, _buckets.Length - 1));

    /// <summary>
    /// The longest distance, in buckets, from a key's home to the bucket that holds it: what the slowest lookup of a
    /// present key walks. For the tests, which check that patterned keys do not pile up into long runs.
    /// </summary>
    internal int LongestProbe()
    {
        var mask = _buckets.Length - 1;
        var longest = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            if (_buckets[i].Entry is not null)
            {
                longest = Math.Max(longest, (i - Home(Hash(_buckets[i].Key), mask)) & mask);
            }
        }

        return longest;
    }

    private static int LengthFor(int capacity)
    {
        var length = MinimumLength;
        while (length < capacity * 2L)
        {
            length <<= 1;
        }

        return length;
    }

    /// <summary>
    /// The bucket a hash starts its probe at: Fibonacci hashing, the top bits of the hash times 2^32/φ. Linear probing
    /// needs scattered homes: with homes taken from the hash's low bits, keys with consecutive hashes filled
    /// consecutive buckets, and two such runs over the same range (Go's benchmark keys of two workers, i and
    /// 2^40 + i, whose <see cref="long"/> hashes are i and i ^ 256) merged into one cluster that every insert walked
    /// (a longest probe of 66,046 buckets at 2^17 keys; 251 µs per new key in the LoadOrStoreUnique benchmark).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(int hash, int mask) =>
        (int)(((uint)hash * 0x9E3779B9u) >> BitOperations.LeadingZeroCount((uint)mask)); // mask = 2^b - 1, b >= 3

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Hash(TKey key) =>
        _comparer is null ? EqualityComparer<TKey>.Default.GetHashCode(key) : _comparer.GetHashCode(key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool KeysEqual(TKey a, TKey b) =>
        _comparer is null ? EqualityComparer<TKey>.Default.Equals(a, b) : _comparer.Equals(a, b);

    /// <summary>The bucket holding <paramref name="key"/>, or the empty bucket where it belongs.</summary>
    private int Slot(TKey key, int hash)
    {
        var mask = _buckets.Length - 1;
        var i = Home(hash, mask);
        while (_buckets[i].Entry is not null && !KeysEqual(_buckets[i].Key, key))
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private void Grow()
    {
        var old = _buckets;
        _buckets = new Bucket[old.Length * 2];
        var mask = _buckets.Length - 1;
        foreach (var bucket in old)
        {
            if (bucket.Entry is not null)
            {
                var i = Home(Hash(bucket.Key), mask);
                while (_buckets[i].Entry is not null)
                {
                    i = (i + 1) & mask;
                }

                _buckets[i] = bucket;
            }
        }
    }

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("A published read table was written: read tables are immutable once published.");
        }
    }

    /// <summary>One bucket: empty when <see cref="Entry"/> is null.</summary>
    /// <remarks>No hash is kept: at most half full, a probe rarely meets another key, and 16-byte buckets (for a
    /// <see cref="long"/> key) keep more of the table in cache than 24-byte ones.</remarks>
    internal readonly struct Bucket(TKey key, Entry<TValue> entry)
    {
        public readonly TKey Key = key;
        public readonly Entry<TValue>? Entry = entry;
    }

    /// <summary>Enumerates the occupied buckets as key-entry pairs.</summary>
    internal struct Enumerator(Bucket[] buckets, int start)
    {
        private int _step = -1;
        private int _index;

        public readonly KeyValuePair<TKey, Entry<TValue>> Current => new(buckets[_index].Key, buckets[_index].Entry!);

        public bool MoveNext()
        {
            while (++_step < buckets.Length)
            {
                _index = (start + _step) & (buckets.Length - 1);
                if (buckets[_index].Entry is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

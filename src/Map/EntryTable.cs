using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoSync;

/// <summary>
/// The key → entry table of <c>read</c> and of <c>dirty</c> (Go's <c>map[any]*entry</c>): open addressing with linear
/// probing over a power-of-two array of buckets that hold the key, its hash code and the entry side by side, at most
/// half full, with backward-shift deletion (no tombstones).
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
/// <para>
/// User code (the key comparer) may throw at any call, so a table calls it only before it changes anything: a write
/// hashes and compares the key it is given, then changes the table without another call. Growing, removing (the
/// backward shift) and copying buckets into another table of the same map use the hash codes kept in the buckets, as
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> keeps them in its nodes.
/// </para>
/// </remarks>
internal sealed class EntryTable<TKey, TValue>
    where TKey : notnull
{
    // Small, because a map whose keys come and go builds a new dirty table per new key (docs/benchmarks.md); 4 holds
    // the two keys of such a dirty (the key read has and the new one) at the half-full bound.
    private const int MinimumLength = 4;

    // Null for a value-type key with the default comparer: EqualityComparer<TKey>.Default is then devirtualised.
    private readonly IEqualityComparer<TKey>? _comparer;
    private readonly Placement _placement;
    private Bucket[] _buckets;
    private int _count;
    private int _keyHashes; // the XOR of the present keys' hash codes: where enumeration starts
    private bool _frozen;

    /// <summary>Creates an empty table with room for <paramref name="capacity"/> keys before it grows.</summary>
    internal EntryTable(int capacity, IEqualityComparer<TKey>? comparer, Placement placement)
    {
        _comparer = comparer ?? (typeof(TKey).IsValueType ? null : EqualityComparer<TKey>.Default);
        _placement = placement;
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

    /// <summary>The map's placement secret.</summary>
    internal Placement Placement => _placement;

    /// <summary>The entry of <paramref name="key"/>, or null. Lock-free on a frozen table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Entry<TValue>? Find(TKey key) =>
        Find(_buckets, _comparer, _placement.Secret, key);

    /// <summary>
    /// The entry of <paramref name="key"/> in <paramref name="buckets"/>, or null: the lookup itself, static so that a
    /// published read reaches its buckets with one load fewer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Entry<TValue>? Find(
        Bucket[] buckets, IEqualityComparer<TKey>? comparer, ulong secret, TKey key) =>
        typeof(TKey).IsValueType && comparer is null
            ? FindByDefault(buckets, secret, key)
            : FindBy(buckets, comparer!, secret, key);

    // Two loops rather than one that tests the comparer at every probe: the default one, for value-type keys, is
    // devirtualised and small enough to keep in registers when inlined into a load. It compares keys, not hash codes:
    // for a value type compared by default the key is as cheap to compare as its hash.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Entry<TValue>? FindByDefault(Bucket[] buckets, ulong secret, TKey key)
    {
        var mask = buckets.Length - 1;
        ref var first = ref MemoryMarshal.GetArrayDataReference(buckets);
        var hash = EqualityComparer<TKey>.Default.GetHashCode(key);
        for (var i = Placement.Home(hash, mask, secret); ; i = (i + 1) & mask)
        {
            ref var bucket = ref Unsafe.Add(ref first, i); // i <= mask < buckets.Length
            if (bucket.Entry is null || EqualityComparer<TKey>.Default.Equals(bucket.Key, key))
            {
                return bucket.Entry;
            }
        }
    }

    // The comparer is called only on a bucket whose hash code matches: a string key is compared once per hit.
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the default loop's registers free where both are compiled
    private static Entry<TValue>? FindBy(
        Bucket[] buckets, IEqualityComparer<TKey> comparer, ulong secret, TKey key)
    {
        var hash = comparer.GetHashCode(key);
        var mask = buckets.Length - 1;
        for (var i = Placement.Home(hash, mask, secret); ; i = (i + 1) & mask)
        {
            ref var bucket = ref buckets[i];
            if (bucket.Entry is null || (bucket.Hash == hash && comparer.Equals(bucket.Key, key)))
            {
                return bucket.Entry;
            }
        }
    }

    /// <summary>Whether the table holds <paramref name="key"/>.</summary>
    internal bool ContainsKey(TKey key) => Find(key) is not null;

    /// <summary>Maps <paramref name="key"/> to <paramref name="entry"/>, adding the key or replacing its entry.</summary>
    /// <exception cref="InvalidOperationException">The table is frozen (published as <c>read</c>).</exception>
    /// <remarks>The comparer is called before anything changes: if it throws, the table is as it was.</remarks>
    internal void Set(TKey key, Entry<TValue> entry)
    {
        ThrowIfFrozen();
        var hash = Hash(key);
        var i = BucketOf(key, hash);
        if (_buckets[i].Entry is not null)
        {
            _buckets[i] = new Bucket(key, hash, entry);
            return;
        }

        Add(new Bucket(key, hash, entry));
    }

    /// <summary>
    /// Adds a bucket whose key the table does not hold, taken from a table of the same map (same placement), without
    /// calling the comparer: DirtyLocked's copy of read.
    /// </summary>
    /// <exception cref="InvalidOperationException">The table is frozen (published as <c>read</c>).</exception>
    internal void AddDistinct(in Bucket bucket)
    {
        ThrowIfFrozen();
        Add(bucket);
    }

    /// <summary>Removes <paramref name="key"/>, returning its entry; null when the key was absent.</summary>
    /// <exception cref="InvalidOperationException">The table is frozen (published as <c>read</c>).</exception>
    /// <remarks>The comparer is called only to find the key; the backward shift uses the kept hash codes.</remarks>
    internal Entry<TValue>? Remove(TKey key)
    {
        ThrowIfFrozen();
        var buckets = _buckets;
        var mask = buckets.Length - 1;
        var hash = Hash(key);
        var hole = BucketOf(key, hash);
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
            var home = _placement.Home(buckets[j].Hash, mask);
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
    /// The buckets in use, in bucket order from a starting bucket that depends on which keys are present; allocates
    /// nothing.
    /// </summary>
    /// <remarks>
    /// Why not from bucket 0: a program that deletes the first key Range visits and adds new keys (Go's
    /// AdversarialDelete benchmark; an "evict any one key" cache) would delete keys from the front of the table while
    /// new keys land anywhere, so the survivors pile up at its end into one long probe run (docs/benchmarks.md). Go
    /// randomises each map iteration's start; a start derived from the key set and the placement secret is
    /// deterministic under a fixed secret, so Coyote replays the same Range, and moves whenever a key is added or
    /// removed.
    /// </remarks>
    public Enumerator GetEnumerator() => new(_buckets, _placement.Home(_keyHashes, _buckets.Length - 1));

    /// <summary>
    /// The longest distance, in buckets, from a key's home to the bucket that holds it: what the slowest lookup of a
    /// present key walks. For the tests, which check that patterned and attacking keys do not pile up into long runs.
    /// </summary>
    internal int LongestProbe()
    {
        var mask = _buckets.Length - 1;
        var longest = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            if (_buckets[i].Entry is not null)
            {
                longest = Math.Max(longest, (i - _placement.Home(_buckets[i].Hash, mask)) & mask);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Hash(TKey key) =>
        _comparer is null ? EqualityComparer<TKey>.Default.GetHashCode(key) : _comparer.GetHashCode(key);

    /// <summary>The bucket holding <paramref name="key"/>, or the empty bucket where it belongs.</summary>
    private int BucketOf(TKey key, int hash)
    {
        var mask = _buckets.Length - 1;
        var i = _placement.Home(hash, mask);
        while (_buckets[i].Entry is not null && !(_buckets[i].Hash == hash && KeysEqual(_buckets[i].Key, key)))
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool KeysEqual(TKey a, TKey b) =>
        _comparer is null ? EqualityComparer<TKey>.Default.Equals(a, b) : _comparer.Equals(a, b);

    /// <summary>Places a bucket whose key is absent, growing first when the table would be over half full.</summary>
    private void Add(in Bucket bucket)
    {
        if ((_count + 1) * 2 > _buckets.Length)
        {
            _buckets = Rehash(_buckets, _buckets.Length * 2);
        }

        _buckets[EmptyBucketFor(_buckets, bucket.Hash)] = bucket;
        _count++;
        _keyHashes ^= bucket.Hash;
    }

    /// <summary>The first empty bucket from <paramref name="hash"/>'s home.</summary>
    private int EmptyBucketFor(Bucket[] buckets, int hash)
    {
        var mask = buckets.Length - 1;
        var i = _placement.Home(hash, mask);
        while (buckets[i].Entry is not null)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    /// <summary>A new array of <paramref name="length"/> buckets holding <paramref name="old"/>'s, placed by their kept hashes.</summary>
    private Bucket[] Rehash(Bucket[] old, int length)
    {
        var grown = new Bucket[length];
        foreach (var bucket in old)
        {
            if (bucket.Entry is not null)
            {
                grown[EmptyBucketFor(grown, bucket.Hash)] = bucket;
            }
        }

        return grown;
    }

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException(
                $"{nameof(Invariant.ReadNeverWritten)}: a published read table was written: read tables are immutable once published.");
        }
    }

    /// <summary>One bucket: empty when <see cref="Entry"/> is null.</summary>
    /// <remarks>
    /// The key's hash code is kept so that growing, removing and copying never call user code (which may throw), and
    /// a lookup by comparer calls <c>Equals</c> only on a matching hash. It costs no space for <see cref="int"/> keys
    /// (16 bytes either way) and 8 bytes of padding for 8-byte keys.
    /// </remarks>
    internal readonly struct Bucket(TKey key, int hash, Entry<TValue> entry)
    {
        public readonly TKey Key = key;
        public readonly Entry<TValue>? Entry = entry;
        public readonly int Hash = hash;

        /// <summary>The key and the entry, for <c>foreach (var (key, entry) in table)</c>.</summary>
        public void Deconstruct(out TKey key, out Entry<TValue> entry)
        {
            key = Key;
            entry = Entry!;
        }
    }

    /// <summary>Enumerates the occupied buckets.</summary>
    internal struct Enumerator(Bucket[] buckets, int start)
    {
        private int _step = -1;
        private int _index;

        public readonly Bucket Current => buckets[_index];

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

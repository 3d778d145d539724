using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoSync.Benchmarks.Prototypes.FastReadSyncMap;

/// <summary>
/// PROTOTYPE, for measurement: the table of <c>read</c> and <c>dirty</c>, in place of
/// <see cref="Dictionary{TKey, TValue}"/> of entries. It is an array of entry references, open-addressed (linear
/// probing, power-of-two length, at most half full), and each entry carries its key and hash: a load reads one array
/// slot and then the entry itself, where the key, the hash and the value slot lie together. That is as many dependent
/// reads as <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> (bucket, node), where
/// Dictionary-then-entry costs two more (bucket, entry array, entry object).
/// </summary>
/// <remarks>
/// The map writes a table only under its lock and only before publishing it as <c>read</c> (a published table is never
/// written: promotion hands <c>dirty</c> over and forgets it), so lock-free lookups always see a table at rest.
/// </remarks>
internal sealed class EntryTable<TKey, TValue>
    where TKey : notnull
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15; // 2^64 / golden ratio: spreads any hash over the top bits
    private const int MinimumLength = 8;

    private readonly IEqualityComparer<TKey>? _comparer; // null: the key type's default, devirtualised for structs
    private Entry<TKey, TValue>?[] _slots;
    private int _shift; // 64 - log2(length): a home slot is the top bits of hash × Fibonacci
    private int _count;

    public EntryTable(int capacity, IEqualityComparer<TKey>? comparer)
    {
        _comparer = comparer is null && !typeof(TKey).IsValueType ? EqualityComparer<TKey>.Default : comparer;
        _slots = Allocate(capacity, out _shift);
    }

    public int Count => _count;

    /// <summary>The key's hash by this table's comparer: what a new entry for the key must carry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Hash(TKey key) =>
        typeof(TKey).IsValueType && _comparer is null ? key.GetHashCode() : _comparer!.GetHashCode(key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out Entry<TKey, TValue> entry)
    {
        var hash = Hash(key);
        var slots = _slots;
        var mask = slots.Length - 1;
        ref var first = ref MemoryMarshal.GetArrayDataReference(slots);
        for (var i = Home(hash, _shift); ; i = (i + 1) & mask)
        {
            var e = Unsafe.Add(ref first, i); // i ≤ mask < slots.Length
            if (e is null)
            {
                entry = null;
                return false;
            }

            if (e.Hash == hash && KeysEqual(e.Key, key))
            {
                entry = e;
                return true;
            }
        }
    }

    public bool ContainsKey(TKey key) => TryGetValue(key, out _);

    /// <summary>Adds the entry's key, or replaces the entry of that key. Only on an unpublished table, under the lock.</summary>
    public void Set(Entry<TKey, TValue> entry)
    {
        var i = FindSlot(entry.Key, entry.Hash);
        if (_slots[i] is null)
        {
            if ((_count + 1) * 2 > _slots.Length)
            {
                Grow();
                i = FindSlot(entry.Key, entry.Hash);
            }

            _count++;
        }

        _slots[i] = entry;
    }

    /// <summary>Removes the key (backward-shift deletion: no tombstones). Only on an unpublished table, under the lock.</summary>
    public bool Remove(TKey key, [MaybeNullWhen(false)] out Entry<TKey, TValue> entry)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var hole = FindSlot(key, Hash(key));
        entry = slots[hole];
        if (entry is null)
        {
            return false;
        }

        // Close the gap: move back each later entry of the run whose home is not cyclically in (hole, j].
        for (var j = (hole + 1) & mask; slots[j] is { } moved; j = (j + 1) & mask)
        {
            var home = Home(moved.Hash, _shift);
            var stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays)
            {
                slots[hole] = moved;
                hole = j;
            }
        }

        slots[hole] = null;
        _count--;
        return true;
    }

    /// <summary>Visits the entries (keys and value slots); allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(_slots);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(int hash, int shift) => (int)(((ulong)(uint)hash * Fibonacci) >> shift);

    private static Entry<TKey, TValue>?[] Allocate(int capacity, out int shift)
    {
        var length = MinimumLength;
        while (length < capacity * 2)
        {
            length <<= 1;
        }

        shift = 64 - int.Log2(length);
        return new Entry<TKey, TValue>?[length];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool KeysEqual(TKey a, TKey b) =>
        typeof(TKey).IsValueType && _comparer is null ? EqualityComparer<TKey>.Default.Equals(a, b) : _comparer!.Equals(a, b);

    /// <summary>The slot holding the key, or the empty slot where it would go.</summary>
    private int FindSlot(TKey key, int hash)
    {
        var mask = _slots.Length - 1;
        var i = Home(hash, _shift);
        while (_slots[i] is { } e && !(e.Hash == hash && KeysEqual(e.Key, key)))
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = Allocate(old.Length, out _shift); // twice the length: at most a quarter full afterwards
        var mask = _slots.Length - 1;
        foreach (var e in old)
        {
            if (e is not null)
            {
                var i = Home(e.Hash, _shift);
                while (_slots[i] is not null)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = e;
            }
        }
    }

    /// <summary>Enumerates the occupied slots as key-entry pairs.</summary>
    public struct Enumerator(Entry<TKey, TValue>?[] slots)
    {
        private int _index = -1;

        public readonly KeyValuePair<TKey, Entry<TKey, TValue>> Current => new(slots[_index]!.Key, slots[_index]!);

        public bool MoveNext()
        {
            while (++_index < slots.Length)
            {
                if (slots[_index] is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

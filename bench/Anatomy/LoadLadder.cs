using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace GoSync.Benchmarks.Anatomy;

/// <summary>
/// A lock-free hit of SyncMap, rebuilt in steps outside the library so that each step's cost can be timed: the same
/// open-addressing table (2048 buckets for 1024 keys, linear probing, buckets of key, hash code and entry), reached
/// the way <c>SyncMap.TryLoad</c> reaches it. Each rung adds one thing to the one before; the last is the whole hit
/// path (the map's own <c>TryLoad</c> is timed beside it).
/// </summary>
internal sealed class LoadLadder
{
    /// <summary>The rungs, in order.</summary>
    public enum Rung
    {
        /// <summary>Home bucket by <c>hash &amp; mask</c> (no secret, no multiply), then the probe: the entry found.</summary>
        IdentityPlacement,

        /// <summary>Home bucket by SyncMap's placement (XOR with a secret, multiply, shift), then the probe.</summary>
        SecretPlacement,

        /// <summary>Plus a volatile read of the published table first, as a load reads <c>read</c>.</summary>
        PublishedTable,

        /// <summary>Plus the entry's slot, read with <see cref="Volatile"/> and tested for null.</summary>
        Slot,

        /// <summary>Plus the value's unboxing (a value-type value is a box in the slot).</summary>
        Unbox,
    }

    private const ulong GoldenRatio64 = 0x9E3779B97F4A7C15;

    private sealed class Entry(object? value)
    {
        public object? Value = value;
    }

    private struct Bucket
    {
        public long Key;
        public int Hash;
        public Entry? Entry;
    }

    private sealed class Table(Bucket[] buckets)
    {
        public readonly Bucket[] Buckets = buckets;
    }

    private readonly ulong _secret;
    private readonly Bucket[] _byIdentity;
    private Table _table;

    /// <summary>A table holding keys 0 to <paramref name="stored"/> − 1, each mapped to a box of itself.</summary>
    public LoadLadder(int stored)
    {
        Span<byte> secret = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(secret);
        _secret = BitConverter.ToUInt64(secret);
        var length = 4;
        while (length < stored * 2L)
        {
            length *= 2;
        }

        _byIdentity = new Bucket[length];
        var bySecret = new Bucket[length];
        for (var k = 0L; k < stored; k++)
        {
            var entry = new Entry((int)k);
            Place(_byIdentity, k, (int)k & (length - 1), entry);
            Place(bySecret, k, Home(k.GetHashCode(), length - 1), entry);
        }

        _table = new Table(bySecret);
    }

    private static void Place(Bucket[] buckets, long key, int home, Entry entry)
    {
        var i = home;
        while (buckets[i].Entry is not null)
        {
            i = (i + 1) & (buckets.Length - 1);
        }

        buckets[i] = new Bucket { Key = key, Hash = key.GetHashCode(), Entry = entry };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(int hash, int mask) =>
        (int)((((uint)hash ^ _secret) * GoldenRatio64) >> System.Numerics.BitOperations.LeadingZeroCount((ulong)(uint)mask));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Entry? Probe(Bucket[] buckets, long key, int home)
    {
        var mask = buckets.Length - 1;
        ref var first = ref MemoryMarshal.GetArrayDataReference(buckets);
        for (var i = home; ; i = (i + 1) & mask)
        {
            ref var bucket = ref Unsafe.Add(ref first, i);
            if (bucket.Entry is null || bucket.Key == key)
            {
                return bucket.Entry;
            }
        }
    }

    /// <summary>Loads <paramref name="operations"/> keys from <paramref name="keys"/> (cyclically) up to <paramref name="rung"/>.</summary>
    /// <returns>How many were found, so the work cannot be dropped.</returns>
    public int Run(Rung rung, long[] keys, int operations) => rung switch
    {
        Rung.IdentityPlacement => Run<IdentityPlacementRung>(keys, operations),
        Rung.SecretPlacement => Run<SecretPlacementRung>(keys, operations),
        Rung.PublishedTable => Run<PublishedTableRung>(keys, operations),
        Rung.Slot => Run<SlotRung>(keys, operations),
        _ => Run<UnboxRung>(keys, operations),
    };

    // The rung is a type argument, so each loop is compiled for its rung alone and no rung pays for choosing, per load,
    // which one it is (SyncMap's and ConcurrentDictionary's loops, timed beside them, choose nothing either).
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private int Run<TRung>(long[] keys, int operations)
        where TRung : struct, IRung
    {
        var found = 0;
        var mask = keys.Length - 1;
        for (var n = 0; n < operations; n++)
        {
            var key = keys[n & mask];
            found += TRung.Value switch
            {
                Rung.IdentityPlacement => Probe(_byIdentity, key, (int)key & (_byIdentity.Length - 1)) is not null ? 1 : 0,
                Rung.SecretPlacement => Probe(_table.Buckets, key, Home(key.GetHashCode(), _table.Buckets.Length - 1)) is not null ? 1 : 0,
                _ => LoadPublished(TRung.Value, key),
            };
        }

        return found;
    }

    private interface IRung
    {
        static abstract Rung Value { get; }
    }

    private readonly struct IdentityPlacementRung : IRung
    {
        public static Rung Value => Rung.IdentityPlacement;
    }

    private readonly struct SecretPlacementRung : IRung
    {
        public static Rung Value => Rung.SecretPlacement;
    }

    private readonly struct PublishedTableRung : IRung
    {
        public static Rung Value => Rung.PublishedTable;
    }

    private readonly struct SlotRung : IRung
    {
        public static Rung Value => Rung.Slot;
    }

    private readonly struct UnboxRung : IRung
    {
        public static Rung Value => Rung.Unbox;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LoadPublished(Rung rung, long key)
    {
        var buckets = Volatile.Read(ref _table).Buckets;
        var entry = Probe(buckets, key, Home(key.GetHashCode(), buckets.Length - 1));
        if (entry is null || rung == Rung.PublishedTable)
        {
            return entry is null ? 0 : 1;
        }

        var value = Volatile.Read(ref entry.Value);
        if (value is null)
        {
            return 0;
        }

        return rung == Rung.Slot ? 1 : ((int)value >= 0 ? 1 : 0);
    }
}

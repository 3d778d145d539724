using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace GoSync;

/// <summary>
/// Where a key's probe starts in a table of 2^b buckets: the top b bits of <c>a·h + c</c> (mod 2^64), where
/// <c>h</c> is the key's 32-bit hash code and <c>a</c>, <c>c</c> are a secret drawn once per map from a
/// cryptographically strong source. Every table of one map (its read and dirty) uses the same secret, so a bucket
/// copied from one table to another keeps its hash and needs no user code to be placed again.
/// </summary>
/// <remarks>
/// <para>
/// Why a secret: with a fixed multiplier anyone can invert the placement and compute keys that share one home bucket,
/// and every insert and lookup then walks one probe run holding all of them (measured with Fibonacci hashing: 20,000
/// such <see cref="int"/> keys cost 88 µs per key instead of 0.5; docs/benchmarks.md). This is Dietzfelbinger's
/// multiply-add-shift family, which is strongly universal for 32-bit inputs when the word has 64 ≥ 32 + b − 1 bits:
/// for any two distinct hash codes, over the choice of secret, the chance that they share a home is 2^−b. An attacker
/// who does not know the secret can do no better than chance; keys whose hash codes are equal are not separated by any
/// placement (that is the key type's <c>GetHashCode</c>).
/// </para>
/// <para>
/// Cost: one 64-bit multiply and an add where Fibonacci hashing had a 32-bit multiply; the two words sit in the
/// published read next to its bucket array, so a lookup loads them from a line it reads anyway.
/// </para>
/// </remarks>
internal readonly struct Placement
{
    /// <summary>The multiplier <c>a</c>.</summary>
    internal readonly ulong Multiplier;

    /// <summary>The increment <c>c</c>.</summary>
    internal readonly ulong Increment;

    /// <summary>A placement with the given secret. Only tests fix it, to make runs reproducible.</summary>
    internal Placement(ulong multiplier, ulong increment)
    {
        Multiplier = multiplier;
        Increment = increment;
    }

    /// <summary>A placement with a fresh secret from <see cref="RandomNumberGenerator"/>.</summary>
    internal static Placement Random()
    {
        Span<ulong> secret = stackalloc ulong[2];
        RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(secret));
        return new Placement(secret[0], secret[1]);
    }

    /// <summary>The home bucket of <paramref name="hash"/> in a table whose index mask is <paramref name="mask"/>.</summary>
    /// <remarks>mask = 2^b − 1 with 3 ≤ b ≤ 31, so the shift 64 − b is its count of leading zeros.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Home(int hash, int mask, ulong multiplier, ulong increment) =>
        (int)((multiplier * (uint)hash + increment) >> BitOperations.LeadingZeroCount((ulong)(uint)mask));

    /// <summary>The home bucket of <paramref name="hash"/> under this secret.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Home(int hash, int mask) => Home(hash, mask, Multiplier, Increment);

    /// <summary>The secret in hexadecimal, for the failure reports of test runs (never shown by the public API).</summary>
    public override string ToString() => $"a=0x{Multiplier:X16} c=0x{Increment:X16}";
}

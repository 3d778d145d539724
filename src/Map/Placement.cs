using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace GoSync;

/// <summary>
/// Where a key's probe starts in a table of 2^b buckets: the top b bits of <c>(h XOR s) × ⌊2^64/φ⌋</c> (mod 2^64),
/// where <c>h</c> is the key's 32-bit hash code, zero-extended, and <c>s</c> is a 64-bit secret drawn once per map
/// from a cryptographically strong source. Every table of one map (its read and dirty) uses the same secret, so a
/// bucket copied from one table to another keeps its hash code and needs no user code to be placed again.
/// </summary>
/// <remarks>
/// <para>
/// Why a secret: with a fixed function anyone can invert the placement and compute keys that share one home bucket,
/// and every insert and lookup then walks one probe run holding all of them. Under the Fibonacci hashing GoSync had
/// before, <c>int</c> keys k × (2^32/φ)⁻¹ all had home 0: 20,000 of them cost 30 µs per store-and-load instead of 0.2
/// (docs/benchmarks.md). The secret enters before the multiplication, where its carries scramble the hash: keys
/// computed to share a home under one secret are spread under another.
/// </para>
/// <para>
/// Why this function: an XOR with a constant maps each aligned block of consecutive hash codes onto an aligned block,
/// so the low-discrepancy spread of Fibonacci hashing survives it. That spread is what keeps patterned keys short:
/// Go's benchmark keys of 16 workers, (w &lt;&lt; 40) + i, have only 8,192 distinct <c>long</c> hash codes for 2^17
/// keys, 16 keys to a code; Fibonacci spacing gives each group its own gap (longest probe 15), while placements that
/// behave like random functions let the groups overlap (simulated longest probes of 292 to 525 for a seeded murmur-style
/// finaliser, 328 for a multiply-add-shift universal family behind a fixed mixer, which also measured 1.2–1.6 times
/// slower loads here). The price, measured by simulation: the structure of the XOR leaks a little. 2,000 keys built
/// to share a home under one secret, placed under 400 other random secrets, had a longest probe of 30 at the median
/// and 182 at the 99th percentile (at most 308), where 2,000 random keys had 14 and 29 (at most 37); under the old
/// fixed placement they had 1,999 every time. So an attacker who cannot watch the map's timing can make lookups a
/// small factor slower, not linear.
/// </para>
/// <para>
/// Not promised: keys whose hash codes are equal share a home under every secret (that is the key type's
/// <c>GetHashCode</c>); the function is not a proven universal family. Cost: one XOR more than Fibonacci hashing, and
/// the secret is loaded from the published read next to its bucket array.
/// </para>
/// </remarks>
internal readonly struct Placement : IEquatable<Placement>
{
    private const ulong GoldenRatio64 = 0x9E3779B97F4A7C15; // ⌊2^64/φ⌋, odd

    /// <summary>The secret <c>s</c>.</summary>
    internal readonly ulong Secret;

    /// <summary>A placement with the given secret. Only tests fix it, to make runs reproducible.</summary>
    internal Placement(ulong secret) => Secret = secret;

    /// <summary>A placement with a fresh secret from <see cref="RandomNumberGenerator"/>.</summary>
    internal static Placement Random()
    {
        Span<byte> secret = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(secret);
        return new Placement(BitConverter.ToUInt64(secret));
    }

    /// <summary>The home bucket of <paramref name="hash"/> in a table whose index mask is <paramref name="mask"/>.</summary>
    /// <remarks>mask = 2^b − 1 with 3 ≤ b ≤ 31, so the shift 64 − b is its count of leading zeros.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Home(int hash, int mask, ulong secret) =>
        (int)((((uint)hash ^ secret) * GoldenRatio64) >> BitOperations.LeadingZeroCount((ulong)(uint)mask));

    /// <summary>The home bucket of <paramref name="hash"/> under this secret.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Home(int hash, int mask) => Home(hash, mask, Secret);

    public bool Equals(Placement other) => Secret == other.Secret;

    public override bool Equals(object? obj) => obj is Placement other && Equals(other);

    public override int GetHashCode() => Secret.GetHashCode();

    /// <summary>The secret in hexadecimal, for the failure reports of test runs (never shown by the public API).</summary>
    public override string ToString() => $"0x{Secret:X16}";
}

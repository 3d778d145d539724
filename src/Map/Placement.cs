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
/// and every insert and lookup then walks one probe run holding all of them. The secret enters before the
/// multiplication, where its carries scramble the hash: keys computed to share a home under one secret are spread
/// under another.
/// </para>
/// <para>
/// Why this function and not a random-looking one: an XOR with a constant maps each aligned block of consecutive hash
/// codes onto an aligned block, so the even spread of Fibonacci hashing survives it, and that spread keeps patterned
/// keys (consecutive ids, strides, groups sharing a hash code) in short runs where placements that behave like random
/// functions let them overlap into long ones. The price is that some structure of a key set built against one secret
/// survives under another: a small factor on probe lengths, not a linear scan. docs/benchmarks.md has the measurements
/// behind both choices.
/// </para>
/// <para>
/// Not promised: keys whose hash codes are equal share a home under every secret (that is the key type's
/// <c>GetHashCode</c>); the function is not a proven universal family.
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
    /// <remarks>mask = 2^b − 1 with 2 ≤ b ≤ 31, so the shift 64 − b is its count of leading zeros.</remarks>
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

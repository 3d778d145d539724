using System.Collections.Concurrent;
using System.Diagnostics;
using GoSync.Benchmarks.Reporting;

namespace GoSync.Benchmarks.Attacks;

/// <summary>
/// <c>--attacks</c>: keys an attacker would send, stored then loaded one by one into a new SyncMap and a new
/// ConcurrentDictionary, in the same process, in interleaved rounds; prints the median microseconds per key of each
/// and their ratio. Quadratic behaviour shows as a time per key that grows with the key count.
/// </summary>
/// <remarks>
/// The key sets: <c>int</c> keys k × (2^32/φ)⁻¹ mod 2^32, which all shared one home bucket under the fixed Fibonacci
/// placement GoSync used before its tables had a secret; consecutive keys as the baseline; and keys whose
/// <c>GetHashCode</c> values are all equal (a user type with a poor hash), which no placement can separate.
/// </remarks>
internal static class HashAttack
{
    private const uint InverseOfGoldenRatio = 0x144CBC89; // 0x9E3779B9 × 0x144CBC89 ≡ 1 (mod 2^32)
    private const int Rounds = 5;

    /// <summary>A key whose hash code is always 0: every key collides, whatever the table does with hashes.</summary>
    private readonly record struct SameHash(int Id)
    {
        public override int GetHashCode() => 0;
    }

    public static int Run()
    {
        Console.WriteLine($"Hash-flooding attack, {Rounds} interleaved rounds per row, load average {MachineLoad.Read()}");
        Console.WriteLine("| keys | key set | SyncMap µs/key | ConcurrentDictionary µs/key | SyncMap / ConcurrentDictionary |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        foreach (var count in new[] { 20_000, 50_000 })
        {
            Row(count, "consecutive int", Enumerable.Range(0, count).ToArray());
            Row(count, "int k × (2^32/φ)⁻¹", Enumerable.Range(0, count).Select(k => unchecked((int)((uint)k * InverseOfGoldenRatio))).ToArray());
        }

        Row(10_000, "equal GetHashCode", Enumerable.Range(0, 10_000).Select(i => new SameHash(i)).ToArray());
        return 0;
    }

    private static void Row<TKey>(int count, string name, TKey[] keys)
        where TKey : notnull
    {
        var syncMap = new List<double>();
        var dictionary = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            syncMap.Add(MicrosecondsPerKey(keys, () =>
            {
                var map = new SyncMap<TKey, object>();
                return key =>
                {
                    map.Store(key, keys);
                    map.TryLoad(key, out _);
                };
            }));
            dictionary.Add(MicrosecondsPerKey(keys, () =>
            {
                var map = new ConcurrentDictionary<TKey, object>();
                return key =>
                {
                    map[key] = keys;
                    map.TryGetValue(key, out _);
                };
            }));
        }

        double s = Median(syncMap), d = Median(dictionary);
        Console.WriteLine($"| {count:N0} | {name} | {s:F3} | {d:F3} | {s / d:F2} |");
    }

    private static double MicrosecondsPerKey<TKey>(TKey[] keys, Func<Action<TKey>> create)
    {
        var storeAndLoad = create();
        var clock = Stopwatch.StartNew();
        foreach (var key in keys)
        {
            storeAndLoad(key);
        }

        return clock.Elapsed.TotalMicroseconds / keys.Length;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}

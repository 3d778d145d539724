using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using GoSync.Benchmarks.Reporting;

namespace GoSync.Benchmarks.Anatomy;

/// <summary>
/// <c>--anatomy</c>: where the gap on lock-free loads comes from. Times Go's LoadMostlyHits and LoadMostlyMisses loop
/// (1024 keys, 1023 or 1 of them stored) on <see cref="SyncMap{TKey, TValue}"/> and
/// <see cref="ConcurrentDictionary{TKey, TValue}"/>, one thread, in the same process, in interleaved rounds, and varies
/// one thing at a time: the order the keys are loaded in (the suite's consecutive order, or a fixed random permutation
/// of the same keys) and the value type (<c>int</c>, or <c>string</c> references). Each map's loop calls it directly, as
/// a user's code does (the suite's reference-value cases go through shared generic code: docs/benchmarks.md).
/// </summary>
/// <remarks>
/// Why these two variables: with consecutive keys, <c>ConcurrentDictionary</c>'s identity hash of an integer walks its
/// bucket array and (allocated in key order) its nodes in order, which the prefetcher follows, while SyncMap's secret
/// placement scatters consecutive keys over its table on purpose (hash flooding, docs/benchmarks.md); a random order
/// takes that advantage away from both. An <c>int</c> value is boxed in SyncMap's slot and stored in place in a node; a
/// <c>string</c> value is a reference in both, so the difference between the two columns is what the box costs.
/// </remarks>
internal static class LoadAnatomy
{
    private const int KeySpan = 1024;
    private const int Rounds = 15;
    private const int OperationsPerRound = 1 << 21;

    private sealed record Case(string Workload, string Types, string Order, Func<double> SyncMap, Func<double> Dictionary);

    public static int Run()
    {
        Console.WriteLine($"Load anatomy: median ns per load of {Rounds} interleaved rounds of {OperationsPerRound:N0} loads, 1 thread, load average {MachineLoad.Read()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var cases = new List<Case>();
        foreach (var (workload, hits) in new[] { ("LoadMostlyHits", KeySpan - 1), ("LoadMostlyMisses", 1) })
        {
            foreach (var (order, shuffled) in new[] { ("consecutive", false), ("random", true) })
            {
                var longs = Keys(shuffled);
                var ints = longs.Select(k => (int)k).ToArray();
                cases.Add(Pair(workload, "long/int", order, hits, longs, k => (long)k, k => k));
                cases.Add(Pair(workload, "long/string", order, hits, longs, k => (long)k, k => k.ToString(CultureInfo.InvariantCulture)));
                cases.Add(Pair(workload, "int/int", order, hits, ints, k => k, k => k));
            }
        }

        var syncMap = cases.Select(_ => new List<double>()).ToArray();
        var dictionary = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                // Alternate which map goes first, so that neither always runs on a cache the other warmed.
                if (round % 2 == 0)
                {
                    syncMap[i].Add(cases[i].SyncMap());
                    dictionary[i].Add(cases[i].Dictionary());
                }
                else
                {
                    dictionary[i].Add(cases[i].Dictionary());
                    syncMap[i].Add(cases[i].SyncMap());
                }
            }
        }

        Console.WriteLine("| Workload | Key/value | Key order | SyncMap ns | ConcurrentDictionary ns | SyncMap / ConcurrentDictionary |");
        Console.WriteLine("|---|---|---|---:|---:|---:|");
        for (var i = 0; i < cases.Count; i++)
        {
            var (s, d) = (Median(syncMap[i]), Median(dictionary[i]));
            Console.WriteLine($"| {cases[i].Workload} | {cases[i].Types} | {cases[i].Order} | {s:F2} | {d:F2} | {s / d:F2}× |");
        }

        Ladder();
        return 0;
    }

    /// <summary>
    /// LoadMostlyHits (<c>long</c> keys, <c>int</c> values) on <see cref="LoadLadder"/>'s rungs, between
    /// ConcurrentDictionary and SyncMap, in interleaved rounds: what each step of SyncMap's hit path adds.
    /// </summary>
    private static void Ladder()
    {
        Console.WriteLine();
        Console.WriteLine("LoadMostlyHits, long/int, by rung of SyncMap's hit path rebuilt outside the library (bench/Anatomy/LoadLadder.cs); median ns per load:");
        Console.WriteLine("| Key order | ConcurrentDictionary | " + string.Join(" | ", Enum.GetNames<LoadLadder.Rung>()) + " | SyncMap |");
        Console.WriteLine("|---|---:|" + string.Concat(Enumerable.Repeat("---:|", Enum.GetValues<LoadLadder.Rung>().Length)) + "---:|");
        foreach (var (order, shuffled) in new[] { ("consecutive", false), ("random", true) })
        {
            var keys = Keys(shuffled);
            var d = new ConcurrentDictionary<long, int>();
            var s = new SyncMap<long, int>();
            for (var k = 0; k < KeySpan - 1; k++)
            {
                d[k] = k;
                s.Store(k, k);
            }

            var ladder = new LoadLadder(KeySpan - 1);
            var timings = new List<Func<double>> { () => Time(() => LoadAll(d, keys)) };
            timings.AddRange(Enum.GetValues<LoadLadder.Rung>().Select(rung => (Func<double>)(() => Time(() => ladder.Run(rung, keys, OperationsPerRound)))));
            timings.Add(() => Time(() => LoadAll(s, keys)));
            var samples = timings.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < Rounds; round++)
            {
                for (var i = 0; i < timings.Count; i++)
                {
                    var j = round % 2 == 0 ? i : timings.Count - 1 - i;
                    samples[j].Add(timings[j]());
                }
            }

            Console.WriteLine($"| {order} | " + string.Join(" | ", samples.Select(x => Median(x).ToString("F2", CultureInfo.InvariantCulture))) + " |");
        }
    }

    /// <summary>The 1024 keys in the order the loop loads them: consecutive, or one fixed random permutation.</summary>
    private static long[] Keys(bool shuffled)
    {
        var keys = Enumerable.Range(0, KeySpan).Select(k => (long)k).ToArray();
        if (shuffled)
        {
            new Random(20261204).Shuffle(keys);
        }

        return keys;
    }

    private static Case Pair<TKey, TValue>(string workload, string types, string order, int hits, TKey[] keys, Func<int, TKey> key, Func<int, TValue> value)
        where TKey : notnull
    {
        var s = new SyncMap<TKey, TValue>();
        var d = new ConcurrentDictionary<TKey, TValue>();
        for (var k = 0; k < hits; k++)
        {
            s.Store(key(k), value(k));
            d[key(k)] = value(k);
        }

        return new Case(workload, types, order, () => Time(() => LoadAll(s, keys)), () => Time(() => LoadAll(d, keys)));
    }

    private static double Time(Func<int> loop)
    {
        var start = Stopwatch.GetTimestamp();
        var found = loop();
        var elapsed = Stopwatch.GetElapsedTime(start);
        GC.KeepAlive(found);
        return elapsed.TotalNanoseconds / OperationsPerRound;
    }

    // Fully optimised at once (no tiering): a loop called 15 times would otherwise run as on-stack-replacement code.
    // One loop per map, generic over the key and value types: the JIT compiles it for each value-type pair, and for
    // string values shares it, but its one call (an instance method of the map) is direct either way, as in a user's
    // code; the suite's reference-value cases also call static interface members, which shared code looks up.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int LoadAll<TKey, TValue>(SyncMap<TKey, TValue> map, TKey[] keys)
        where TKey : notnull
    {
        var found = 0;
        for (var i = 0; i < OperationsPerRound; i++)
        {
            found += map.TryLoad(keys[i & (KeySpan - 1)], out _) ? 1 : 0;
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int LoadAll<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map, TKey[] keys)
        where TKey : notnull
    {
        var found = 0;
        for (var i = 0; i < OperationsPerRound; i++)
        {
            found += map.TryGetValue(keys[i & (KeySpan - 1)], out _) ? 1 : 0;
        }

        return found;
    }

    private static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}

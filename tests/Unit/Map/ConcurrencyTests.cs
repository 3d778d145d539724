using System.Collections.Concurrent;

namespace GoSync.Tests.Map;

/// <summary>
/// Real threads, bounded in time: what must hold however the operating system interleaves them. These complement the
/// Coyote harnesses, which explore interleavings systematically but run only rewritten code.
/// </summary>
public class ConcurrencyTests
{
    private static readonly TimeSpan RunFor = TimeSpan.FromMilliseconds(700);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Range_during_stores_sees_consistent_values_each_key_once_and_every_stable_key()
    {
        // Go's TestConcurrentRange: writers only ever store multiples of a key under that key.
        const int stableKeys = 64;
        var map = new SyncMap<long, long>();
        for (long k = 1; k <= stableKeys; k++)
        {
            map.Store(k, k);
        }

        var failures = new ConcurrentQueue<string>();
        var ranges = 0;
        await RunUntil(RunFor,
            worker: (id, stop) =>
            {
                var rng = new Random(id);
                for (long n = 1; !stop(); n++)
                {
                    var k = rng.NextInt64(1, 2 * stableKeys + 1);
                    map.Store(k, k * n);
                    if (k > stableKeys && n % 3 == 0)
                    {
                        map.Delete(k); // unstable keys come and go, forcing dirty copies and expunges
                    }
                }
            },
            checker: stop =>
            {
                while (!stop())
                {
                    var seen = new HashSet<long>();
                    map.Range((k, v) =>
                    {
                        if (v % k != 0)
                        {
                            failures.Enqueue($"key {k} had value {v}, not a multiple");
                        }

                        if (!seen.Add(k))
                        {
                            failures.Enqueue($"key {k} visited twice");
                        }

                        return true;
                    });
                    var missing = Enumerable.Range(1, stableKeys).Count(k => !seen.Contains(k));
                    if (missing > 0)
                    {
                        failures.Enqueue($"{missing} stable keys not visited");
                    }

                    ranges++;
                }
            });

        failures.Should().BeEmpty();
        ranges.Should().BeGreaterThan(10);
        map.CheckInvariants();
    }

    [Fact]
    public async Task Clear_during_stores_and_loads_never_yields_a_value_not_stored_for_the_key()
    {
        var map = new SyncMap<int, string>();
        var failures = new ConcurrentQueue<string>();
        await RunUntil(RunFor,
            worker: (id, stop) =>
            {
                var rng = new Random(id);
                for (var n = 0; !stop(); n++)
                {
                    var k = rng.Next(16);
                    switch (rng.Next(4))
                    {
                        case 0 or 1:
                            map.Store(k, $"{k}:{id}:{n}");
                            break;
                        case 2:
                            if (map.TryLoad(k, out var v) && !v.StartsWith($"{k}:", StringComparison.Ordinal))
                            {
                                failures.Enqueue($"key {k} loaded {v}");
                            }

                            break;
                        default:
                            map.LoadOrStore(k, $"{k}:{id}:{n}", out _);
                            break;
                    }
                }
            },
            checker: stop =>
            {
                while (!stop())
                {
                    map.Clear();
                    map.CheckInvariants();
                }
            });

        failures.Should().BeEmpty();
        map.CheckInvariants();
        map.Clear();
        map.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_operation_may_be_called_from_inside_Range_without_deadlock()
    {
        var map = new SyncMap<int, int>();
        for (var i = 0; i < 8; i++)
        {
            map.Store(i, i);
        }

        map.Store(100, 0); // amended: Range must promote before calling back
        var visits = 0;
        var run = Task.Run(() => map.Range((k, v) =>
        {
            visits++;
            map.TryLoad(k, out _);
            map.Store(k + 1000, v);
            map.LoadOrStore(k + 2000, v, out _);
            map.Swap(k, v + 1, out _);
            map.CompareAndSwap(k, v + 1, v);
            map.TryLoadAndDelete(k + 1000, out _);
            map.CompareAndDelete(k + 2000, v);
            map.Delete(k + 3000);
            map.Range((_, _) => false);
            map.Clear();
            map.Store(k, v);
            return true;
        }));

        (await Task.WhenAny(run, Task.Delay(Deadline))).Should().BeSameAs(run, "Range must not hold the lock while calling back");
        visits.Should().BeGreaterThan(0);
        map.CheckInvariants();
    }

    [Fact]
    public void Concurrent_LoadOrStore_of_one_key_stores_exactly_once()
    {
        for (var round = 0; round < 200; round++)
        {
            var map = new SyncMap<int, int>();
            map.Store(-1, 0); // amended read: some callers race in the slow path
            var stored = 0;
            var winners = new ConcurrentBag<int>();
            Parallel.For(0, 4, i =>
            {
                var actual = map.LoadOrStore(round, i, out var loaded);
                if (!loaded)
                {
                    Interlocked.Increment(ref stored);
                }

                winners.Add(actual);
            });
            stored.Should().Be(1);
            winners.Distinct().Should().ContainSingle();
        }
    }

    /// <summary>Runs one worker per core plus one checker for <paramref name="duration"/>, failing on a hang.</summary>
    private static async Task RunUntil(TimeSpan duration, Action<int, Func<bool>> worker, Action<Func<bool>> checker)
    {
        var until = DateTime.UtcNow + duration;
        Func<bool> stop = () => DateTime.UtcNow >= until;
        var tasks = Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount))
            .Select(id => Task.Factory.StartNew(() => worker(id, stop), TaskCreationOptions.LongRunning))
            .Append(Task.Factory.StartNew(() => checker(stop), TaskCreationOptions.LongRunning))
            .ToArray();
        var all = Task.WhenAll(tasks);
        (await Task.WhenAny(all, Task.Delay(Deadline))).Should().BeSameAs(all, "threads must finish");
        await all;
    }
}

using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>Go's BenchmarkSwapCollision: every worker swaps the one key.</summary>
internal sealed class SwapCollision : Workload
{
    public override void Setup<TMap>(TMap map) => map.LoadOrStore(0, 0);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        for (var n = 0; n < operations; n++)
        {
            map.Swap(0, 0);
        }

        worker.I += operations;
    }
}

/// <summary>
/// Go's BenchmarkSwapMostlyHits and BenchmarkSwapMostlyMisses: swaps over 1024 keys; a key that is not stored is
/// swapped in (a new key) and deleted at once.
/// </summary>
internal abstract class SwapMix(int hits) : Workload
{
    private const int KeySpan = 1024;

    public override void Setup<TMap>(TMap map) => StoreHitsAndPrime(map, hits);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            var v = i % KeySpan;
            if (v < hits)
            {
                map.Swap(v, v);
            }
            else
            {
                map.Swap(i, i);
                map.Delete(i);
            }
        }

        worker.I = i;
    }
}

/// <summary>1023 of every 1024 swaps replace a stored key's value.</summary>
internal sealed class SwapMostlyHits() : SwapMix(hits: 1023);

/// <summary>1023 of every 1024 swaps add a new key, which is deleted at once.</summary>
internal sealed class SwapMostlyMisses() : SwapMix(hits: 1);

/// <summary>
/// Not one of Go's: every worker stores over the 1024 keys of <see cref="SwapMostlyHits"/> a value that changes with
/// each pass over them, so that no store finds its value already there. Go's Store and Swap workloads store each key's
/// own value again, which SyncMap skips; this is what refreshing a cache with new values costs. Only when named.
/// </summary>
internal sealed class StoreNewValues : Workload
{
    private const int KeySpan = 1024;

    public override void Setup<TMap>(TMap map) => StoreHitsAndPrime(map, KeySpan);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            map.Store(i % KeySpan, i + (i / KeySpan)); // pass p stores v + p (mod 1024 for reference values)
        }

        worker.I = i;
    }
}

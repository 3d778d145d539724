using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>Go's BenchmarkCompareAndSwapCollision: every worker flips the one key between 0 and 42.</summary>
internal sealed class CompareAndSwapCollision : Workload
{
    public override void Setup<TMap>(TMap map) => map.LoadOrStore(0, 0);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        for (var n = 0; n < operations; n++)
        {
            if (map.CompareAndSwap(0, 0, 42))
            {
                map.CompareAndSwap(0, 42, 0);
            }
        }

        worker.I += operations;
    }
}

/// <summary>Go's BenchmarkCompareAndSwapNoExistingKey: compare-and-swap on keys never stored (never succeeds).</summary>
internal sealed class CompareAndSwapNoExistingKey : Workload
{
    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            if (map.CompareAndSwap(i, 0, 0))
            {
                map.Delete(i);
            }
        }

        worker.I = i;
    }
}

/// <summary>Go's BenchmarkCompareAndSwapValueNotEqual: compare-and-swap on the one key with the wrong expected value.</summary>
internal sealed class CompareAndSwapValueNotEqual : Workload
{
    public override void Setup<TMap>(TMap map) => map.Store(0, 0);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        for (var n = 0; n < operations; n++)
        {
            map.CompareAndSwap(0, 1, 2);
        }

        worker.I += operations;
    }
}

/// <summary>
/// Go's BenchmarkCompareAndSwapMostlyHits and BenchmarkCompareAndSwapMostlyMisses: compare-and-swap of a key's value
/// with itself over 1024 keys, some stored; a key not stored is a new one each time.
/// </summary>
internal abstract class CompareAndSwapMix(int hits) : Workload
{
    private const int KeySpan = 1024;

    public override void Setup<TMap>(TMap map) => StoreHitsAndPrime(map, hits);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            var v = i % KeySpan < hits ? i % KeySpan : i;
            map.CompareAndSwap(v, v, v);
        }

        worker.I = i;
    }
}

/// <summary>1023 of every 1024 calls hit a stored key.</summary>
internal sealed class CompareAndSwapMostlyHits() : CompareAndSwapMix(hits: 1023)
{
    public override bool QuadraticOnCopyOnWrite => true;
}

/// <summary>1 of every 1024 calls hits a stored key.</summary>
internal sealed class CompareAndSwapMostlyMisses() : CompareAndSwapMix(hits: 1);

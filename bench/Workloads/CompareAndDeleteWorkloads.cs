using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>Go's BenchmarkCompareAndDeleteCollision: all workers compare-and-delete the one key, storing it back on success.</summary>
internal sealed class CompareAndDeleteCollision : Workload
{
    public override void Setup<TMap>(TMap map) => map.LoadOrStore(0, 0);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        for (var n = 0; n < operations; n++)
        {
            if (map.CompareAndDelete(0, 0))
            {
                map.Store(0, 0);
            }
        }

        worker.I += operations;
    }
}

/// <summary>
/// Go's BenchmarkCompareAndDeleteMostlyHits and BenchmarkCompareAndDeleteMostlyMisses: compare-and-delete over 1024
/// keys, some stored, storing a deleted key back at once; a key not stored is a new one each time.
/// </summary>
internal abstract class CompareAndDeleteMix(int hits) : Workload
{
    private const int KeySpan = 1024;

    public override void Setup<TMap>(TMap map) => StoreHitsAndPrime(map, hits);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            var v = i % KeySpan < hits ? i % KeySpan : i;
            if (map.CompareAndDelete(v, v))
            {
                map.Store(v, v);
            }
        }

        worker.I = i;
    }
}

/// <summary>1023 of every 1024 calls delete a stored key (and store it back).</summary>
internal sealed class CompareAndDeleteMostlyHits() : CompareAndDeleteMix(hits: 1023)
{
    public override bool QuadraticOnCopyOnWrite => true;
}

/// <summary>1 of every 1024 calls deletes a stored key (and stores it back).</summary>
internal sealed class CompareAndDeleteMostlyMisses() : CompareAndDeleteMix(hits: 1);

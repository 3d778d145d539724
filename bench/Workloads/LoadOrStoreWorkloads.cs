using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>Go's BenchmarkLoadOrStoreBalanced: half the calls load one of 128 keys, half store a new key.</summary>
internal sealed class LoadOrStoreBalanced : Workload
{
    private const int Hits = 128;
    private const int Misses = 128;

    public override bool QuadraticOnCopyOnWrite => true;

    public override bool GrowsWithoutBound => true;

    public override void Setup<TMap>(TMap map) => StoreHitsAndPrime(map, Hits);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            var j = i % (Hits + Misses);
            if (j < Hits)
            {
                var loaded = map.LoadOrStore(j, i);
                if (!loaded)
                {
                    throw new InvalidOperationException($"unexpected miss for {j}");
                }
            }
            else
            {
                var loaded = map.LoadOrStore(i, i);
                if (loaded)
                {
                    throw new InvalidOperationException($"failed to store {i}: it was already there");
                }
            }
        }

        worker.I = i;
    }
}

/// <summary>Go's BenchmarkLoadOrStoreUnique: every call stores a new key.</summary>
internal sealed class LoadOrStoreUnique : Workload
{
    public override bool QuadraticOnCopyOnWrite => true;

    public override bool GrowsWithoutBound => true;

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            map.LoadOrStore(i, i);
        }

        worker.I = i;
    }
}

/// <summary>Go's BenchmarkLoadOrStoreCollision: every call of every worker loads the one key.</summary>
internal sealed class LoadOrStoreCollision : Workload
{
    public override void Setup<TMap>(TMap map) => map.LoadOrStore(0, 0);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        for (var n = 0; n < operations; n++)
        {
            map.LoadOrStore(0, 0);
        }

        worker.I += operations;
    }
}

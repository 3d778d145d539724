using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>Go's BenchmarkLoadAndDeleteBalanced: half the calls delete one of 128 keys, half a key never stored.</summary>
internal sealed class LoadAndDeleteBalanced : Workload
{
    private const int Hits = 128;
    private const int Misses = 128;

    public override bool QuadraticOnCopyOnWrite => true;

    public override void Setup<TMap>(TMap map) => StoreHitsAndPrime(map, Hits);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            var j = i % (Hits + Misses);
            map.TryLoadAndDelete(j < Hits ? j : i);
        }

        worker.I = i;
    }
}

/// <summary>Go's BenchmarkLoadAndDeleteUnique: every call deletes a key that was never stored.</summary>
internal sealed class LoadAndDeleteUnique : Workload
{
    public override bool QuadraticOnCopyOnWrite => true;

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            map.TryLoadAndDelete(i);
        }

        worker.I = i;
    }
}

/// <summary>Go's BenchmarkLoadAndDeleteCollision: all workers delete the one key and store it back when they got it.</summary>
internal sealed class LoadAndDeleteCollision : Workload
{
    public override void Setup<TMap>(TMap map) => map.LoadOrStore(0, 0);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        for (var n = 0; n < operations; n++)
        {
            if (map.TryLoadAndDelete(0))
            {
                map.Store(0, 0);
            }
        }

        worker.I += operations;
    }
}

/// <summary>Go's BenchmarkDeleteCollision: every worker deletes the one key, which is gone after the first call.</summary>
internal sealed class DeleteCollision : Workload
{
    public override void Setup<TMap>(TMap map) => map.LoadOrStore(0, 0);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        for (var n = 0; n < operations; n++)
        {
            map.Delete(0);
        }

        worker.I += operations;
    }
}

using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>Go's BenchmarkRange: each operation visits all 1024 keys of a map nobody writes.</summary>
internal sealed class Range : Workload
{
    private const int MapSize = 1 << 10;

    public override void Setup<TMap>(TMap map)
    {
        for (var i = 0; i < MapSize; i++)
        {
            map.Store(i, i);
        }
    }

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        for (var n = 0; n < operations; n++)
        {
            map.RangeAll();
        }

        worker.I += operations;
    }
}

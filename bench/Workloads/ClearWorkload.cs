using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>Go's BenchmarkClear (Go 1.23): each operation clears the map and stores one of 256 keys.</summary>
internal sealed class Clear : Workload
{
    private const int KeySpan = 256;

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            var k = i % KeySpan;
            map.Clear();
            map.Store(k, k);
        }

        worker.I = i;
    }
}

using BenchmarkDotNet.Attributes;
using GoSync.Benchmarks.Parallel;

namespace GoSync.Benchmarks.Suite;

/// <summary>
/// The benchmark of <see cref="AllocationAccountingCheck"/>: worker 1 allocates; worker 0, BenchmarkDotNet's thread,
/// only waits. Public because BenchmarkDotNet runs only public classes.
/// </summary>
public class WorkerOnlyAllocations : IWorkerBody
{
    private const int Operations = 1 << 16;

    private WorkerPool? _pool;

    public static object? Sink { get; set; }

    [GlobalSetup]
    public void Setup() => _pool = new WorkerPool(2);

    [GlobalCleanup]
    public void Cleanup() => _pool?.Dispose();

    [Benchmark(OperationsPerInvoke = Operations)]
    public void AllocateOnWorker() => _pool!.Run(this);

    void IWorkerBody.Work(int worker)
    {
        if (worker == 0)
        {
            return;
        }

        for (var i = 0; i < Operations; i++)
        {
            Sink = new object();
        }
    }
}

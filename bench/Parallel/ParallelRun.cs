using System.Diagnostics;
using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Workloads;

namespace GoSync.Benchmarks.Parallel;

/// <summary>One workload on one map with a fixed number of workers: what a benchmark invocation runs.</summary>
internal interface IParallelRun : IDisposable
{
    /// <summary>Runs <paramref name="operations"/> operations in total, split among the workers; returns when all are done.</summary>
    void Invoke(int operations);

    /// <summary>
    /// Runs batches of <paramref name="operations"/> for a while before measurement, so that the workload's loop and
    /// the map's methods run fully optimised (tiered compilation promotes them after 30 calls and a quiet 100 ms).
    /// </summary>
    void WarmUp(int operations);
}

/// <summary>
/// Go's <c>RunParallel</c> for one map type: a total of operations shared by the workers, each worker running the
/// workload's loop on its own counter, so that time per operation is elapsed time over the total. Workers claim the
/// operations in grains from a shared counter, as Go's workers do, so a worker that the OS deschedules does not leave
/// the others waiting at the end of the round.
/// </summary>
/// <typeparam name="TMap">The map; the workload is compiled for it, with direct calls.</typeparam>
internal sealed class ParallelRun<TMap> : IParallelRun, IWorkerBody
    where TMap : struct, IConcurrentMap<TMap>
{
    // A growing workload gets a new map after this many operations (about a million keys at most).
    private const long OperationsBeforeNewMap = 1 << 21;

    // Each worker claims about this many grains per round: enough to even out the finish, few enough that the
    // shared counter's cache line is not a contention point of its own.
    private const int GrainsPerWorker = 8;

    private const int MinimumGrain = 16;

    private static readonly TimeSpan WarmUpTime = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(3);
    private const int WarmUpInvocations = 16;

    private readonly Workload _workload;
    private readonly WorkerPool _pool;
    private readonly WorkerState[] _workers;
    private TMap _map;
    private long _operationsOnMap;
    private int _total;
    private int _grain;
    private PaddedCounter _claimed;

    public ParallelRun(Workload workload, int workers)
    {
        _workload = workload;
        _pool = new WorkerPool(workers);
        _workers = new WorkerState[workers];
        for (var w = 0; w < workers; w++)
        {
            _workers[w] = new WorkerState(w);
        }

        _map = NewMap();
    }

    public void Invoke(int operations)
    {
        if (_workload.GrowsWithoutBound && _operationsOnMap >= OperationsBeforeNewMap)
        {
            // Inside the timed region, but a new empty map (or 128 keys) is negligible beside 2M operations.
            _map = NewMap();
        }

        _total = operations;
        _grain = Math.Max(MinimumGrain, operations / (_workers.Length * GrainsPerWorker));
        _claimed.Value = 0;
        _pool.Run(this);
        _operationsOnMap += operations;
    }

    public void WarmUp(int operations)
    {
        var watch = Stopwatch.StartNew();
        for (var n = 0; (n < WarmUpInvocations || watch.Elapsed < WarmUpTime) && watch.Elapsed < WarmUpLimit; n++)
        {
            Invoke(operations);
        }
    }

    public void Work(int worker)
    {
        var state = _workers[worker];
        var map = _map;
        var total = _total;
        var grain = _grain;
        while (true)
        {
            var start = Interlocked.Add(ref _claimed.Value, grain) - grain;
            if (start >= total)
            {
                return;
            }

            _workload.Run(map, state, Math.Min(grain, total - start));
        }
    }

    public void Dispose() => _pool.Dispose();

    private TMap NewMap()
    {
        var map = TMap.CreateEmpty();
        _workload.Setup(map);
        foreach (var worker in _workers)
        {
            worker.ResetForNewMap();
        }

        _operationsOnMap = 0;
        return map;
    }
}

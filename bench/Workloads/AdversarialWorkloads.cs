using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>
/// Go's BenchmarkAdversarialAlloc: loads of a new (missing) key, with a new key stored whenever the worker has loaded
/// as many keys as it has stored. For <see cref="SyncMap{TKey, TValue}"/> each store after a promotion copies read into
/// a new dirty map, and the loads in between miss on an amended read and take the lock.
/// </summary>
internal sealed class AdversarialAlloc : Workload
{
    public override bool GrowsWithoutBound => true;

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        var stores = worker.Stores;
        var loadsSinceStore = worker.LoadsSinceStore;
        for (var end = i + operations; i < end; i++)
        {
            map.TryLoad(i);
            if (++loadsSinceStore > stores)
            {
                map.LoadOrStore(i, stores);
                loadsSinceStore = 0;
                stores++;
            }
        }

        worker.I = i;
        worker.Stores = stores;
        worker.LoadsSinceStore = loadsSinceStore;
    }
}

/// <summary>
/// Go's BenchmarkAdversarialDelete: loads over a 1024-key map, and every 1024 operations each worker deletes the first
/// key Range visits and stores a new one. For <see cref="SyncMap{TKey, TValue}"/> the new key makes read amended, so
/// the loads that miss take the lock until dirty is promoted, and the next store copies the whole map again.
/// </summary>
internal sealed class AdversarialDelete : Workload
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
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            map.TryLoad(i);
            if (i % MapSize == 0)
            {
                map.DeleteFirstInRange();
                map.Store(i, i);
            }
        }

        worker.I = i;
    }
}

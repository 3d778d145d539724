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
            map.TryLoad(i, out _);
            if (++loadsSinceStore > stores)
            {
                map.LoadOrStore(i, Values.Of(stores), out _);
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
            map.Store(i, Values.Of(i));
        }
    }

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        // Built once per worker and map, so the loop allocates nothing itself.
        var deleteFirst = worker.Callback as Func<long, object, bool> ?? CreateDeleteFirst(map, worker);

        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            map.TryLoad(i, out _);
            if (i % MapSize == 0)
            {
                map.Range(deleteFirst);
                map.Store(i, Values.Of(i));
            }
        }

        worker.I = i;
    }

    // A method of its own: a lambda in Run would allocate its closure on every call of Run, not just when created.
    private static Func<long, object, bool> CreateDeleteFirst<TMap>(TMap map, WorkerState worker)
        where TMap : struct, IConcurrentMap<TMap>
    {
        Func<long, object, bool> deleteFirst = (key, _) =>
        {
            map.Delete(key);
            return false;
        };
        worker.Callback = deleteFirst;
        return deleteFirst;
    }
}

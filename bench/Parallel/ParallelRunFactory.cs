using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Workloads;

namespace GoSync.Benchmarks.Parallel;

/// <summary>Creates the run for a map kind: the one place that maps <see cref="MapKind"/> to an implementation.</summary>
internal static class ParallelRunFactory
{
    public static IParallelRun Create(MapKind map, Workload workload, int workers) => map switch
    {
        MapKind.SyncMap => new ParallelRun<SyncMapAdapter>(workload, workers),
        MapKind.ConcurrentDictionary => new ParallelRun<ConcurrentDictionaryAdapter>(workload, workers),
        MapKind.NonBlocking => new ParallelRun<NonBlockingDictionaryAdapter>(workload, workers),
        MapKind.RwLockDictionary => new ParallelRun<ReaderWriterLockDictionary>(workload, workers),
        MapKind.LockDictionary => new ParallelRun<LockDictionary>(workload, workers),
        MapKind.CopyOnWrite => new ParallelRun<CopyOnWriteDictionary>(workload, workers),
        _ => throw new ArgumentOutOfRangeException(nameof(map), map, null),
    };
}

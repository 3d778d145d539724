using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Workloads;

namespace GoSync.Benchmarks.Parallel;

/// <summary>
/// Creates the run for a map kind and a key and value type pair: the one place that maps them to implementations.
/// Every map runs with Go's types; SyncMap, its baseline and ConcurrentDictionary (the ratio's sides, and its randomised-hashing variant) with every pair.
/// </summary>
internal static class ParallelRunFactory
{
    public static IParallelRun Create(MapKind map, string types, Workload workload, int workers) => types switch
    {
        TypePairs.Go => map switch
        {
            MapKind.NonBlocking => Go<NonBlockingDictionaryAdapter>(workload, workers),
            MapKind.RwLockDictionary => Go<ReaderWriterLockDictionary>(workload, workers),
            MapKind.LockDictionary => Go<LockDictionary>(workload, workers),
            MapKind.CopyOnWrite => Go<CopyOnWriteDictionary>(workload, workers),
            _ => Pair<long, object, LongKeys, RefValues>(map, workload, workers),
        },
        "int/ref" => Pair<int, object, IntKeys, RefValues>(map, workload, workers),
        "string/ref" => Pair<string, object, StringKeys, RefValues>(map, workload, workers),
        "Guid/ref" => Pair<Guid, object, GuidKeys, RefValues>(map, workload, workers),
        "long/int" => Pair<long, int, LongKeys, IntValues>(map, workload, workers),
        "int/int" => Pair<int, int, IntKeys, IntValues>(map, workload, workers),
        "string/int" => Pair<string, int, StringKeys, IntValues>(map, workload, workers),
        "Guid/int" => Pair<Guid, int, GuidKeys, IntValues>(map, workload, workers),
        _ => throw new ArgumentOutOfRangeException(nameof(types), types, null),
    };

    private static ParallelRun<Typed<TMap, long, object, LongKeys, RefValues>> Go<TMap>(Workload workload, int workers)
        where TMap : struct, ITypedMap<TMap, long, object> =>
        new(workload, workers);

    private static IParallelRun Pair<TKey, TValue, TKeys, TValues>(MapKind map, Workload workload, int workers)
        where TKey : notnull
        where TKeys : struct, IKeyType<TKey>
        where TValues : struct, IValueType<TValue> => map switch
    {
        MapKind.SyncMap =>
            new ParallelRun<Typed<SyncMapAdapter<TKey, TValue>, TKey, TValue, TKeys, TValues>>(workload, workers),
        MapKind.ConcurrentDictionary =>
            new ParallelRun<Typed<ConcurrentDictionaryAdapter<TKey, TValue, DefaultHashing<TKey>>, TKey, TValue, TKeys, TValues>>(workload, workers),
        MapKind.ConcurrentDictionaryRandomized =>
            new ParallelRun<Typed<ConcurrentDictionaryAdapter<TKey, TValue, RandomizedHashing<TKey>>, TKey, TValue, TKeys, TValues>>(workload, workers),
        MapKind.SyncMapBaseline =>
            new ParallelRun<Typed<SyncMapBaselineAdapter<TKey, TValue>, TKey, TValue, TKeys, TValues>>(workload, workers),
        _ => throw new ArgumentOutOfRangeException(nameof(map), map, $"{map} runs only with {TypePairs.Go}"),
    };
}

using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>
/// One of Go's <c>sync</c> map benchmarks: a setup run once on a new map, and a loop body (Go's <c>perG</c>) that each
/// worker runs for its share of the operations.
/// </summary>
internal abstract class Workload
{
    /// <summary>Go's benchmark name without the <c>Benchmark</c> prefix.</summary>
    public string Name => GetType().Name;

    /// <summary>
    /// True where Go skips DeepCopyMap ("quadratic running time"): every operation would copy a map that keeps
    /// growing, so the copy-on-write map is not run.
    /// </summary>
    public virtual bool QuadraticOnCopyOnWrite => false;

    /// <summary>
    /// True when the loop adds keys that are never removed. Go's map grows for one timed run; here the runner replaces
    /// the map (and runs <see cref="Setup{TMap}"/> again) once it has grown this way for a while, so that minutes of
    /// measurement do not build a map of hundreds of millions of keys.
    /// </summary>
    public virtual bool GrowsWithoutBound => false;

    /// <summary>Fills a new map before timing (Go's <c>setup</c>).</summary>
    public virtual void Setup<TMap>(TMap map)
        where TMap : struct, IConcurrentMap<TMap>
    {
    }

    /// <summary>Runs <paramref name="operations"/> iterations of Go's <c>perG</c> loop for one worker.</summary>
    public abstract void Run<TMap>(TMap map, WorkerState worker, int operations)
        where TMap : struct, IConcurrentMap<TMap>;

    /// <summary>Go's common setup: load-or-store keys [0, <paramref name="hits"/>), then load each twice.</summary>
    protected static void StoreHitsAndPrime<TMap>(TMap map, int hits)
        where TMap : struct, IConcurrentMap<TMap>
    {
        for (var i = 0; i < hits; i++)
        {
            map.LoadOrStore(i, i);
        }

        // Go: "Prime the map to get it into a steady state" (for sync.Map, enough misses to promote dirty to read).
        for (var i = 0; i < hits * 2; i++)
        {
            map.TryLoad(i % hits);
        }
    }
}

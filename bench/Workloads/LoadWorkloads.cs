using GoSync.Benchmarks.Maps;

namespace GoSync.Benchmarks.Workloads;

/// <summary>Go's BenchmarkLoadMostlyHits and BenchmarkLoadMostlyMisses: loads over 1024 keys, some of them stored.</summary>
internal abstract class LoadMix(int hits) : Workload
{
    /// <summary>Hits plus misses, in every Go workload that mixes them; a constant, so <c>%</c> compiles to a mask.</summary>
    protected const int KeySpan = 1024;

    public override void Setup<TMap>(TMap map) => StoreHitsAndPrime(map, hits);

    public override void Run<TMap>(TMap map, WorkerState worker, int operations)
    {
        var i = worker.I;
        for (var end = i + operations; i < end; i++)
        {
            map.TryLoad(i % KeySpan);
        }

        worker.I = i;
    }
}

/// <summary>1023 of every 1024 loads find their key.</summary>
internal sealed class LoadMostlyHits() : LoadMix(hits: 1023);

/// <summary>1 of every 1024 loads finds its key.</summary>
internal sealed class LoadMostlyMisses() : LoadMix(hits: 1);

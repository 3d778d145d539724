namespace GoSync.Benchmarks.Workloads;

/// <summary>
/// One worker's own variables in a workload: Go's per-goroutine <c>i</c> and the locals of <c>perG</c> that outlive
/// one call. Each worker has its own object, so workers never write to a shared cache line.
/// </summary>
internal sealed class WorkerState
{
    // Worker w starts counting at w × this, as Go's workers start at id × b.N: far enough apart that no two workers
    // meet on a "unique" key, and not a multiple of 1024, so that workers do not walk the same small keys in step.
    private const long StartSpacing = (1L << 40) + 577;

    public WorkerState(int worker) => I = worker * StartSpacing;

    /// <summary>Go's <c>i</c>: advanced once per operation.</summary>
    public long I { get; set; }

    /// <summary>AdversarialAlloc's <c>stores</c>.</summary>
    public long Stores { get; set; }

    /// <summary>AdversarialAlloc's <c>loadsSinceStore</c>.</summary>
    public long LoadsSinceStore { get; set; }

    /// <summary>Forgets what belongs to the map that was replaced; <see cref="I"/> runs on, so keys stay unique.</summary>
    public void ResetForNewMap()
    {
        Stores = 0;
        LoadsSinceStore = 0;
    }
}

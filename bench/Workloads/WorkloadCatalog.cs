namespace GoSync.Benchmarks.Workloads;

/// <summary>Every workload of Go's <c>sync</c> map benchmarks (Go 1.23's set), in Go's file order.</summary>
internal static class WorkloadCatalog
{
    /// <summary>All workloads.</summary>
    public static IReadOnlyList<Workload> All { get; } =
    [
        new LoadMostlyHits(),
        new LoadMostlyMisses(),
        new LoadOrStoreBalanced(),
        new LoadOrStoreUnique(),
        new LoadOrStoreCollision(),
        new LoadAndDeleteBalanced(),
        new LoadAndDeleteUnique(),
        new LoadAndDeleteCollision(),
        new Range(),
        new AdversarialAlloc(),
        new AdversarialDelete(),
        new DeleteCollision(),
        new SwapCollision(),
        new SwapMostlyHits(),
        new SwapMostlyMisses(),
        new CompareAndSwapCollision(),
        new CompareAndSwapNoExistingKey(),
        new CompareAndSwapValueNotEqual(),
        new CompareAndSwapMostlyHits(),
        new CompareAndSwapMostlyMisses(),
        new CompareAndDeleteCollision(),
        new CompareAndDeleteMostlyHits(),
        new CompareAndDeleteMostlyMisses(),
        new Clear(),
    ];

    /// <summary>Workloads that are not Go's, run only when named.</summary>
    public static IReadOnlyList<Workload> Extra { get; } = [new StoreNewValues()];

    /// <summary>The workload named <paramref name="name"/> (case-insensitive).</summary>
    public static Workload Get(string name) =>
        All.Concat(Extra).FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown workload '{name}'; known: {string.Join(", ", All.Concat(Extra).Select(w => w.Name))}");
}

using BenchmarkDotNet.Attributes;
using GoSync.Specs;

namespace GoSync.Bench.Checker;

/// <summary>How long one check of each workload takes.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CheckerBenchmarks
{
    /// <summary>Builds and verifies the workloads outside the measurement.</summary>
    [GlobalSetup]
    public void Setup() => Workloads.Verify();

    /// <summary>10,000 operations, 8 processes, 64 keys.</summary>
    /// <returns>The verdict, so the call is not optimised away.</returns>
    [Benchmark(Description = "10,000 ops, 8 processes, 64 keys")]
    public Verdict Mixed() => LinearizabilityChecker.Check(Workloads.Mixed, Workloads.Generous).Verdict;

    /// <summary>500 operations, 8 processes, one key.</summary>
    /// <returns>The verdict.</returns>
    [Benchmark(Description = "500 ops, 8 processes, 1 key")]
    public Verdict SingleKey() => LinearizabilityChecker.Check(Workloads.SingleKey, Workloads.Generous).Verdict;

    /// <summary>The pathological history: Unknown once its budget is spent.</summary>
    /// <returns>The verdict.</returns>
    [Benchmark(Description = "pathological, Unknown at 250 ms")]
    public Verdict Pathological() => LinearizabilityChecker.Check(Workloads.Pathological, Workloads.PathologicalBudget).Verdict;
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Workloads;

namespace GoSync.Benchmarks.Suite;

/// <summary>
/// The benchmark cases of a run: BenchmarkDotNet's cartesian product of the parameters, less Go's skips and the type
/// pairs outside the type matrix, each given the batch size of <see cref="BatchPlan"/> as its operations per
/// invocation (an attribute can only give one number to every case of a method).
/// </summary>
internal static class SuiteCases
{
    public static BenchmarkRunInfo Create(IConfig config, SuiteOptions options)
    {
        var converted = BenchmarkConverter.TypeToBenchmarks(typeof(MapBenchmarks), config);
        var cases = converted.BenchmarksCases
            .Where(c => !IsSkipped(c, options))
            .Select(c => WithOperationsPerInvoke(c, BatchPlan.For(WorkloadOf(c), MapOf(c))))
            .ToArray();
        return new BenchmarkRunInfo(cases, typeof(MapBenchmarks), converted.Config);
    }

    public static Workload WorkloadOf(BenchmarkCase c) =>
        WorkloadCatalog.Get((string)c.Parameters[nameof(MapBenchmarks.Workload)]);

    public static MapKind MapOf(BenchmarkCase c) => (MapKind)c.Parameters[nameof(MapBenchmarks.Map)];

    public static string TypesOf(BenchmarkCase c) => (string)c.Parameters[nameof(MapBenchmarks.Types)];

    /// <summary>
    /// Go's <c>b.Skip</c>: DeepCopyMap is not run where every operation would copy a growing map. And the type matrix
    /// is the ratio's maps (and SyncMap's baseline) on the workloads chosen for it (<see cref="SuiteOptions.TypeWorkloads"/>); every map and
    /// workload runs with Go's types.
    /// </summary>
    private static bool IsSkipped(BenchmarkCase c, SuiteOptions options) =>
        (MapOf(c) == MapKind.CopyOnWrite && WorkloadOf(c).QuadraticOnCopyOnWrite)
        || (TypesOf(c) != TypePairs.Go
            && (MapOf(c) is not (MapKind.SyncMap or MapKind.ConcurrentDictionary or MapKind.SyncMapBaseline
                    or MapKind.ConcurrentDictionaryRandomized)
                || !options.TypeWorkloads.Contains(WorkloadOf(c).Name)));

    private static BenchmarkCase WithOperationsPerInvoke(BenchmarkCase c, int operations)
    {
        var d = c.Descriptor;
        var descriptor = new Descriptor(
            d.Type,
            d.WorkloadMethod,
            d.GlobalSetupMethod,
            d.GlobalCleanupMethod,
            d.IterationSetupMethod,
            d.IterationCleanupMethod,
            d.WorkloadMethodDisplayInfo,
            d.AdditionalLogic,
            d.Baseline,
            d.Categories,
            operations,
            d.MethodIndex);
        return BenchmarkCase.Create(descriptor, c.Job, c.Parameters, c.Config);
    }
}

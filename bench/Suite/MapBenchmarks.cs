using BenchmarkDotNet.Attributes;
using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Parallel;
using GoSync.Benchmarks.Workloads;

namespace GoSync.Benchmarks.Suite;

/// <summary>
/// Every case of the suite: a workload, a key and value type pair, a map and a worker count. One invocation runs a batch of operations split among
/// the workers (<see cref="BatchPlan"/>); <see cref="SuiteCases"/> gives each case its batch as its operations per
/// invocation, so BenchmarkDotNet's times and allocations are per operation, as Go's ns/op.
/// </summary>
public class MapBenchmarks
{
    private IParallelRun? _run;
    private int _batch;

    [ParamsSource(nameof(WorkloadNames))]
    public string Workload { get; set; } = "";

    // Declared before Workers and Map, so the ratio's two maps run back to back for each key and value type.
    [ParamsSource(nameof(TypeNames))]
    public string Types { get; set; } = "";

    // Declared before Map, so that BenchmarkDotNet runs the maps of one workload and worker count back to back: the
    // ratios then compare cases measured minutes apart at most, whatever else the machine is doing.
    [ParamsSource(nameof(WorkerCounts))]
    public int Workers { get; set; }

    [ParamsSource(nameof(MapKinds))]
    public MapKind Map { get; set; }

    /// <summary>The cases' parameter values: set by <see cref="Program"/> before BenchmarkDotNet reads them (in process).</summary>
    internal static SuiteOptions Selection { get; set; } = new();

    public static IEnumerable<string> WorkloadNames => Selection.Workloads;

    public static IEnumerable<string> TypeNames => Selection.Types;

    public static IEnumerable<MapKind> MapKinds => Selection.Maps;

    public static IEnumerable<int> WorkerCounts => Selection.Workers;

    [GlobalSetup]
    public void Setup()
    {
        var workload = WorkloadCatalog.Get(Workload);
        _batch = BatchPlan.For(workload, Map);
        _run = ParallelRunFactory.Create(Map, Types, workload, Workers);
        _run.WarmUp(_batch);
    }

    [GlobalCleanup]
    public void Cleanup() => _run?.Dispose();

    [Benchmark]
    public void Run() => _run!.Invoke(_batch);
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;

namespace GoSync.Benchmarks.Suite;

/// <summary>
/// Checks that the memory diagnoser counts what worker threads allocate, not only BenchmarkDotNet's own thread: a
/// benchmark whose calling thread allocates nothing and whose second worker allocates one 24-byte object per operation
/// must report 24 bytes per operation.
/// </summary>
internal static class AllocationAccountingCheck
{
    private const double ExpectedBytes = 24; // an object with no fields on a 64-bit runtime

    public static bool Run(string artifactsPath)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(SuiteConfig.CreateJob(shortJob: true))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(artifactsPath);
        var report = BenchmarkRunner.Run<WorkerOnlyAllocations>(config).Reports.Single();
        var gc = report.GcStats;
        var bytesPerOp = (double)(gc.GetTotalAllocatedBytes(excludeAllocationQuantumSideEffects: false) ?? 0)
            / Math.Max(1, gc.TotalOperations);
        var passed = report.Success && Math.Abs(bytesPerOp - ExpectedBytes) < 1;
        Console.WriteLine(
            $"Allocation accounting: {bytesPerOp:0.###} B/op measured for {ExpectedBytes} B/op allocated only on a worker thread: {(passed ? "counted" : "NOT counted")}");
        return passed;
    }
}

using System.Globalization;
using BenchmarkDotNet.Reports;
using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Suite;

namespace GoSync.Benchmarks.Reporting;

/// <summary>One measured case, per operation.</summary>
/// <param name="Workload">Go's benchmark name without "Benchmark".</param>
/// <param name="Types">The key and value type pair, e.g. long/ref.</param>
/// <param name="Map">The map.</param>
/// <param name="Workers">Parallel workers.</param>
/// <param name="MedianNs">Median over the measured iterations of nanoseconds per operation (robust to a noisy neighbour).</param>
/// <param name="MeanNs">Mean over the measured iterations (BenchmarkDotNet's headline figure).</param>
/// <param name="StdErrNs">Standard error of the mean.</param>
/// <param name="BytesPerOp">Bytes allocated per operation, on every thread, unrounded.</param>
internal sealed record CaseResult(
    string Workload, string Types, MapKind Map, int Workers, double MedianNs, double MeanNs, double StdErrNs, double? BytesPerOp)
{
    public const string CsvHeader = "workload,types,map,workers,median_ns,mean_ns,stderr_ns,bytes_per_op";

    /// <summary>The result of a successful report, or null when the case failed.</summary>
    public static CaseResult? From(BenchmarkReport report)
    {
        var statistics = report.ResultStatistics;
        if (!report.Success || statistics is null)
        {
            return null;
        }

        var parameters = report.BenchmarkCase.Parameters;
        var gc = report.GcStats;
        var allocated = gc.GetTotalAllocatedBytes(excludeAllocationQuantumSideEffects: false);
        return new CaseResult(
            (string)parameters[nameof(MapBenchmarks.Workload)],
            (string)parameters[nameof(MapBenchmarks.Types)],
            (MapKind)parameters[nameof(MapBenchmarks.Map)],
            (int)parameters[nameof(MapBenchmarks.Workers)],
            statistics.Median,
            statistics.Mean,
            statistics.StandardError,
            allocated is null || gc.TotalOperations == 0 ? null : (double)allocated.Value / gc.TotalOperations);
    }

    public string ToCsv() => string.Join(
        ',',
        Workload,
        Types,
        Map,
        Workers.ToString(CultureInfo.InvariantCulture),
        MedianNs.ToString("0.###", CultureInfo.InvariantCulture),
        MeanNs.ToString("0.###", CultureInfo.InvariantCulture),
        StdErrNs.ToString("0.###", CultureInfo.InvariantCulture),
        BytesPerOp?.ToString("0.###", CultureInfo.InvariantCulture) ?? "");
}

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;
using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Suite;

namespace GoSync.Benchmarks.Reporting;

/// <summary>
/// Writes the suite's own results next to BenchmarkDotNet's: <c>gosync-results.csv</c> (one row per case, what the
/// plot script reads) and <c>gosync-summary.md</c> (the tables for docs/benchmarks.md, ratios to ConcurrentDictionary
/// from the same run).
/// </summary>
internal static class ResultsReport
{
    private const MapKind Baseline = MapKind.ConcurrentDictionary;

    /// <summary>Writes both files and returns the summary's path.</summary>
    public static string Write(Summary summary, SuiteOptions options, TimeSpan elapsed, string loadAtStart)
    {
        // In Go's workload order, then by worker count and map, whatever order BenchmarkDotNet ran the cases in.
        var results = summary.Reports.Select(CaseResult.From).OfType<CaseResult>()
            .OrderBy(r => options.Workloads.ToList().IndexOf(r.Workload))
            .ThenBy(r => options.Types.ToList().IndexOf(r.Types))
            .ThenBy(r => r.Workers)
            .ThenBy(r => r.Map)
            .ToList();
        var failed = summary.Reports.Where(r => CaseResult.From(r) is null).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
        var directory = Path.Combine(summary.ResultsDirectoryPath);
        Directory.CreateDirectory(directory);

        var csvPath = Path.Combine(directory, "gosync-results.csv");
        File.WriteAllLines(csvPath, results.Select(r => r.ToCsv()).Prepend(CaseResult.CsvHeader));

        var markdown = new StringBuilder();
        WriteHeader(markdown, summary, options, elapsed, failed, loadAtStart);
        WriteSyncMapVersusBaseline(markdown, results, options);
        WriteTypeMatrix(markdown, results, options);
        WriteAllMaps(markdown, results, options);
        var markdownPath = Path.Combine(directory, "gosync-summary.md");
        File.WriteAllText(markdownPath, markdown.ToString());
        return markdownPath;
    }

    private static void WriteHeader(
        StringBuilder md, Summary summary, SuiteOptions options, TimeSpan elapsed, List<string> failed, string loadAtStart)
    {
        md.AppendLine("## Run").AppendLine();
        md.AppendLine("```");
        foreach (var line in summary.HostEnvironmentInfo.ToFormattedString())
        {
            md.AppendLine(line);
        }

        md.AppendLine("```").AppendLine();
        md.AppendLine(Invariant($"- Arguments: `{string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`"));
        md.AppendLine(Invariant($"- Job: {(options.ShortJob ? "short" : "full")}; workers: {string.Join(", ", options.Workers)}; duration: {elapsed:hh\\:mm\\:ss}"));
        md.AppendLine(Invariant($"- Started (UTC): {DateTime.UtcNow - elapsed:yyyy-MM-dd HH:mm}; {Environment.ProcessorCount} cores"));
        md.AppendLine(Invariant($"- Load average (1, 5, 15 min) at the start: {loadAtStart}; at the end: {MachineLoad.Read()}"));
        if (failed.Count > 0)
        {
            md.AppendLine(Invariant($"- Failed cases: {string.Join("; ", failed)}"));
        }

        md.AppendLine();
    }

    private static void WriteSyncMapVersusBaseline(StringBuilder md, List<CaseResult> results, SuiteOptions options)
    {
        md.AppendLine("## SyncMap against ConcurrentDictionary").AppendLine();
        md.AppendLine("Median ns/op; ratio = SyncMap / ConcurrentDictionary (below 1: SyncMap is faster); bytes allocated per operation.").AppendLine();
        md.AppendLine("| Workload | Key/value | Workers | SyncMap ns/op | ConcurrentDictionary ns/op | Ratio | SyncMap B/op | ConcurrentDictionary B/op |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var workload in options.Workloads)
        {
            foreach (var types in options.Types)
            {
                foreach (var workers in options.Workers)
                {
                    var sync = Find(results, workload, types, MapKind.SyncMap, workers);
                    var baseline = Find(results, workload, types, Baseline, workers);
                    if (sync is null && baseline is null)
                    {
                        continue;
                    }

                    md.AppendLine(Invariant(
                        $"| {workload} | {types} | {workers} | {Ns(sync)} | {Ns(baseline)} | {Ratio(sync, baseline)} | {Bytes(sync)} | {Bytes(baseline)} |"));
                }
            }
        }

        md.AppendLine();
    }

    /// <summary>The type matrix at a glance: SyncMap's ratio to ConcurrentDictionary and its B/op, per type pair.</summary>
    private static void WriteTypeMatrix(StringBuilder md, List<CaseResult> results, SuiteOptions options)
    {
        if (options.Types.Count < 2)
        {
            return;
        }

        md.AppendLine("## Key and value types").AppendLine();
        md.AppendLine("SyncMap / ConcurrentDictionary (median ns/op, same run) · SyncMap B/op, per key/value type pair; \"before\": SyncMapBaseline's, where it ran.").AppendLine();
        AppendHeader(md, ["Workload", "Workers"], options.Types);
        foreach (var workload in options.Workloads.Where(w => options.Types.Count(t => Find(results, w, t, MapKind.SyncMap, options.Workers[0]) is not null) > 1))
        {
            foreach (var workers in options.Workers)
            {
                md.Append(Invariant($"| {workload} | {workers} |"));
                foreach (var types in options.Types)
                {
                    var sync = Find(results, workload, types, MapKind.SyncMap, workers);
                    var baseline = Find(results, workload, types, Baseline, workers);
                    var before = Find(results, workload, types, MapKind.SyncMapBaseline, workers);
                    var was = before is null ? "" : Invariant($" (before {Ratio(before, baseline)} · {Bytes(before)})");
                    md.Append(sync is null ? " |" : Invariant($" {Ratio(sync, baseline)} · {Bytes(sync)}{was} |"));
                }

                md.AppendLine();
            }
        }

        md.AppendLine();
    }

    private static void WriteAllMaps(StringBuilder md, List<CaseResult> results, SuiteOptions options)
    {
        foreach (var workers in options.Workers)
        {
            md.AppendLine(Invariant($"## All maps, {workers} worker{(workers == 1 ? "" : "s")}, Go's types ({TypePairs.Go})")).AppendLine();
            md.AppendLine("Median ns/op (ratio to ConcurrentDictionary) · bytes/op. A blank cell is a case not run (Go skips the copy-on-write map where it is quadratic).").AppendLine();
            AppendHeader(md, ["Workload"], options.Maps.Select(m => m.ToString()));
            foreach (var workload in options.Workloads)
            {
                var baseline = Find(results, workload, TypePairs.Go, Baseline, workers);
                md.Append(Invariant($"| {workload} |"));
                foreach (var map in options.Maps)
                {
                    var result = Find(results, workload, TypePairs.Go, map, workers);
                    md.Append(result is null ? " |" : Invariant($" {Ns(result)} ({Ratio(result, baseline)}) · {Bytes(result)} |"));
                }

                md.AppendLine();
            }

            md.AppendLine();
        }
    }

    /// <summary>A table's header: the first columns, then one right-aligned column per name.</summary>
    private static void AppendHeader(StringBuilder md, IReadOnlyList<string> first, IEnumerable<string> columns)
    {
        var names = columns.ToList();
        md.Append("| ").AppendJoin(" | ", first.Concat(names)).AppendLine(" |");
        md.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", first.Count - 1 + names.Count))).AppendLine();
    }

    private static CaseResult? Find(List<CaseResult> results, string workload, string types, MapKind map, int workers) =>
        results.FirstOrDefault(r => r.Workload == workload && r.Types == types && r.Map == map && r.Workers == workers);

    private static string Ns(CaseResult? r) => r is null ? "" : Significant(r.MedianNs);

    private static string Ratio(CaseResult? r, CaseResult? baseline) =>
        r is null || baseline is null || baseline.MedianNs <= 0 ? "" : Invariant($"{r.MedianNs / baseline.MedianNs:0.00}×");

    private static string Bytes(CaseResult? r) => r?.BytesPerOp switch
    {
        null => "",
        < 0.005 => "0 B",
        var b => Invariant($"{b:0.##} B"),
    };

    /// <summary>Three significant digits: 2.34, 23.4, 234, 2345.</summary>
    private static string Significant(double ns) => ns switch
    {
        < 10 => ns.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => ns.ToString("0.0", CultureInfo.InvariantCulture),
        _ => ns.ToString("0", CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

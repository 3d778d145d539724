using System.Diagnostics;
using GoSync.Specs;

namespace GoSync.Bench.Checker;

/// <summary>
/// A Stopwatch run for a quick figure, when BenchmarkDotNet's minutes are too many: checks each workload a few times
/// and prints the median and the fastest wall time, and the process CPU time, which a busy machine disturbs less.
/// </summary>
public static class QuickRun
{
    /// <summary>Runs and prints.</summary>
    /// <param name="runs">How many timed checks of each workload.</param>
    public static void Run(int runs)
    {
        Workloads.Verify(); // also the warm-up
        Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Measure("10,000 ops, 8 processes, 64 keys", Workloads.Mixed, Workloads.Generous, runs);
        Measure("500 ops, 8 processes, 1 key", Workloads.SingleKey, Workloads.Generous, runs);
        Measure("pathological, Unknown at 250 ms", Workloads.Pathological, Workloads.PathologicalBudget, Math.Min(runs, 3));
    }

    private static void Measure(string name, History history, TimeSpan budget, int runs)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var verdict = Verdict.Unknown;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            verdict = LinearizabilityChecker.Check(history, budget).Verdict;
            wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }

        Console.WriteLine(
            $"{name,-36} {verdict,-13} wall median {Median(wall),7:0.0} ms, min {wall.Min(),7:0.0} ms; cpu median {Median(cpu),7:0.0} ms ({runs} runs)");
    }

    private static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

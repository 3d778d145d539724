using BenchmarkDotNet.Running;
using GoSync.Benchmarks.Reporting;
using GoSync.Benchmarks.Suite;

namespace GoSync.Benchmarks;

/// <summary>Runs the suite: see <see cref="SuiteOptions.Usage"/>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        SuiteOptions options;
        try
        {
            options = SuiteOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(SuiteOptions.Usage);
            return 2;
        }

        if (options.HelpOnly)
        {
            Console.WriteLine(SuiteOptions.Usage);
            return 0;
        }

        if (options.Attacks)
        {
            return Attacks.HashAttack.Run();
        }

        if (options.Anatomy)
        {
            return Anatomy.LoadAnatomy.Run();
        }

        if (options.CheckAllocations)
        {
            return AllocationAccountingCheck.Run(options.ArtifactsPath) ? 0 : 1;
        }

        MapBenchmarks.Selection = options;
        var cases = SuiteCases.Create(SuiteConfig.Create(options), options);
        if (options.ListOnly)
        {
            foreach (var benchmarkCase in cases.BenchmarksCases)
            {
                Console.WriteLine($"{benchmarkCase.DisplayInfo} batch={benchmarkCase.Descriptor.OperationsPerInvoke}");
            }

            Console.WriteLine($"{cases.BenchmarksCases.Length} cases");
            return 0;
        }

        var loadAtStart = MachineLoad.Read();
        var started = DateTime.UtcNow;
        var summary = BenchmarkRunner.Run(cases);
        var report = ResultsReport.Write(summary, options, DateTime.UtcNow - started, loadAtStart);
        Console.WriteLine($"GoSync summary: {report}");
        return summary.Reports.All(r => r.Success) && !summary.HasCriticalValidationErrors ? 0 : 1;
    }
}

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace GoSync.Benchmarks.Suite;

/// <summary>The BenchmarkDotNet configuration: the job, the memory diagnoser and the exporters.</summary>
internal static class SuiteConfig
{
    public static IConfig Create(SuiteOptions options) =>
        ManualConfig.CreateEmpty()
            .AddJob(CreateJob(options.ShortJob))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(CsvExporter.Default, MarkdownExporter.GitHub, JsonExporter.Full)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond).WithMaxParameterColumnWidth(40))
            .WithArtifactsPath(options.ArtifactsPath);

    /// <summary>
    /// In process (the device machine has a runtime but no SDK to build a separate benchmark process), one invocation
    /// per unroll (an invocation is already a large batch), and no overhead pass (an empty call is nothing beside it).
    /// </summary>
    public static Job CreateJob(bool shortJob)
    {
        var job = shortJob
            ? Job.Default.WithWarmupCount(2).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(60))
            : Job.Default.WithWarmupCount(4).WithIterationCount(12).WithIterationTime(TimeInterval.FromMilliseconds(200));
        return job
            .WithUnrollFactor(1)
            .WithEvaluateOverhead(false)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId(shortJob ? "Short" : "Full");
    }
}

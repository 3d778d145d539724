using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace GoSync.Runner;

/// <summary>
/// The baseline that systematic testing is compared with: a harness run over and over on real threads (a plain,
/// not rewritten build) until it fails or its wall-clock budget is spent. Runs in a child process of its own, so that
/// each mutant's GoSync.Map is loaded fresh and a deadlocked iteration can be abandoned.
/// </summary>
internal static class StressWorker
{
    private static readonly TimeSpan IterationDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Runs the harness and writes a <see cref="StressResult"/> to <paramref name="resultPath"/>.</summary>
    public static int Run(string assemblyPath, string harness, double seconds, string resultPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        var context = new AssemblyLoadContext("harnesses");
        context.Resolving += (ctx, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? ctx.LoadFromAssemblyPath(candidate) : null;
        };
        var method = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath)).GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Single(m => m.Name == harness && m.CustomAttributes.Any(a => a.AttributeType.FullName == "Microsoft.Coyote.SystematicTesting.TestAttribute"));

        var clock = Stopwatch.StartNew();
        var iterations = 0;
        string? failure = null;
        while (failure is null && clock.Elapsed.TotalSeconds < seconds)
        {
            iterations++;
            // The deadline is the budget's rest (10 s at most): a hang is a detection only within the same budget as
            // Coyote's. The iteration starts on a pool thread, for a harness can block before it returns its task.
            var deadline = TimeSpan.FromSeconds(Math.Clamp(seconds - clock.Elapsed.TotalSeconds, 1, IterationDeadline.TotalSeconds));
            try
            {
                var task = Task.Run(() => (Task)method.Invoke(null, null)!);
                if (!task.Wait(deadline))
                {
                    failure = $"deadlock: iteration did not finish within {deadline.TotalSeconds:F1} s";
                }
            }
            catch (Exception e)
            {
                failure = Unwrap(e).Message; // whole: the JSON result keeps its line breaks, and the first line is the verdict
            }
        }

        new StressResult(iterations, Math.Round(clock.Elapsed.TotalSeconds, 2), failure).Write(resultPath);
        Environment.Exit(0); // a deadlocked iteration's threads must not keep the process alive
        return 0;
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        _ => e,
    };
}

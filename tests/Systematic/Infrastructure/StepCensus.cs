using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Infrastructure;

/// <summary>Where a scheduling step comes from: the code that reached the scheduling point.</summary>
public enum StepSource
{
    /// <summary>The map's own <c>Volatile</c>, <c>Interlocked</c> and lock steps in the harness's calls.</summary>
    Map,

    /// <summary>Task creation, start and joins: the harness's concurrency itself.</summary>
    Tasks,

    /// <summary>The history recorder (its lock, counter and lists).</summary>
    Recorder,

    /// <summary>The checked wrappers' own steps (a Range's list of visited pairs, for example).</summary>
    Wrappers,

    /// <summary>The invariant checks between operations.</summary>
    InvariantChecks,

    /// <summary>Everything <see cref="Iteration.Finish"/> does: the leak and expunge checks and the linearizability check.</summary>
    FinalChecks,
}

/// <summary>
/// The scheduling steps of an exploration, counted by where they come from. Coyote's schedule coverage records the
/// stack of every scheduling decision it makes (suppressed scheduling points are not decisions and are not recorded);
/// each stack is attributed to the first of <see cref="StepSource"/>'s infrastructure sources it passes through, else
/// to the map, else to the tasks.
/// </summary>
/// <param name="Harness">The harness.</param>
/// <param name="Iterations">Iterations explored.</param>
/// <param name="Steps">Scheduling decisions over all iterations, by source.</param>
/// <param name="Examples">For each source that took a step, the stack of one of its scheduling points.</param>
public sealed record StepCensus(
    string Harness, int Iterations, IReadOnlyDictionary<StepSource, long> Steps, IReadOnlyDictionary<StepSource, string> Examples)
{
    /// <summary>All scheduling decisions over all iterations.</summary>
    public long Total => Steps.Values.Sum();

    /// <summary>The decisions that came from recording, wrapping and checking.</summary>
    public long Infrastructure => Steps.Where(s => s.Key is not (StepSource.Map or StepSource.Tasks)).Sum(s => s.Value);

    /// <summary>Decisions of one source per iteration.</summary>
    public double PerIteration(StepSource source) => Iterations == 0 ? 0 : (double)Steps.GetValueOrDefault(source) / Iterations;

    /// <summary>Explores <paramref name="harness"/> within <paramref name="settings"/>, recording the stack of every decision.</summary>
    public static StepCensus Take(string harness, SystematicSettings settings)
    {
        var method = HarnessCatalog.Harnesses[harness];
        var configuration = settings.ToConfiguration().WithScheduleCoverageReported(true);
        using var engine = TestingEngine.Create(configuration, method.CreateDelegate<Func<Task>>());
        engine.Run();
        Iteration.WriteArtifactsIfFailed();
        var report = engine.TestReport;
        var steps = Enum.GetValues<StepSource>().ToDictionary(s => s, _ => 0L);
        var examples = new Dictionary<StepSource, string>();
        foreach (var traces in report.CoverageInfo.SchedulingPointStackTraces.Values)
        {
            foreach (var (stack, count) in traces)
            {
                var source = Classify(stack);
                steps[source] += count;
                examples.TryAdd(source, stack);
            }
        }

        return new StepCensus(harness, report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths, steps, examples);
    }

    /// <summary>The source of the scheduling decision whose stack is <paramref name="stack"/>.</summary>
    public static StepSource Classify(string stack)
    {
        if (stack.Contains("Infrastructure.Iteration.Finish", StringComparison.Ordinal))
        {
            return StepSource.FinalChecks;
        }

        if (stack.Contains("FindInvariantViolations", StringComparison.Ordinal) || stack.Contains(".CheckInvariants", StringComparison.Ordinal))
        {
            return StepSource.InvariantChecks;
        }

        if (stack.Contains("GoSync.Specs.", StringComparison.Ordinal))
        {
            return StepSource.Recorder;
        }

        if (MapTypes.Any(t => stack.Contains(t, StringComparison.Ordinal)))
        {
            return StepSource.Map;
        }

        if (stack.Contains("Infrastructure.CheckedMap", StringComparison.Ordinal))
        {
            // The JIT inlines the map's small methods into the wrapper, whose own code has no Volatile, Interlocked
            // or lock: such a step is the map's. A wrapper's own steps would be its rewritten collections'.
            // A task's wait (a foreach body waiting for another task) reaches the runtime through no rewritten type.
            return CoyoteFrame(stack) switch
            {
                null => StepSource.Tasks,
                var frame when frame.Contains(".Collections.", StringComparison.Ordinal) => StepSource.Wrappers,
                var frame when frame.Contains(".Tasks.", StringComparison.Ordinal) => StepSource.Tasks,
                _ => StepSource.Map,
            };
        }

        return StepSource.Tasks;
    }

    /// <summary>The innermost frame of Coyote's rewriting types: what kind of call reached the scheduling point.</summary>
    private static string? CoyoteFrame(string stack) => stack
        .Split('\n')
        .Select(l => l.Trim())
        .TakeWhile(l => l.StartsWith("at Microsoft.Coyote.", StringComparison.Ordinal))
        .LastOrDefault(l => l.StartsWith("at Microsoft.Coyote.Rewriting.Types.", StringComparison.Ordinal));

    private static readonly string[] MapTypes = ["GoSync.SyncMap`2", "GoSync.Entry`1", "GoSync.EntryTable`2", "GoSync.ReadOnlyMap`2"];
}

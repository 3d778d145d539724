using System.Globalization;
using GoSync.Systematic.Infrastructure;
using Xunit.Abstractions;

namespace GoSync.Systematic;

/// <summary>
/// Where each harness's scheduling steps come from. Every step Coyote spent in recording, wrapping or checking would be
/// a step it did not spend on the map's own interleavings, and every lock the checks took would order the tasks.
/// </summary>
public class StepCensusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Harnesses() => new(HarnessCatalog.Harnesses.Keys);

    [Theory]
    [MemberData(nameof(Harnesses))]
    public void Every_scheduling_step_is_the_maps_or_the_tasks_none_is_the_recorders_the_wrappers_or_the_checks(string harness)
    {
        var census = StepCensus.Take(harness, SystematicSettings.FromEnvironment() with { Iterations = 20, Seed = 1 });

        output.WriteLine(Row(census));
        census.Iterations.Should().BeGreaterThan(0);
        census.Steps[StepSource.Map].Should().BeGreaterThan(0, "the harness races the map's own scheduling points");
        census.Infrastructure.Should().Be(0, "infrastructure steps reached: {0}",
            string.Join("\n", census.Examples.Where(e => e.Key is not (StepSource.Map or StepSource.Tasks)).Select(e => $"{e.Key}:\n{e.Value}")));
    }

    [Fact]
    public void A_step_is_attributed_to_the_innermost_infrastructure_it_passes_through_else_to_the_map_else_to_the_tasks()
    {
        const string coyote = "   at Microsoft.Coyote.Runtime.CoyoteRuntime.ScheduleNextOperation(ControlledOperation current)\n";
        const string volatileRead = coyote + "   at Microsoft.Coyote.Rewriting.Types.Threading.Volatile.Read[T](T& location)\n";
        const string listCount = coyote + "   at Microsoft.Coyote.Rewriting.Types.Collections.Generic.List`1.get_Count(List`1 instance)\n";

        StepCensus.Classify(volatileRead + "   at GoSync.SyncMap`2.TryLoadAndDelete(TKey key)\n   at GoSync.Systematic.Infrastructure.CheckedMap.Delete(Int32 process)")
            .Should().Be(StepSource.Map);
        StepCensus.Classify(volatileRead + "   at GoSync.Systematic.Infrastructure.CheckedMap.Load(Int32 process, Int32 key)")
            .Should().Be(StepSource.Map, "the JIT inlined the map's TryLoad into the wrapper");
        StepCensus.Classify(listCount + "   at GoSync.Systematic.Infrastructure.CheckedMap.Range(Int32 process)")
            .Should().Be(StepSource.Wrappers);
        StepCensus.Classify(coyote + "   at GoSync.Systematic.Infrastructure.CheckedMap.ForEach(Int32 process)")
            .Should().Be(StepSource.Tasks, "a body's wait for another task is the harness's concurrency");
        StepCensus.Classify(volatileRead + "   at GoSync.SyncMap`2.FindInvariantViolations()\n   at GoSync.Systematic.Infrastructure.CheckedMap.CheckInvariants()")
            .Should().Be(StepSource.InvariantChecks);
        StepCensus.Classify(volatileRead + "   at GoSync.SyncMap`2.Store(TKey key)\n   at GoSync.Systematic.Infrastructure.Iteration.Finish()")
            .Should().Be(StepSource.FinalChecks);
        StepCensus.Classify(coyote + "   at Microsoft.Coyote.Rewriting.Types.Threading.Interlocked.Increment(Int64& location)\n   at GoSync.Specs.HistoryRecorder.Invoke(Int32 process)")
            .Should().Be(StepSource.Recorder);
        StepCensus.Classify(coyote + "   at Microsoft.Coyote.Rewriting.Types.Threading.Tasks.Task.Run(Action action)\n   at GoSync.Systematic.Infrastructure.Iteration.Concurrently()")
            .Should().Be(StepSource.Tasks);
    }

    private static string Row(StepCensus census) =>
        $"census {census.Harness} iterations={census.Iterations} " +
        string.Join(" ", Enum.GetValues<StepSource>().Select(s => $"{s}={census.PerIteration(s).ToString("F1", CultureInfo.InvariantCulture)}")) +
        $" total={((double)census.Total / census.Iterations).ToString("F1", CultureInfo.InvariantCulture)}";
}

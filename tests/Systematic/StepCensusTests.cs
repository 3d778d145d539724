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

    private static string Row(StepCensus census) =>
        $"census {census.Harness} iterations={census.Iterations} " +
        string.Join(" ", Enum.GetValues<StepSource>().Select(s => $"{s}={census.PerIteration(s).ToString("F1", CultureInfo.InvariantCulture)}")) +
        $" total={((double)census.Total / census.Iterations).ToString("F1", CultureInfo.InvariantCulture)}";
}

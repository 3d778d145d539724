using System.Globalization;
using GoSync.Systematic.Infrastructure;
using Xunit.Abstractions;

namespace GoSync.Systematic;

/// <summary>
/// Where each harness's scheduling steps come from. Every step Coyote spends in recording, wrapping or checking is a
/// step it does not spend on the map's own interleavings.
/// </summary>
public class StepCensusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Harnesses() => new(HarnessCatalog.Harnesses.Keys);

    [Theory]
    [MemberData(nameof(Harnesses))]
    public void Scheduling_steps_are_counted_by_source(string harness)
    {
        var census = StepCensus.Take(harness, SystematicSettings.FromEnvironment() with { Iterations = 20, Seed = 1 });

        output.WriteLine(Row(census));
        census.Iterations.Should().BeGreaterThan(0);
    }

    private static string Row(StepCensus census) =>
        $"census {census.Harness} iterations={census.Iterations} " +
        string.Join(" ", Enum.GetValues<StepSource>().Select(s => $"{s}={census.PerIteration(s).ToString("F1", CultureInfo.InvariantCulture)}")) +
        $" total={((double)census.Total / census.Iterations).ToString("F1", CultureInfo.InvariantCulture)}";
}

using System.Text.Json;
using GoSync.Runner;

namespace GoSync.Tests.Mutants;

/// <summary>
/// The runner's coverage check, on coverlet reports made up here: it passes when every path of the plan is reached by
/// its racing harnesses and fails when one is not, or when a line no gap explains is unreached.
/// </summary>
public sealed class CoverageCheckTests
{
    /// <summary>
    /// A coverlet JSON report of the plan's methods, each with lines 10 and 11 and one branch: reached where
    /// <paramref name="reached"/> says so, except line <paramref name="unreachedLineOf"/>.
    /// </summary>
    private static string Report(Func<CodeMethod, bool> reached, int unreachedLineOf = -1) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["GoSync.Map.dll"] = CoveragePlan.Paths.SelectMany(p => p.Methods).Distinct().GroupBy(m => m.File).ToDictionary(
            file => "/src/Map/" + file.Key,
            file => file.GroupBy(m => m.Type).ToDictionary(
                type => $"GoSync.{type.Key}`2",
                type => type.ToDictionary(
                    m => $"System.Void GoSync.{m.Type}`2::{m.Name}()",
                    m => (object)new
                    {
                        Lines = new Dictionary<string, int> { ["10"] = reached(m) ? 5 : 0, ["11"] = reached(m) && unreachedLineOf != 11 ? 5 : 0 },
                        Branches = new[] { new { Line = 10, Offset = 3, EndOffset = 9, Path = 0, Ordinal = 0, Hits = reached(m) ? 5 : 0 } },
                    }))),
    });

    private static MapCoverage EveryRacerReaches(Func<CodeMethod, bool> reached, int unreachedLine = -1, IEnumerable<string>? harnesses = null)
    {
        var coverage = new MapCoverage();
        foreach (var harness in harnesses ?? AllRacers)
        {
            coverage.Add(harness, Report(reached, unreachedLine));
        }

        return coverage;
    }

    private static readonly string[] AllRacers = CoveragePlan.Paths.SelectMany(p => p.RacedBy).Distinct().ToArray();

    [Fact]
    public void Passes_when_every_path_is_reached_by_its_racing_harnesses()
    {
        CoverageCommand.Problems(EveryRacerReaches(_ => true), AllRacers).Should().BeEmpty();
    }

    [Fact]
    public void Fails_when_no_harness_reaches_a_path_of_the_enumerator()
    {
        var enumerator = new CodeMethod("SyncMap.cs", "SyncMap", "GetEnumerator");
        CoverageCommand.Problems(EveryRacerReaches(m => m != enumerator), AllRacers)
            .Should().Contain(p => p.Contains("no harness reaches SyncMap.GetEnumerator", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_when_a_harness_named_to_race_a_path_is_left_out()
    {
        var without = AllRacers.Where(h => h != "ForEachRacingPromotionAndClear").ToArray();
        CoverageCommand.Problems(EveryRacerReaches(_ => true, harnesses: without), without)
            .Should().Contain(p => p.Contains("ForEachRacingPromotionAndClear, named to race it, was not run", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_on_an_unreached_line_no_gap_explains_and_accepts_one_a_gap_explains()
    {
        var problems = CoverageCommand.Problems(EveryRacerReaches(_ => true, unreachedLine: 11), AllRacers);
        problems.Should().Contain(p => p.StartsWith("SyncMap.LoadOrStoreLocked (SyncMap.Writes.cs): lines 11 unreached", StringComparison.Ordinal));
        problems.Should().NotContain(p => p.StartsWith("SyncMap.AddToDirtyLocked", StringComparison.Ordinal), "a gap explains AddToDirtyLocked's");
    }

    [Fact]
    public void Ignores_the_step_log_implementation_which_is_instrumentation_not_the_map()
    {
        var coverage = EveryRacerReaches(_ => true);
        coverage.Add("DeleteThenStore", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["GoSync.Map.dll"] = new Dictionary<string, object>
            {
                ["/src/Map/StepLog/Entry.StepLog.cs"] = new Dictionary<string, object>
                {
                    ["GoSync.Entry`1"] = new Dictionary<string, object>
                    {
                        ["System.Void GoSync.Entry`1::StepRead()"] = new { Lines = new Dictionary<string, int> { ["20"] = 0 }, Branches = Array.Empty<object>() },
                    },
                },
            },
        }));

        coverage.Methods.Should().NotContain(m => m.Method.File == "Entry.StepLog.cs");
        CoverageCommand.Problems(coverage, AllRacers).Should().BeEmpty();
    }
}

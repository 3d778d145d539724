using GoSync.Systematic.Infrastructure;
using GoSync.Tooling;
using Xunit.Abstractions;

namespace GoSync.Systematic;

/// <summary>
/// Every Coyote harness, run by <c>dotnet test</c> through Coyote's testing engine within the budget that
/// <c>coyote.runsettings</c> (or the GOSYNC_* variables) sets. With GOSYNC_REPLAY=&lt;path to a .trace&gt;, the harness
/// that trace belongs to replays it instead: the way to step through a bug under a debugger.
/// </summary>
public class HarnessTests(ITestOutputHelper output)
{
    public static TheoryData<string> Harnesses() => new(HarnessCatalog.Harnesses.Keys);

    [Theory]
    [MemberData(nameof(Harnesses))]
    public void Harness_finds_no_bug_within_the_budget(string harness)
    {
        var settings = SystematicSettings.FromEnvironment();
        var replay = SystematicRun.ReplayTraceFromEnvironment();
        var trace = replay is not null && SystematicRun.HarnessOfTrace(replay) == harness ? File.ReadAllText(replay) : null;

        var result = SystematicRun.Run(harness, settings, trace);

        output.WriteLine($"{harness}: {(trace is null ? "explored" : "replayed")} {result.Iterations} iterations with {settings}, {result.Bugs} bugs");
        result.Bugs.Should().Be(0, FailureMessage(result, replay));
    }

    private static string FailureMessage(ExplorationResult result, string? replayed)
    {
        var trace = replayed ?? result.TracePath ?? "(no trace written)";
        return $"""
            Coyote found a bug in {result.Harness}:
            {result.BugReport}
            Artifacts: {Artifacts.For(result.Harness)} (history.jsonl, timeline.html, failure.txt, {Path.GetFileName(trace)})
            Replay: dotnet coyote replay {typeof(HarnessCatalog).Assembly.Location} {trace} -m {result.Harness}
            Debug:  GOSYNC_REPLAY={trace} dotnet test tests/Systematic --filter "DisplayName~{result.Harness}"
            """;
    }
}

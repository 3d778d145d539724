using System.Globalization;
using System.Text.RegularExpressions;
using GoSync.Runner;
using GoSync.Tests.Specs;
using Xunit.Abstractions;

namespace GoSync.Tests.Mutants;

/// <summary>The committed fixtures, replayed once for all the tests of <see cref="RegressionFixtureTests"/>.</summary>
public sealed class FixtureReplays
{
    public FixtureReplays() => Results = FixtureReplay.ReplayAll(Repository.Locate(), times: 3);

    internal IReadOnlyList<FixtureReplayResult> Results { get; }
}

/// <summary>
/// The committed Coyote traces of seeded bugs (tests/Mutants/fixtures) replay the same failure, with the same recorded
/// history and the same atomic steps, every time; the same trace against the correct map does not fail; and the failing
/// iteration's artifacts show the interleaving Coyote replayed, step for step. Builds the mutant, so it takes a minute or two.
/// </summary>
public partial class RegressionFixtureTests(FixtureReplays replays, ITestOutputHelper output) : IClassFixture<FixtureReplays>
{
    // Mutant 12's race, as the replayed step log shows it (steps 16 to 35): P1's LoadOrStore(3, 30) and P3's
    // LoadOrStore(3, 31) each find key 3 absent under the lock (LosLocked), let go of it, and each adds the key (LosAdd):
    // both report a store, which the checker cannot place (the ✗ at step 35, P1's return).
    private static readonly string[] Race =
    [
        "16 P1 Begin ▶ LoadOrStore(1, 10) key 1 e1",
        "17 P1 LosRead key 1 e1: expunged",
        "18 P1 LosLocked key 1 e1",
        "19 P1 Unexpunge key 1 e1: expunged → nil",
        "20 P1 LosRead key 1 e1: nil",
        "21 P2 Begin ▶ LoadOrStore(1, 20) key 1 e1",
        "22 P2 LosRead key 1 e1: nil",
        "23 P2 LosCas key 1 e1: nil → 20 ◀ → 20 (stored)",
        "24 P2 Begin ▶ Delete(1) key 1 e1",
        "25 P2 DelRead key 1 e1: 20",
        "26 P2 DelCas key 1 e1: 20 → nil ◀ → ok",
        "27 P3 Begin ▶ LoadOrStore(3, 31) key 3 no entry",
        "28 P1 LosCas key 1 e1: nil → 10 ◀ → 10 (stored)",
        "29 P1 Begin ▶ LoadOrStore(3, 30) key 3 no entry",
        "30 P3 LosLocked key 3 no entry",
        "31 P1 LosLocked key 3 no entry",
        "32 P3 LosAdd key 3 e3: free → 31 ◀ → 31 (stored)",
        "33 P3 Begin ▶ Load(1) key 1 e1",
        "34 P3 LoadSlot key 1 e1: 10 ◀ → 10",
        "35 P1 LosAdd key 3 e4: free → 30 ◀ → 30 (stored)",
    ];

    // Measures the interleaving table as a reader sees it: its column heads, each row's step and the cell that has
    // text, and the colours of the failing row; into an attribute of <body>, which --dump-dom prints.
    private const string MeasureScript = """
        const table = document.querySelector('table.interleaving');
        const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent);
        const rows = [...table.querySelectorAll('tbody tr')].map(tr => {
          const cells = [...tr.children];
          const filled = cells.slice(1).findIndex(td => td.textContent.length > 0);
          return { step: +tr.dataset.step, column: heads[filled + 1], text: cells[filled + 1].innerText, failing: tr.classList.contains('failing'),
                   background: getComputedStyle(cells[filled + 1]).backgroundColor, visible: cells[filled + 1].getBoundingClientRect().width > 0 };
        });
        document.body.dataset.measured = JSON.stringify({ heads, rows, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth });
        """;

    [Fact]
    public void Each_committed_trace_replays_its_seeded_bug_three_times_and_not_against_the_correct_map()
    {
        foreach (var r in replays.Results)
        {
            output.WriteLine($"{r.Fixture.Mutant.Name} / {r.Fixture.Harness} replay {r.Run}: {(r.Reproduced ? "reproduced" : "not reproduced")}");
        }

        replays.Results.Should().Contain(r => r.Run == 0, "each fixture is also replayed against the correct map");
        replays.Results.Count(r => r.Run > 0).Should().BeGreaterThanOrEqualTo(3);
        replays.Results.Should().OnlyContain(r => r.AsExpected,
            "every replay against the mutant reproduces the recorded failure, history and steps, and none against the correct map does");
    }

    [Fact]
    public void Mutant_12_s_artifacts_show_the_replayed_interleaving_step_for_step_with_the_failing_step_marked()
    {
        var replay = replays.Results.Last(r => r.Fixture.Mutant.Name.StartsWith("12-", StringComparison.Ordinal));
        replay.Reproduced.Should().BeTrue();
        replay.Interleaving.Split('\n')[16..36].Should().Equal(Race, "the steps of the race, in the order Coyote replayed them");

        var dir = FixtureReplay.ArtifactsOf(replay.Fixture);
        var text = File.ReadAllText(Path.Combine(dir, "failure.txt"));
        text.Should().StartWith("NOT LINEARIZABLE: key 3").And.Contain("Interleaving: 177 atomic steps of 4 threads");
        text.Split('\n').Should().ContainSingle(l => l.StartsWith('✗')).Which.Should().StartWith("✗  35 ", "the return the checker could not place is marked");

        var page = File.ReadAllText(Path.Combine(dir, "timeline.html"));
        var work = Directory.CreateTempSubdirectory("gosync-interleaving-").FullName;
        try
        {
            var m = HeadlessChromium.Measure(page, MeasureScript, work);
            m.GetProperty("heads").EnumerateArray().Select(h => h.GetString()).Should().Equal("#", "P0", "P1", "P2", "P3");
            var rows = m.GetProperty("rows").EnumerateArray().ToList();
            rows.Should().OnlyContain(r => r.GetProperty("visible").GetBoolean());
            var race = rows.Where(r => r.GetProperty("step").GetInt32() is >= 16 and <= 35).ToList();
            race.Select(r => $"{r.GetProperty("step").GetInt32()} {r.GetProperty("column").GetString()}")
                .Should().Equal(Race.Select(s => string.Join(' ', s.Split(' ')[..2])), "each step is in its thread's column, in order");
            var failing = rows.Where(r => r.GetProperty("failing").GetBoolean()).ToList();
            failing.Should().ContainSingle().Which.GetProperty("step").GetInt32().Should().Be(35);
            failing[0].GetProperty("background").GetString().Should().Be("rgb(248, 215, 215)", "the failing step is red");
            failing[0].GetProperty("text").GetString().Should().Contain("LosAdd").And.Contain("SyncMap.AddToDirtyLocked").And.Contain("free → 30")
                .And.Contain("◀ → 30 (stored)");
            rows.Single(r => r.GetProperty("step").GetInt32() == 18).GetProperty("background").GetString()
                .Should().Be("rgb(255, 246, 213)", "P1 holds the lock after its LosLocked");

            // The screenshot (docs/interleaving-failing.png): the page without the set-up's rows, so that the verdict, the
            // key's timeline and the race fit in one picture.
            var html = Path.Combine(work, "timeline.html");
            File.WriteAllText(html, SetUpRow().Replace(page, m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) < 16 ? "" : m.Value));
            var png = Path.Combine(work, "interleaving.png");
            HeadlessChromium.Screenshot(html, png, work, height: 2250);
            File.ReadAllBytes(png).Take(4).Should().Equal([0x89, (byte)'P', (byte)'N', (byte)'G']);
            if (Environment.GetEnvironmentVariable("GOSYNC_UPDATE_SCREENSHOTS") == "1")
            {
                File.Copy(png, Path.Combine(Repository.Locate().Root, "docs", "interleaving-failing.png"), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex("<tr id=\"step-(\\d+)\".*?</tr>\n", RegexOptions.Singleline)]
    private static partial Regex SetUpRow();
}

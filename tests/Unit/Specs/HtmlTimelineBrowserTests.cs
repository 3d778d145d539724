using System.Text.Json;
using GoSync.Specs;
using static GoSync.Tests.Specs.Ops;

namespace GoSync.Tests.Specs;

/// <summary>
/// The HTML timeline as a reader sees it, rendered by headless Chromium at 1280 px: the verdict, a lane for every
/// process, the operation that could not be placed marked, no two bars of a lane overlapping, and no horizontal scrolling
/// of the page. With GOSYNC_UPDATE_SCREENSHOTS=1 the failing example's screenshot is saved as docs/timeline-failing.png.
/// </summary>
public sealed class HtmlTimelineBrowserTests : IDisposable
{
    // Opens every section, then measures each lane's bars and the page; the result goes into an attribute of <body>,
    // which --dump-dom prints.
    private const string MeasureScript = """
        document.querySelectorAll('details').forEach(d => d.open = true);
        const box = e => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
        const sections = [...document.querySelectorAll('.timeline')].map(t => ({
          failing: t.closest('.failing') !== null,
          lanes: [...t.querySelectorAll('.lane')].map(l => ({
            process: l.querySelector('.process').textContent,
            bars: [...l.querySelectorAll('.track > .op')].map(b => ({ ...box(b), text: b.textContent, classes: b.className, background: getComputedStyle(b).backgroundColor })),
          })),
        }));
        const h1 = document.querySelector('h1.verdict');
        document.body.dataset.measured = JSON.stringify({
          verdict: h1.textContent, verdictBox: box(h1), verdictBackground: getComputedStyle(h1).backgroundColor,
          viewport: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
          sections,
        });
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("gosync-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Failing_example_shows_the_verdict_every_lane_and_the_unplaced_call_without_overlap_at_1280_px()
    {
        var history = Example("stale-load.jsonl");
        var page = Render(history, out var result);
        result.Verdict.Should().Be(Verdict.NotLinearizable);

        var m = HeadlessChromium.Measure(page, MeasureScript, _dir);

        m.GetProperty("verdict").GetString().Should().Be("Not linearizable");
        m.GetProperty("verdictBackground").GetString().Should().Be("rgb(248, 215, 215)", "the verdict is shown in red");
        ShowsEveryProcessOfEachSection(m, history);
        NoBarOverlapsAnotherInItsLane(m);
        FitsTheWidth(m);

        var failing = m.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("failing").GetBoolean());
        var unplaced = Bars(failing).Where(b => b.Bar.GetProperty("classes").GetString()!.Split(' ').Contains("unplaced")).ToList();
        unplaced.Should().ContainSingle("exactly one call could not be placed");
        unplaced[0].Process.Should().Be("P3");
        unplaced[0].Bar.GetProperty("text").GetString().Should().Be("✗ Load(\"x\") → 1");
        unplaced[0].Bar.GetProperty("background").GetString().Should().Be("rgb(248, 215, 215)", "the culprit is red");
        Bars(failing).Count(b => b.Bar.GetProperty("classes").GetString()!.Split(' ').Contains("placed")).Should().Be(4, "the prefix has 4 steps");

        var html = Path.Combine(_dir, "stale-load.html");
        File.WriteAllText(html, page);
        var png = Path.Combine(_dir, "stale-load.png");
        HeadlessChromium.Screenshot(html, png, _dir, height: 720);
        File.ReadAllBytes(png).Take(8).Should().Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        if (Environment.GetEnvironmentVariable("GOSYNC_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(png, Path.Combine(GoSync.Tests.Packages.SpecsReadmeExampleTests.RepositoryRoot(), "docs", "timeline-failing.png"), overwrite: true);
        }
    }

    [Fact]
    public void Passing_example_shows_the_verdict_and_every_lane_of_every_key_without_overlap_at_1280_px()
    {
        var history = Example("linearizable.jsonl");
        var page = Render(history, out var result);
        result.Verdict.Should().Be(Verdict.Linearizable);

        var m = HeadlessChromium.Measure(page, MeasureScript, _dir);

        m.GetProperty("verdict").GetString().Should().Be("Linearizable");
        m.GetProperty("verdictBackground").GetString().Should().Be("rgb(217, 242, 221)", "the verdict is shown in green");
        ShowsEveryProcessOfEachSection(m, history);
        NoBarOverlapsAnotherInItsLane(m);
        FitsTheWidth(m);
        m.GetProperty("sections").EnumerateArray().SelectMany(Bars)
            .Should().NotContain(b => b.Bar.GetProperty("classes").GetString()!.Contains("unplaced", StringComparison.Ordinal));
    }

    [Fact]
    public void Back_to_back_calls_of_a_process_do_not_overlap()
    {
        // P1 calls again at the very timestamp its previous call returned: the tightest a lane can be.
        var history = H(
            Store(1, "x", 1, 1, 2), Load(1, "x", 2, 3, true, 1), Store(1, "x", 2, 3, 4), Load(1, "x", 4, 5, true, 2),
            Load(2, "x", 1, 5, true, 1), Swap(3, "x", 3, 2, 3, true, 1));

        var m = HeadlessChromium.Measure(Render(history, out _), MeasureScript, _dir);

        ShowsEveryProcessOfEachSection(m, history);
        NoBarOverlapsAnotherInItsLane(m);
    }

    [Fact]
    public void Long_failing_history_keeps_the_page_within_1280_px()
    {
        // A failing key with many calls: the timeline is wider than the window, so it must scroll inside its own box.
        var ops = new List<Operation>();
        for (var i = 0; i < 60; i++)
        {
            ops.Add(Store(1 + (i % 3), "x", i, 10 * i, (10 * i) + 4));
        }

        ops.Add(Load(4, "x", 700, 701, true, 5));
        var history = H([.. ops]);

        var m = HeadlessChromium.Measure(Render(history, out var result), MeasureScript, _dir);

        result.Verdict.Should().Be(Verdict.NotLinearizable);
        FitsTheWidth(m);
        NoBarOverlapsAnotherInItsLane(m);
        ShowsEveryProcessOfEachSection(m, history);
    }

    private static string Render(History history, out CheckResult result)
    {
        result = LinearizabilityChecker.Check(history, Budget);
        return HtmlTimeline.Render(history, result);
    }

    private static void ShowsEveryProcessOfEachSection(JsonElement m, History history)
    {
        var sections = m.GetProperty("sections").EnumerateArray().ToList();
        sections.Should().NotBeEmpty();
        var lanes = sections.SelectMany(s => s.GetProperty("lanes").EnumerateArray()).Select(l => l.GetProperty("process").GetString()).ToHashSet();
        lanes.Should().BeEquivalentTo(history.Operations.Select(op => $"P{op.Process}").Distinct(), "every process has a lane");
        sections.SelectMany(s => s.GetProperty("lanes").EnumerateArray()).SelectMany(l => l.GetProperty("bars").EnumerateArray())
            .Should().OnlyContain(b => b.GetProperty("right").GetDouble() > b.GetProperty("left").GetDouble(), "every bar is visible");
    }

    private static void NoBarOverlapsAnotherInItsLane(JsonElement m)
    {
        foreach (var lane in m.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lanes").EnumerateArray()))
        {
            var bars = lane.GetProperty("bars").EnumerateArray().OrderBy(b => b.GetProperty("left").GetDouble()).ToList();
            foreach (var (a, b) in bars.Zip(bars.Skip(1)))
            {
                b.GetProperty("left").GetDouble().Should().BeGreaterThanOrEqualTo(
                    a.GetProperty("right").GetDouble(),
                    $"in lane {lane.GetProperty("process")}, '{b.GetProperty("text")}' must start after '{a.GetProperty("text")}' ends");
            }
        }
    }

    private static void FitsTheWidth(JsonElement m)
    {
        m.GetProperty("viewport").GetInt32().Should().Be(HeadlessChromium.Width);
        m.GetProperty("scrollWidth").GetInt32().Should().BeLessThanOrEqualTo(m.GetProperty("clientWidth").GetInt32(), "the page does not scroll sideways at 1280 px");
        m.GetProperty("verdictBox").GetProperty("right").GetDouble().Should().BeLessThanOrEqualTo(HeadlessChromium.Width);
    }

    private static IEnumerable<(string Process, JsonElement Bar)> Bars(JsonElement section) =>
        section.GetProperty("lanes").EnumerateArray()
            .SelectMany(l => l.GetProperty("bars").EnumerateArray().Select(b => (l.GetProperty("process").GetString()!, b)));

    private static History Example(string name)
    {
        var path = Path.Combine(GoSync.Tests.Packages.SpecsReadmeExampleTests.RepositoryRoot(), "tools", "Check", "examples", name);
        using var reader = File.OpenText(path);
        return HistoryJson.Read(reader);
    }
}

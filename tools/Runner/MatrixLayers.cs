using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GoSync.Runner;

/// <summary>The unit and model-based tests of the map (tests/Unit, namespace GoSync.Tests.Map) run against a mutant.</summary>
/// <param name="Total">Tests run.</param>
/// <param name="Failed">Tests failed.</param>
/// <param name="FirstFailed">The first failed test's name, or null.</param>
/// <param name="KilledAfter">Seconds after which the run was killed unfinished, or null. Not a detection: on a loaded
/// machine the correct map's tests can take that long too (the run of 2026-12-04 showed it), so the cell is unknown.</param>
internal sealed record UnitOutcome(int Total, int Failed, string? FirstFailed, int? KilledAfter = null)
{
    /// <summary>Seconds the tests may run.</summary>
    public const int Deadline = 600;

    public bool Caught => Failed > 0;

    public bool Unknown => KilledAfter is not null;

    /// <summary>
    /// Runs the tests with <c>dotnet vstest</c> and reads the counts from its TRX log (vstest's XML results, not its
    /// console): a run that leaves no log is a runner error.
    /// </summary>
    public static UnitOutcome Run(Repository repo, string unitTests, string trx)
    {
        File.Delete(trx);
        var result = Shell.Run("dotnet",
            ["vstest", unitTests, "--TestCaseFilter:FullyQualifiedName~GoSync.Tests.Map", $"--logger:trx;LogFileName={trx}"],
            repo.Root, timeout: TimeSpan.FromSeconds(Deadline));
        if (result.TimedOut)
        {
            return new UnitOutcome(0, 0, null, Deadline);
        }

        if (!File.Exists(trx))
        {
            throw new RunnerException($"The unit tests left no TRX log (exit {result.ExitCode}):\n{result.Output}");
        }

        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var doc = XDocument.Load(trx);
        var counters = doc.Descendants(ns + "Counters").Single();
        var failed = doc.Descendants(ns + "UnitTestResult").FirstOrDefault(r => (string?)r.Attribute("outcome") == "Failed");
        return new UnitOutcome(
            int.Parse((string)counters.Attribute("total")!, CultureInfo.InvariantCulture),
            int.Parse((string)counters.Attribute("failed")!, CultureInfo.InvariantCulture),
            (string?)failed?.Attribute("testName"));
    }
}

/// <summary>TLC on a mutant's TLA+ twin (<c>tla/MCSyncMapBug&lt;Bug&gt;.cfg</c>).</summary>
/// <param name="Config">The configuration.</param>
/// <param name="Verdict">"counterexample PROPERTY", "pass", "not finished in N s" or "error".</param>
/// <param name="States">Distinct states found, or null.</param>
/// <param name="TraceStates">States in the counterexample (its length), or null.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
internal sealed partial record TlcOutcome(string Config, string Verdict, long? States, int? TraceStates, double Seconds)
{
    /// <summary>
    /// Runs TLC with one worker (a breadth-first search that finds a shortest counterexample) and reads TLC's own
    /// report of the verdict: its exit status and its "Error: ... is violated" line.
    /// </summary>
    public static TlcOutcome Run(Repository repo, string jar, string config, int timeoutSeconds)
    {
        var tla = Path.Combine(repo.Root, "tla");
        var module = File.ReadLines(Path.Combine(tla, config)).Select(l => ModuleHeader().Match(l)).First(m => m.Success).Groups[1].Value;
        var meta = Directory.CreateTempSubdirectory("gosync-tlc-").FullName;
        var clock = Stopwatch.StartNew();
        var result = Shell.Run("java", ["-XX:+UseParallelGC", "-Xmx2g", "-jar", jar, "-workers", "1", "-noGenerateSpecTE", "-metadir", meta, "-config", config, module + ".tla"],
            tla, timeout: TimeSpan.FromSeconds(timeoutSeconds));
        Directory.Delete(meta, recursive: true);
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        if (result.TimedOut)
        {
            return new TlcOutcome(config, $"not finished in {timeoutSeconds} s", null, null, seconds);
        }

        var states = DistinctStates().Matches(result.Output).Select(m => long.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).LastOrDefault();
        var violated = Violated().Match(result.Output);
        var verdict = result.ExitCode == 0 ? "pass"
            : violated.Success ? $"counterexample {violated.Groups[1].Value}"
            : result.Output.Contains("Error: Deadlock reached", StringComparison.Ordinal) ? "counterexample Deadlock"
            : "error";
        var trace = StateLine().Matches(result.Output).Count;
        return new TlcOutcome(config, verdict, states, verdict.StartsWith("counterexample", StringComparison.Ordinal) ? trace : null, seconds);
    }

    [GeneratedRegex(@"^\\\* MODULE (\w+)")]
    private static partial Regex ModuleHeader();

    [GeneratedRegex(@"([\d,]+) distinct states found")]
    private static partial Regex DistinctStates();

    [GeneratedRegex(@"^Error: (?:Invariant|Action property|Temporal property) (\w+) (?:is|was) violated", RegexOptions.Multiline)]
    private static partial Regex Violated();

    [GeneratedRegex(@"^State \d+:", RegexOptions.Multiline)]
    private static partial Regex StateLine();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace GoSync.Runner;

/// <summary>How <c>dotnet coyote test</c> explores: the strategy and the budget.</summary>
/// <param name="Strategy">portfolio (Coyote's default, a tuned mix), random, probabilistic, prioritization, delay-bounding.</param>
/// <param name="Iterations">Iterations at most.</param>
/// <param name="MaxSteps">Scheduling steps per iteration at most, or null for Coyote's default.</param>
/// <param name="Seed">The seed, or null for a fresh one.</param>
/// <param name="TimeoutSeconds">Wall-clock limit in seconds, or null for none.</param>
internal sealed record Exploration(string Strategy, int Iterations, int? MaxSteps = null, uint? Seed = null, int? TimeoutSeconds = null);

/// <summary>What one <c>dotnet coyote test</c> (or <c>replay</c>) run printed, parsed.</summary>
internal sealed record CoyoteOutcome(
    string Harness,
    string Strategy,
    int Iterations,
    int AverageSteps,
    int Bugs,
    double Seconds,
    string? TracePath,
    string? ReportPath,
    string BugReport,
    int ExitCode,
    string Output)
{
    /// <summary>True when Coyote itself failed (bad arguments, internal error), as opposed to finding a bug or not.</summary>
    public bool Broken => ExitCode is not (0 or 2);
}

/// <summary>Runs the Coyote command-line tool from the repository's tool manifest and reads its output.</summary>
internal static partial class CoyoteCli
{
    /// <summary>Explores one harness; <paramref name="onIteration"/> gets Coyote's iteration milestones (1..10, 20, 30 ...).</summary>
    public static CoyoteOutcome Test(
        Repository repo, string assembly, string harness, Exploration exploration, string outputDirectory,
        Action<int>? onIteration = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        // --fail-on-max-steps: an iteration that reaches its scheduling-step bound is a livelock, a failure of the
        // model's Termination (seeded bug SwapRetryStale spins for ever). The correct map never gets near the bound: its
        // retry loops retry only after another task's progress, and every harness performs a bounded number of calls.
        var args = new List<string>
        {
            "coyote", "test", assembly, "-m", harness, "-i", exploration.Iterations.ToString(CultureInfo.InvariantCulture), "-o", outputDirectory,
            "--fail-on-max-steps",
        };
        if (exploration.Strategy != Strategies.Default)
        {
            args.AddRange(["-s", exploration.Strategy]);
        }

        if (exploration.MaxSteps is { } steps)
        {
            args.AddRange(["-ms", steps.ToString(CultureInfo.InvariantCulture)]);
        }

        if (exploration.Seed is { } seed)
        {
            args.AddRange(["--seed", seed.ToString(CultureInfo.InvariantCulture)]);
        }

        if (exploration.TimeoutSeconds is { } timeout)
        {
            args.AddRange(["-t", timeout.ToString(CultureInfo.InvariantCulture)]);
        }

        var result = Shell.Run("dotnet", args, repo.Root, line =>
        {
            if (onIteration is not null && IterationLine().Match(line) is { Success: true } m)
            {
                onIteration(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }, environment);
        return Parse(harness, exploration.Strategy, result);
    }

    /// <summary>Replays a <c>.trace</c> file of one harness.</summary>
    public static CoyoteOutcome Replay(Repository repo, string assembly, string harness, string trace, string outputDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Shell.Run("dotnet", ["coyote", "replay", assembly, trace, "-m", harness, "-o", outputDirectory], repo.Root,
            environment: environment);
        return Parse(harness, "replay", result);
    }

    private static CoyoteOutcome Parse(string harness, string strategy, ShellResult result)
    {
        var text = result.Output;
        var bugs = Int(FoundBugs().Match(text), 0);
        var iterations = Int(Explored().Match(text), 0);
        var steps = Int(Steps().Match(text), 0);
        var seconds = Elapsed().Match(text) is { Success: true } e
            ? double.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture)
            : result.Elapsed.TotalSeconds;
        var trace = Written().Matches(text).Select(m => m.Groups[1].Value.Trim()).LastOrDefault(p => p.EndsWith(".trace", StringComparison.Ordinal));
        var report = Written().Matches(text).Select(m => m.Groups[1].Value.Trim()).LastOrDefault(p => p.EndsWith(".txt", StringComparison.Ordinal));
        if (FoundAt().Match(text) is { Success: true } found)
        {
            iterations = int.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var bugReport = BugText(text);
        if (bugs == 0 && result.ExitCode == 2)
        {
            bugs = 1; // replay prints no statistics, only the bug
        }

        return new CoyoteOutcome(harness, strategy, iterations, steps, bugs, seconds, trace, report, bugReport, result.ExitCode, text);
    }

    /// <summary>
    /// The bug as Coyote printed it: the lines after "Iteration #N found bug #1" (test) or "... Running test."
    /// (replay), up to Coyote's next "... " line.
    /// </summary>
    private static string BugText(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => FoundAt().IsMatch(l) || l.StartsWith("... Running test.", StringComparison.Ordinal));
        if (start < 0)
        {
            return "";
        }

        var body = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("... ", StringComparison.Ordinal));
        return string.Join(Environment.NewLine, body).Trim();
    }

    private static int Int(Match m, int fallback) =>
        m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex(@"Iteration #(\d+)")]
    private static partial Regex IterationLine();

    [GeneratedRegex(@"Found (\d+) bugs?\.")]
    private static partial Regex FoundBugs();

    [GeneratedRegex(@"Explored (\d+) execution paths?")]
    private static partial Regex Explored();

    [GeneratedRegex(@"scheduling decisions in fair terminating execution paths: \d+ \(min\), (\d+) \(avg\)")]
    private static partial Regex Steps();

    [GeneratedRegex(@"\.\.\. Elapsed ([\d.]+) sec")]
    private static partial Regex Elapsed();

    [GeneratedRegex(@"Writing (.+)$", RegexOptions.Multiline)]
    private static partial Regex Written();

    [GeneratedRegex(@"Iteration #(\d+) found bug")]
    private static partial Regex FoundAt();
}

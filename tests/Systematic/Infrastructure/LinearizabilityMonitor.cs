using GoSync.Specs;
using Microsoft.Coyote.Specifications;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// The hook a Coyote harness calls at the end of each iteration: checks the recorded history and, on a violation,
/// saves it and fails the iteration with the explanation.
/// </summary>
/// <remarks>
/// It lives here, not in GoSync.Specs, so that the Specs package (the recorder and the checker) needs no Coyote: only
/// the harnesses fail iterations through <see cref="Specification.Assert(bool, string, object)"/>.
/// </remarks>
public static class LinearizabilityMonitor
{
    /// <summary>
    /// Checks a history. On <see cref="Verdict.NotLinearizable"/> it writes the history (<c>.jsonl</c>, readable by the
    /// <c>check</c> command) and its HTML timeline into <paramref name="artifactDirectory"/>, if given, then fails via
    /// <see cref="Specification.Assert(bool, string, object)"/>: under Coyote's TestingEngine that fails the iteration and
    /// reports the explanation with the schedule; outside it, Coyote throws an
    /// <see cref="Microsoft.Coyote.Runtime.AssertionFailureException"/> carrying the same text. An
    /// <see cref="Verdict.Unknown"/> verdict does not fail: nothing was proven wrong.
    /// </summary>
    /// <param name="history">The iteration's history.</param>
    /// <param name="artifactDirectory">Where to save a failing history and its timeline; null to save nothing.</param>
    /// <param name="budget">The checker's time budget.</param>
    /// <returns>The result, for a harness that wants to log or count Unknown verdicts.</returns>
    public static CheckResult CheckIteration(History history, string? artifactDirectory, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(history);
        var result = LinearizabilityChecker.Check(history, budget);
        if (result.Verdict != Verdict.NotLinearizable)
        {
            return result;
        }

        var message = result.Explanation;
        if (artifactDirectory is not null)
        {
            var saved = Save(history, result, artifactDirectory);
            message += $"\nHistory saved to {saved}.jsonl and {saved}.html; re-check it with: check {saved}.jsonl\n";
        }

        // Coyote formats the message: pass it as an argument, for it is full of braces.
        Specification.Assert(false, "{0}", message);
        return result; // unreachable: Assert(false) throws or ends the iteration
    }

    /// <summary>Writes <c>violation-N.jsonl</c> and <c>violation-N.html</c> with the first free N.</summary>
    /// <returns>The common path of the two files, without extension.</returns>
    internal static string Save(History history, CheckResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        for (var n = 1; ; n++)
        {
            var stem = Path.Combine(directory, $"violation-{n}");
            FileStream file;
            try
            {
                // CreateNew claims the name atomically, so parallel test runs never overwrite each other's files.
                file = new FileStream(stem + ".jsonl", FileMode.CreateNew, FileAccess.Write);
            }
            catch (IOException) when (File.Exists(stem + ".jsonl"))
            {
                continue;
            }

            using (var writer = new StreamWriter(file))
            {
                HistoryJson.Write(history, writer);
            }

            File.WriteAllText(stem + ".html", HtmlTimeline.Render(history, result));
            return stem;
        }
    }
}

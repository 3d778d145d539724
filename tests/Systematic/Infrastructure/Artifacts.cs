using GoSync.Specs;
using GoSync.StepLog;

namespace GoSync.Systematic.Infrastructure;

/// <summary>Where a failing iteration leaves what a person needs to understand it.</summary>
public static class Artifacts
{
    /// <summary>The variable that overrides the artifacts root (the mutant runner points it at a temporary folder).</summary>
    public const string RootVariable = "GOSYNC_ARTIFACTS";

    /// <summary>
    /// <c>$GOSYNC_ARTIFACTS</c>, else <c>artifacts/</c> in the repository that holds this assembly, else
    /// <c>artifacts/</c> in the current directory.
    /// </summary>
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(RootVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                return Path.GetFullPath(configured);
            }

            return Path.Combine(RepositoryRoot ?? Environment.CurrentDirectory, "artifacts");
        }
    }

    /// <summary>The repository that holds this assembly (the folder with GoSync.sln above it), if any.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GoSync.sln")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }

    /// <summary>The folder of one harness's artifacts.</summary>
    public static string For(string harness) => Path.Combine(Root, harness);

    /// <summary>
    /// Writes <c>history.jsonl</c>, <c>failure.txt</c> (the explanation and the map's placement secret) and
    /// <c>timeline.html</c> of a failing iteration into its harness's folder. It never runs the checker: the text and the
    /// timeline come from the one <see cref="FailedIteration.Check"/> the iteration computed, or, when the iteration
    /// failed before checking, the timeline shows the history unchecked. With a step log it also writes
    /// <c>steps.ndjson</c> and shows the log as an interleaving at the end of <c>failure.txt</c> and of the timeline,
    /// the failing step marked.
    /// </summary>
    /// <returns>The folder written.</returns>
    public static string WriteFailure(FailedIteration failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var dir = For(failure.Harness);
        Directory.CreateDirectory(dir);
        using (var writer = File.CreateText(Path.Combine(dir, "history.jsonl")))
        {
            HistoryJson.Write(failure.History, writer);
        }

        var page = failure.Check is { } check
            ? HtmlTimeline.Render(failure.History, check)
            : HtmlTimeline.RenderUnchecked(failure.History);
        var text = failure.Explanation + Environment.NewLine + $"Placement secret of the map: {CheckedMap.Placement}" + Environment.NewLine;
        var steps = Path.Combine(dir, "steps.ndjson");
        File.Delete(steps); // a failure without a step log must not leave an older iteration's beside it
        if (failure.Steps is { } log)
        {
            var failing = failure.FailingStep;
            using (var writer = File.CreateText(steps))
            {
                StepLogJson.Write(log with { FailureMessage = failure.Explanation.Split('\n')[0] }, writer, failing);
            }

            page = InterleavingHtml.InsertInto(page, log, failing);
            text += Environment.NewLine + InterleavingText.Render(log, failing);
        }

        File.WriteAllText(Path.Combine(dir, "timeline.html"), page);
        File.WriteAllText(Path.Combine(dir, "failure.txt"), text);
        return dir;
    }
}

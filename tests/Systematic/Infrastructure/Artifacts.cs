using GoSync.Specs;
using GoSync.Tooling;

namespace GoSync.Systematic.Infrastructure;

/// <summary>Where a failing iteration leaves what a person needs to understand it.</summary>
public static class Artifacts
{
    /// <summary>
    /// <c>$GOSYNC_ARTIFACTS</c>, else <c>artifacts/</c> in the repository that holds this assembly, else
    /// <c>artifacts/</c> in the current directory.
    /// </summary>
    public static string Root =>
        Environment.GetEnvironmentVariable(RepositoryLayout.ArtifactsVariable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory) ?? Environment.CurrentDirectory, "artifacts");

    /// <summary>The folder of one harness's artifacts.</summary>
    public static string For(string harness) => Path.Combine(Root, harness);

    /// <summary>
    /// Writes <c>history.jsonl</c>, <c>failure.txt</c> (the explanation and the map's placement secret) and
    /// <c>timeline.html</c> of a failing iteration into its harness's folder. It never runs the checker: the text and the
    /// timeline come from the one <see cref="FailedIteration.Check"/> the iteration computed, or, when the iteration
    /// failed before checking, the timeline shows the history unchecked.
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
        File.WriteAllText(Path.Combine(dir, "timeline.html"), page);
        File.WriteAllText(
            Path.Combine(dir, "failure.txt"),
            failure.Explanation + Environment.NewLine + $"Placement secret of the map: {CheckedMap.Placement}" + Environment.NewLine);
        return dir;
    }
}

using GoSync.Specs;

namespace GoSync.Systematic.Infrastructure;

/// <summary>Where a failing iteration leaves what a person needs to understand it.</summary>
public static class Artifacts
{
    /// <summary>The variable that overrides the artifacts root (the mutant runner points it at a temporary folder).</summary>
    public const string RootVariable = "GOSYNC_ARTIFACTS";

    private static readonly TimeSpan CheckerBudget = TimeSpan.FromSeconds(5);

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

    /// <summary>Writes the failing iteration's history, its HTML timeline and the failure message.</summary>
    public static void WriteFailure(string harness, History history, string failure)
    {
        var dir = For(harness);
        Directory.CreateDirectory(dir);
        using (var writer = File.CreateText(Path.Combine(dir, "history.jsonl")))
        {
            HistoryJson.Write(history, writer);
        }

        var verdict = LinearizabilityChecker.Check(history, CheckerBudget);
        File.WriteAllText(Path.Combine(dir, "timeline.html"), HtmlTimeline.Render(history, verdict));
        File.WriteAllText(
            Path.Combine(dir, "failure.txt"),
            failure + Environment.NewLine + $"Placement secret of the map: {CheckedMap.Placement}" + Environment.NewLine);
    }
}

namespace GoSync.Tooling;

/// <summary>Where things are in a GoSync clone, for every program that works on one.</summary>
public static class RepositoryLayout
{
    /// <summary>The variable that points a harness run's artifacts away from <c>artifacts/</c> (the mutant runner sets it).</summary>
    public const string ArtifactsVariable = "GOSYNC_ARTIFACTS";

    /// <summary>
    /// The clone holding the first of <paramref name="starts"/> that lies in one (the folder with GoSync.sln), or null.
    /// </summary>
    public static string? FindRoot(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GoSync.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}

using GoSync.Tooling;

namespace GoSync.Runner;

/// <summary>
/// Explores or replays one harness in a process of its own: <c>dotnet GoSync.Systematic.Tests.dll explore REQUEST</c>
/// runs Coyote's testing engine on the (rewritten) harness assembly and writes Coyote's test report's figures as an
/// <see cref="ExplorationResult"/>. A process per run, so that each mutant's map is loaded fresh; a file, so that
/// nothing is read back out of console text.
/// </summary>
internal static class HarnessProcess
{
    /// <summary>
    /// Explores <paramref name="harness"/>. With <paramref name="showProgress"/> the process prints its iteration
    /// milestones straight to this console.
    /// </summary>
    public static ExplorationResult Explore(
        Repository repo, string assembly, string harness, Exploration exploration, string reportDirectory,
        bool showProgress = false, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(repo, assembly, new ExplorationRequest(harness, exploration, null, reportDirectory, "", showProgress), environment);

    /// <summary>Replays a <c>.trace</c> file of <paramref name="harness"/>.</summary>
    public static ExplorationResult Replay(
        Repository repo, string assembly, string harness, string trace, string reportDirectory,
        IReadOnlyDictionary<string, string>? environment = null) =>
        Run(repo, assembly, new ExplorationRequest(harness, new Exploration(Strategies.Default, 1), Path.GetFullPath(trace), reportDirectory, "", false), environment);

    /// <summary>
    /// Finds a failing scenario of <paramref name="request"/>'s harness and shrinks it (the harness process's
    /// <c>shrink</c> command); the minimal scenario, its harness method and its trace go to the request's output directory.
    /// </summary>
    public static ShrinkResult Shrink(Repository repo, string assembly, ShrinkRequest request) =>
        Call(repo, assembly, "shrink", request.Harness, path => (request with { ResultPath = path }).Write, ShrinkResult.Read, showProgress: false, environment: null);

    private static ExplorationResult Run(Repository repo, string assembly, ExplorationRequest request, IReadOnlyDictionary<string, string>? environment) =>
        Call(repo, assembly, "explore", request.Harness, path => (request with { ResultPath = path }).Write, ExplorationResult.Read, request.ShowProgress, environment);

    /// <summary>
    /// Runs <c>dotnet ASSEMBLY COMMAND REQUEST.json</c> in a scratch folder: <paramref name="writeRequest"/> gets the
    /// result's path and returns the writer of the request; the result file is read back whole.
    /// </summary>
    private static TResult Call<TResult>(
        Repository repo, string assembly, string command, string harness, Func<string, Action<string>> writeRequest, Func<string, TResult> readResult,
        bool showProgress, IReadOnlyDictionary<string, string>? environment)
    {
        var scratch = Directory.CreateTempSubdirectory("gosync-explore-").FullName;
        try
        {
            var requestPath = Path.Combine(scratch, "request.json");
            var resultPath = Path.Combine(scratch, "result.json");
            writeRequest(resultPath)(requestPath);
            var process = Shell.Run("dotnet", [assembly, command, requestPath], repo.Root, environment: environment, inheritOutput: showProgress);
            try
            {
                return readResult(resultPath);
            }
            catch (InvalidDataException e)
            {
                throw new RunnerException(
                    $"The harness process for {harness} ({command}) exited {process.ExitCode} without a result ({e.Message}):\n{process.Output}");
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

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

    private static ExplorationResult Run(Repository repo, string assembly, ExplorationRequest request, IReadOnlyDictionary<string, string>? environment)
    {
        var scratch = Directory.CreateTempSubdirectory("gosync-explore-").FullName;
        try
        {
            var requestPath = Path.Combine(scratch, "request.json");
            request = request with { ResultPath = Path.Combine(scratch, "result.json") };
            request.Write(requestPath);
            var process = Shell.Run("dotnet", [assembly, "explore", requestPath], repo.Root, environment: environment, inheritOutput: request.ShowProgress);
            try
            {
                return ExplorationResult.Read(request.ResultPath);
            }
            catch (InvalidDataException e)
            {
                throw new RunnerException(
                    $"The harness process for {request.Harness} exited {process.ExitCode} without a result ({e.Message}):\n{process.Output}");
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

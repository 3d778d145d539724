namespace GoSync.Tooling;

/// <summary>
/// What exploring (or replaying) one harness under Coyote's testing engine found, as the harness process hands it to
/// the runner: Coyote's own test report's figures, never its console text.
/// </summary>
/// <param name="Harness">The harness.</param>
/// <param name="Strategy">The strategy, or "replay".</param>
/// <param name="Iterations">Iterations run; the engine stops at the first bug, so when one was found it is the last.</param>
/// <param name="AverageSteps">Scheduling decisions per iteration, on average over the fair iterations.</param>
/// <param name="Bugs">Bugs found: 0, or 1 (the engine stops at the first).</param>
/// <param name="Seconds">Wall-clock seconds the engine ran.</param>
/// <param name="BugReport">Coyote's report of the bug (its first line is the verdict), or empty.</param>
/// <param name="Reports">The reports Coyote wrote, the replayable <c>.trace</c> among them.</param>
/// <param name="FailedCheck">Which check fired, as the check noted it (never read out of the report's words).</param>
public sealed record ExplorationResult(
    string Harness, string Strategy, int Iterations, int AverageSteps, int Bugs, double Seconds, string BugReport, IReadOnlyList<string> Reports,
    FailureKind FailedCheck = FailureKind.None)
{
    /// <summary>The replayable trace Coyote wrote for the bug, if any.</summary>
    public string? TracePath => Reports.LastOrDefault(p => p.EndsWith(".trace", StringComparison.Ordinal));

    public void Write(string path) => JsonFile.Write(path, this);

    /// <exception cref="InvalidDataException">The file is missing or holds no result: the harness process died first.</exception>
    public static ExplorationResult Read(string path) => JsonFile.Read<ExplorationResult>(path, "exploration result");
}

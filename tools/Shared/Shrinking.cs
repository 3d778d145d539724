namespace GoSync.Tooling;

/// <summary>
/// What the runner asks of a harness process (<c>dotnet GoSync.Systematic.Tests.dll shrink REQUEST.json</c>): find a
/// failing scenario of a harness whose scenario is data, shrink it, and write the minimal one with its trace.
/// </summary>
/// <param name="Harness">The harness whose scenario to shrink (RandomOperations).</param>
/// <param name="Search">The exploration that looks for a failing scenario.</param>
/// <param name="Candidate">The exploration of each smaller candidate: a bug within it keeps the candidate.</param>
/// <param name="OutputDirectory">Where the minimal scenario (scenario.json), its harness method (Harness.cs) and its trace go.</param>
/// <param name="MethodName">The pasted harness method's name.</param>
/// <param name="Summary">Its doc comment.</param>
/// <param name="ResultPath">Where to write the <see cref="ShrinkResult"/>.</param>
public sealed record ShrinkRequest(
    string Harness, Exploration Search, Exploration Candidate, string OutputDirectory, string MethodName, string Summary, string ResultPath)
{
    public void Write(string path) => JsonFile.Write(path, this);

    public static ShrinkRequest Read(string path) => JsonFile.Read<ShrinkRequest>(path, "shrink request");
}

/// <summary>How big a scenario is.</summary>
public sealed record ScenarioSize(int Operations, int SetupOperations, int Tasks, int Keys)
{
    public override string ToString() => $"{Operations} operations ({SetupOperations} in set-up), {Tasks} tasks, {Keys} keys";
}

/// <summary>
/// What shrinking found: the search's result; when it found a failing scenario, its size before and after, each change
/// kept, how many explorations it took, and the exploration of the minimal scenario (its trace among its reports).
/// </summary>
public sealed record ShrinkResult(
    ExplorationResult Search, ScenarioSize? Before, ScenarioSize? After, IReadOnlyList<string> Changes, int Explorations, double Seconds,
    ExplorationResult? Minimal, string? HarnessMethod, string? ScenarioPath)
{
    public void Write(string path) => JsonFile.Write(path, this);

    public static ShrinkResult Read(string path) => JsonFile.Read<ShrinkResult>(path, "shrink result");
}

using System.Text.Json.Nodes;

namespace GoSync.Runner;

/// <summary>
/// A committed regression fixture: a Coyote trace of a seeded bug, in <c>tests/Mutants/fixtures/&lt;mutant&gt;/&lt;harness&gt;.trace</c>.
/// Beside it, what a replay must reproduce: <c>expected-failure.txt</c>, the first line of the bug report (the verdict),
/// and <c>expected-history.jsonl</c>, the history the failing iteration recorded. Both are independent of how the
/// checker words its explanation, and the history pins down the whole execution.
/// </summary>
internal sealed record Fixture(Mutant Mutant, string Harness, string TracePath, string ExpectedFailure, string ExpectedHistory);

/// <summary>
/// One replay of a fixture: whether it reproduced the expected failure and history, and what it reported. Run 0 is the
/// control: the same trace against the correct map, which must not reproduce the failure.
/// </summary>
internal sealed record FixtureReplayResult(Fixture Fixture, int Run, bool Reproduced, string BugReport, string History)
{
    /// <summary>What each run must show: the failure for runs 1..n, none for the control.</summary>
    public bool AsExpected => Run == 0 ? !Reproduced : Reproduced;
}

/// <summary>Replays the committed traces of seeded bugs against their mutant builds.</summary>
internal static class FixtureReplay
{
    public static IReadOnlyList<Fixture> All(Repository repo)
    {
        var root = Path.Combine(repo.MutantsDirectory, "fixtures");
        var mutants = Mutant.All(repo).ToDictionary(m => m.Name);
        return Directory.Exists(root)
            ? Directory.GetFiles(root, "*.trace", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(trace =>
            {
                var dir = Path.GetDirectoryName(trace)!;
                var name = Path.GetFileName(dir);
                var mutant = mutants.TryGetValue(name, out var m) ? m : throw new RunnerException($"Fixture {trace} names no mutant '{name}'.");
                return new Fixture(mutant, Path.GetFileNameWithoutExtension(trace), trace,
                    File.ReadAllText(Path.Combine(dir, "expected-failure.txt")), File.ReadAllText(Path.Combine(dir, "expected-history.jsonl")));
            }).ToList()
            : [];
    }

    /// <summary>Builds each fixture's mutant and replays its trace <paramref name="times"/> times.</summary>
    public static IReadOnlyList<FixtureReplayResult> ReplayAll(Repository repo, int times, Action<string>? log = null)
    {
        var fixtures = All(repo);
        if (fixtures.Count == 0)
        {
            throw new RunnerException("No fixture in tests/Mutants/fixtures.");
        }

        var scratch = Path.Combine(Path.GetTempPath(), "gosync-fixtures");
        log?.Invoke("Building the systematic tests (Release) ...");
        var baseOutput = Path.Combine(scratch, "base-rewritten");
        repo.BuildSystematic(baseOutput);
        var results = new List<FixtureReplayResult>();
        foreach (var fixture in fixtures)
        {
            var dir = Path.Combine(scratch, fixture.Mutant.Name);
            var assembly = MutantWorkspace.Prepare(repo, fixture.Mutant, dir, baseOutput).Assemble(baseOutput, rewrite: true);
            var artifacts = Path.Combine(dir, "artifacts");
            var environment = new Dictionary<string, string> { [Repository.ArtifactsVariable] = artifacts };
            var history = Path.Combine(artifacts, fixture.Harness, "history.jsonl");
            var correct = Path.Combine(baseOutput, "GoSync.Systematic.Tests.dll");
            for (var run = 0; run <= times; run++)
            {
                if (File.Exists(history)) // File.Delete throws when the folder is missing, as on a first run
                {
                    File.Delete(history);
                }

                var outcome = CoyoteCli.Replay(repo, run == 0 ? correct : assembly, fixture.Harness, fixture.TracePath, Path.Combine(dir, "replay"), environment);
                var recorded = File.Exists(history) ? File.ReadAllText(history) : "";
                var failure = Normalize(outcome.BugReport).Split('\n')[0];
                var reproduced = outcome.Bugs == 1 && failure == Normalize(fixture.ExpectedFailure) &&
                    NormalizeHistory(recorded) == NormalizeHistory(fixture.ExpectedHistory);
                var against = run == 0 ? "the correct map (control)" : "the mutant";
                log?.Invoke($"{fixture.Mutant.Name} / {fixture.Harness}, replay {run} against {against}: " +
                    (reproduced ? $"same failure, same history ({failure})" : $"not reproduced ({(failure.Length > 0 ? failure : "no bug")})"));
                results.Add(new FixtureReplayResult(fixture, run, reproduced, outcome.BugReport, recorded));
            }
        }

        return results;
    }

    /// <summary>The runner's command: exit 1 when any replay differs from its expected failure.</summary>
    public static int Command(Repository repo, int times)
    {
        var results = ReplayAll(repo, times, Console.Out.WriteLine);
        foreach (var miss in results.Where(r => !r.AsExpected))
        {
            Console.Out.WriteLine($"{miss.Fixture.TracePath} replay {miss.Run} reported:\n{miss.BugReport}\nwith history:\n{miss.History}\n" +
                $"expected:\n{miss.Fixture.ExpectedFailure}\nwith history:\n{miss.Fixture.ExpectedHistory}");
        }

        return results.All(r => r.AsExpected) ? 0 : 1;
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();

    /// <summary>
    /// A history with each Range's visited pairs sorted: the order a Range visits keys in is the hash table's
    /// layout, which is no part of the failure (and changes whenever the table's hashing does).
    /// </summary>
    private static string NormalizeHistory(string jsonl) => string.Join('\n', Normalize(jsonl).Split('\n').Select(line =>
    {
        if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject op || op["visited"] is not JsonArray visited)
        {
            return line;
        }

        var sorted = visited.Select(v => v!.ToJsonString()).Order(StringComparer.Ordinal).ToList();
        op["visited"] = new JsonArray(sorted.Select(v => JsonNode.Parse(v)).ToArray());
        return op.ToJsonString();
    }));
}

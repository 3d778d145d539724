using System.Text.RegularExpressions;
using GoSync.Runner;

namespace GoSync.Tests.Traces;

/// <summary>
/// The TLA+ action names are the contract between the step log, the trace-validation module and the reports: the
/// disjuncts of <c>Step(t)</c> in tla/SyncMap.tla, the names tla/SyncMapTrace.tla dispatches on, the names the runner
/// accepts (<see cref="StepLogFile.Actions"/>) and the names docs/step-log.md lists must be one vocabulary.
/// </summary>
public sealed partial class ActionVocabularyTests
{
    private static readonly string Root = Repository.Locate().Root;

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));

    /// <summary>Every way the four places disagree.</summary>
    internal static IReadOnlyList<string> Drift(string syncMap, string syncMapTrace, string stepLogDoc)
    {
        var step = Regex.Match(syncMap, @"^Step\(t\) ==\n((?:.+\n)+)", RegexOptions.Multiline);
        var model = DisjunctName().Matches(step.Groups[1].Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var act = Regex.Match(syncMapTrace, @"^Act\(a, t, ev\) ==\n((?:.+\n)+)", RegexOptions.Multiline).Groups[1].Value;
        var dispatched = Dispatched().Matches(act).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var row = stepLogDoc.Split('\n').FirstOrDefault(l => l.StartsWith("| `action` |", StringComparison.Ordinal)) ?? "";
        var documented = Backticked().Matches(row).Select(m => m.Groups[1].Value)
            .Where(n => n is not ("action" or "SyncMap.tla" or "Step(t)")).ToHashSet(StringComparer.Ordinal);
        var runner = StepLogFile.Actions.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        void Compare(string what, IReadOnlySet<string> names, IReadOnlySet<string> expected)
        {
            problems.AddRange(names.Except(expected).Select(n => $"{what} names {n}, which is no disjunct of Step(t)"));
            problems.AddRange(expected.Except(names).Select(n => $"{what} lacks Step(t)'s {n}"));
        }

        if (model.Count == 0)
        {
            problems.Add("tla/SyncMap.tla has no 'Step(t) ==' of disjuncts");
        }

        Compare("tla/SyncMapTrace.tla's Act", dispatched, model);
        Compare("the runner's StepLogFile.Actions", runner, model);
        problems.AddRange(documented.Except(model).Select(n => $"docs/step-log.md names {n}, which is no disjunct of Step(t)"));
        if (documented.Count == 0)
        {
            problems.Add("docs/step-log.md has no '| `action` |' row naming the actions");
        }

        return problems;
    }

    [Fact]
    public void The_model_the_trace_module_the_runner_and_the_schema_name_the_same_actions() =>
        Drift(Read("tla", "SyncMap.tla"), Read("tla", "SyncMapTrace.tla"), Read("docs", "step-log.md")).Should().BeEmpty();

    [Fact]
    public void An_action_renamed_in_one_place_is_reported()
    {
        var syncMap = Read("tla", "SyncMap.tla");
        Drift(syncMap.Replace(@"\/ LosCas(t)", @"\/ LosCompareExchange(t)", StringComparison.Ordinal), Read("tla", "SyncMapTrace.tla"), Read("docs", "step-log.md"))
            .Should().Contain("tla/SyncMapTrace.tla's Act names LosCas, which is no disjunct of Step(t)")
            .And.Contain("tla/SyncMapTrace.tla's Act lacks Step(t)'s LosCompareExchange");
        Drift(syncMap, Read("tla", "SyncMapTrace.tla"), Read("docs", "step-log.md").Replace("`ClearLocked`", "`ClearRegion`", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Be("docs/step-log.md names ClearRegion, which is no disjunct of Step(t)");
    }

    [GeneratedRegex(@"\\/ ([A-Za-z]+)\(t\)")]
    private static partial Regex DisjunctName();

    [GeneratedRegex(@"a = ""([A-Za-z]+)"" +->")]
    private static partial Regex Dispatched();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}

using System.Text.RegularExpressions;
using GoSync.Runner;
using GoSync.StepLog;

namespace GoSync.Tests.StepLogging;

/// <summary>
/// One name for one thing: every action the step log can name is an action of <c>tla/SyncMap.tla</c>'s <c>Step(t)</c>
/// (or its <c>Unlock</c> operator), and every action of <c>Step(t)</c> is named by the correct code except those only
/// the seeded bugs and joining callbacks take.
/// </summary>
public sealed partial class StepLogVocabularyTests
{
    private static readonly string Root = Repository.Locate().Root;

    [Fact]
    public void Every_action_the_step_log_names_is_an_action_of_the_models_Step()
    {
        var model = StepActions();
        var named = NamedBy(Directory.GetFiles(Path.Combine(Root, "src", "Map"), "*.cs", SearchOption.AllDirectories))
            .Concat(NamedBy(Directory.GetFiles(Path.Combine(Root, "tests", "StepLog"), "*.cs")))
            .ToHashSet(StringComparer.Ordinal);

        named.Should().NotBeEmpty();
        named.Except(model).Should().BeEmpty("the log names only actions of Step(t): Unlock too, the end of a locked region, a step of its own");
        model.Should().Contain(ModelActions.Unlock);
        model.Except(named).Should().BeEquivalentTo(["DirtyWrite", "LosAdd", "RangeJoin"],
            "every other action of Step(t) is implemented by the correct code: DirtyWrite and LosAdd are seeded bugs', RangeJoin a callback's wait");
    }

    [Fact]
    public void The_seeded_bugs_name_only_actions_of_the_model()
    {
        var model = StepActions();
        var added = Directory.GetFiles(Path.Combine(Root, "tests", "Mutants"), "*.patch")
            .SelectMany(p => File.ReadLines(p).Where(l => l.StartsWith('+')).SelectMany(l => HookAction().Matches(l).Select(m => m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);

        added.Should().Contain(["LosAdd", "DirtyWrite"], "mutants 12 and 03 take the model's LosAdd and DirtyWrite");
        added.Except(model).Should().BeEmpty();
    }

    /// <summary>The actions <c>Step(t) == \/ Begin(t) \/ ...</c> of tla/SyncMap.tla is the disjunction of.</summary>
    private static HashSet<string> StepActions()
    {
        var text = File.ReadAllText(Path.Combine(Root, "tla", "SyncMap.tla"));
        var start = text.IndexOf("\nStep(t) ==", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "tla/SyncMap.tla defines Step(t)");
        var end = text.IndexOf("\n\n", start + 1, StringComparison.Ordinal);
        return [.. Disjunct().Matches(text[start..end]).Select(m => m.Groups[1].Value)];
    }

    /// <summary>The action names in the hook calls and line constructions of <paramref name="files"/>.</summary>
    private static IEnumerable<string> NamedBy(IEnumerable<string> files) => files.SelectMany(f =>
    {
        var text = File.ReadAllText(f);
        return HookAction().Matches(text).Select(m => m.Groups[1].Value)
            .Concat(LineAction().Matches(text).Select(m => m.Groups[1].Value))
            .Concat(ActionConstant().Matches(text).Select(m => m.Groups[1].Value));
    });

    [GeneratedRegex(@"\\/ (\w+)\(t\)")]
    private static partial Regex Disjunct();

    [GeneratedRegex(@"\bStep\w*\(""(\w+)""")]
    private static partial Regex HookAction();

    [GeneratedRegex(@"(?:Action = |action is |or |Slot\()""(\w+)""")]
    private static partial Regex LineAction();

    [GeneratedRegex(@"public const string \w+ = ""(\w+)""")]
    private static partial Regex ActionConstant();
}

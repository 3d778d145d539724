using GoSync.Runner;

namespace GoSync.Tests.Vocabulary;

/// <summary>
/// One name per property and per seeded bug, everywhere: the C# checks, the TLA+ model and its configurations, the patch
/// headers, the harnesses and <c>docs/vocabulary.md</c> must use the same names, so the four kinds of evidence can be
/// seen to agree.
/// </summary>
public class VocabularyTests
{
    private static readonly Repository Repo = Repository.Locate();
    private static readonly Evidence Current = Evidence.Read(Repo);

    [Fact]
    public void Every_name_is_the_same_in_the_CSharp_checks_the_model_the_configurations_the_patches_and_the_harnesses() =>
        string.Join(Environment.NewLine, Drift.Find(Current)).Should().BeEmpty("every drift found is listed");

    [Fact]
    public void Every_CSharp_invariant_is_a_model_invariant_of_the_same_name_except_the_one_the_model_cannot_state() =>
        Current.CSharpInvariants.Where(n => !Current.Model.Operators.Contains(n))
            .Should().BeEquivalentTo([nameof(Invariant.ReadNeverWritten)]);

    [Fact]
    public void Every_seeded_bug_of_the_model_has_a_patch_and_a_configuration()
    {
        Current.Model.Bugs.Should().BeEquivalentTo(Current.Mutants.Select(m => m.Header.Bug).OfType<string>());
        Current.Model.Configurations.Where(c => c.Bug is not null).Select(c => c.Bug)
            .Should().BeEquivalentTo(Current.Model.Bugs);
    }

    [Fact]
    public void A_model_invariant_renamed_in_one_place_is_reported()
    {
        var renamed = new HashSet<string>(Current.Model.Operators) { "NilEntryInDirt" };
        renamed.Remove(nameof(Invariant.NilEntryInDirty));

        Drift.Find(Current with { Model = Current.Model with { Operators = renamed } }).Should().Contain(p => p.Contains("NilEntryInDirty is said to be in the model"));
    }

    [Fact]
    public void A_patch_whose_Bug_is_not_the_models_is_reported()
    {
        var mutant = Current.Mutants.First(m => m.Header.Bug == "ExpungePlainWrite");
        var misspelt = mutant with { Header = mutant.Header with { Bug = "PlainExpunge" } };
        var mutants = Current.Mutants.Select(m => m == mutant ? misspelt : m).ToList();

        Drift.Find(Current with { Mutants = mutants }).Should().Contain(p => p.Contains("'Bug: PlainExpunge' is not in the model's Bugs set"))
            .And.Contain(p => p.Contains("Bug \"ExpungePlainWrite\" of the model has no patch"));
    }

    [Fact]
    public void A_patch_naming_a_harness_that_does_not_exist_is_reported()
    {
        var mutant = Current.Mutants[0];
        var mutants = Current.Mutants.Select(m => m == mutant ? m with { Header = m.Header with { Harness = "NoSuchHarness" } } : m).ToList();

        Drift.Find(Current with { Mutants = mutants }).Should().ContainSingle().Which.Should().Contain("'Harness: NoSuchHarness'");
    }

    [Fact]
    public void The_committed_vocabulary_table_is_the_one_generated_from_the_evidence()
    {
        var path = Path.Combine(Repo.Root, VocabularyTable.Path);
        var generated = VocabularyTable.Render(Current);
        if (Environment.GetEnvironmentVariable("GOSYNC_WRITE_VOCABULARY") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.Exists(path).Should().BeTrue($"{VocabularyTable.Path} is generated: run with GOSYNC_WRITE_VOCABULARY=1");
        File.ReadAllText(path).Should().Be(generated, $"{VocabularyTable.Path} is generated: run with GOSYNC_WRITE_VOCABULARY=1 and commit it");
    }
}

using GoSync.Runner;

namespace GoSync.Tests.Mutants;

/// <summary>The header of a seeded-bug patch names it in the model, the property it breaks and its harness.</summary>
public class MutantHeaderTests
{
    private static readonly string[] Patch =
    [
        "Seeded bug 03-expunge-plain-write: a plain write where the CAS belongs.",
        "Bug: ExpungePlainWrite",
        "Breaks: Linearizable",
        "Harness: StoreRacingExpunge",
        "",
        "--- a/src/Map/Entry.cs",
        "Bug: not a header line, part of the diff",
    ];

    [Fact]
    public void A_header_gives_the_models_bug_the_property_broken_and_the_harness()
    {
        MutantHeader.Parse(Patch, "03-expunge-plain-write")
            .Should().Be(new MutantHeader("ExpungePlainWrite", null, "Linearizable", "StoreRacingExpunge"));
    }

    [Fact]
    public void A_bug_the_model_lacks_is_none_with_the_reason()
    {
        string[] patch = [Patch[0], "Bug: none: the model has no timing", Patch[2], Patch[3]];

        var header = MutantHeader.Parse(patch, "99-example");

        header.Bug.Should().BeNull();
        header.NoBugReason.Should().Be("the model has no timing");
    }

    [Fact]
    public void A_header_without_a_harness_is_an_error_naming_the_patch()
    {
        var parse = () => MutantHeader.Parse(Patch[..3], "03-expunge-plain-write");

        parse.Should().Throw<RunnerException>().WithMessage("03-expunge-plain-write: *'Harness: ...'*");
    }

    [Theory]
    [InlineData("03-expunge-plain-write", "ExpungePlainWrite")]
    [InlineData("13-compare-and-swap-without-compare-in-dirty", "CompareAndSwapWithoutCompareInDirty")]
    public void A_patchs_model_name_is_its_name_without_the_number_in_Pascal_case(string patch, string bug) =>
        MutantHeader.ModelName(patch).Should().Be(bug);

    [Fact]
    public void Every_committed_patch_has_a_complete_header() =>
        Mutant.All(Repository.Locate()).Should().OnlyContain(m => m.Header.Breaks.Length > 0 && m.Header.Harness.Length > 0);
}

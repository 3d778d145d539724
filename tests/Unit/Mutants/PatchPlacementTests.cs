using System.Text.RegularExpressions;
using GoSync.Runner;

namespace GoSync.Tests.Mutants;

/// <summary>
/// Every seeded bug and divergence is applied exactly where its hunks say. <c>git apply</c> moves a hunk whose lines
/// have drifted to the nearest place where its text matches, and the map has loops whose text is identical: after
/// <c>Entry.TrySwap</c> grew, mutant 24's hunk for CompareAndDelete's loop landed on CompareAndSwap's, seeding mutant
/// 23's bug a second time (the runner noticed only because another harness caught it).
/// </summary>
public partial class PatchPlacementTests
{
    [Fact]
    public void Every_patch_hunk_matches_its_file_at_the_lines_it_names()
    {
        var repo = Repository.Locate();

        var misplaced = Patch.All(repo).SelectMany(p => MisplacedHunks(repo.Root, p.Path)).ToList();

        misplaced.Should().BeEmpty("each patch must be rebased when src/Map moves (tests/Mutants/README.md)");
    }

    [Fact]
    public void A_hunk_whose_lines_moved_is_reported()
    {
        var root = Directory.CreateTempSubdirectory("gosync-placement").FullName;
        File.WriteAllLines(Path.Combine(root, "f.cs"), ["a", "loop", "x", "b", "loop", "x"]);
        var patch = Path.Combine(root, "p.patch");
        File.WriteAllLines(patch, ["Seeded bug: example", "--- a/f.cs", "+++ b/f.cs", "@@ -2,2 +2,2 @@", " loop", "-x", "+y"]);
        MisplacedHunks(root, patch).Should().BeEmpty();

        File.WriteAllLines(Path.Combine(root, "f.cs"), ["a", "new", "loop", "x", "b", "loop", "x"]);

        MisplacedHunks(root, patch).Should().ContainSingle().Which.Should().Contain("p.patch: the hunk at line 2 of f.cs");
    }

    /// <summary>A line per hunk of <paramref name="patchPath"/> whose context and removed lines are not at the line it names.</summary>
    private static IEnumerable<string> MisplacedHunks(string root, string patchPath)
    {
        var name = Path.GetFileName(patchPath);
        string[] file = [];
        var path = "";
        int at = 0, oldLeft = 0, newLeft = 0, start = 0;
        var ok = true;
        foreach (var line in File.ReadLines(patchPath))
        {
            if (oldLeft > 0 || newLeft > 0)
            {
                var kind = line.Length == 0 ? ' ' : line[0]; // an empty context line may have lost its space
                if (kind is ' ' or '-')
                {
                    ok &= at < file.Length && file[at] == (line.Length == 0 ? "" : line[1..]);
                    at++;
                    oldLeft--;
                }

                if (kind is ' ' or '+')
                {
                    newLeft--;
                }

                if (oldLeft == 0 && newLeft <= 0 && !ok)
                {
                    yield return $"{name}: the hunk at line {start} of {path} does not match the file there";
                }
            }
            else if (line.StartsWith("--- a/", StringComparison.Ordinal))
            {
                path = line[6..];
                file = File.ReadAllLines(Path.Combine(root, path));
            }
            else if (HunkHeader().Match(line) is { Success: true } m)
            {
                start = Number(m.Groups[1]);
                oldLeft = m.Groups[2].Success ? Number(m.Groups[2]) : 1;
                newLeft = m.Groups[4].Success ? Number(m.Groups[4]) : 1;
                at = start - 1;
                ok = true;
            }
        }
    }

    private static int Number(Group g) => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();
}

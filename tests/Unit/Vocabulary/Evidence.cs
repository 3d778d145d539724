using GoSync.Runner;

namespace GoSync.Tests.Vocabulary;

/// <summary>
/// Every place a property's or a seeded bug's name appears: the catalogue (with the C# <see cref="Invariant"/> names
/// it is built on), the TLA+ model and its configurations, the patch headers and the harnesses.
/// </summary>
internal sealed record Evidence(
    IReadOnlyList<Property> Catalogue,
    IReadOnlyList<string> CSharpInvariants,
    ModelText Model,
    IReadOnlyList<Mutant> Mutants,
    IReadOnlySet<string> Harnesses)
{
    public static Evidence Read(Repository repo) => new(
        Vocabulary.Catalogue.Properties,
        Enum.GetNames<Invariant>(),
        ModelText.Read(Path.Combine(repo.Root, "tla")),
        Mutant.All(repo),
        HarnessSources.Read(Path.Combine(repo.Root, "tests", "Systematic", "Harnesses")));

    /// <summary>The seeded-bug configuration of <paramref name="bug"/>: <c>MCSyncMapBug&lt;bug&gt;.cfg</c>.</summary>
    public static string ConfigurationOf(string bug) => $"MCSyncMapBug{bug}.cfg";
}

/// <summary>Where the names disagree: each finding is one sentence naming the name and the places.</summary>
internal static class Drift
{
    public static IReadOnlyList<string> Find(Evidence e)
    {
        var problems = new List<string>();
        var names = e.Catalogue.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var checkedByTlc = e.Model.Configurations.SelectMany(c => c.Checks).ToHashSet(StringComparer.Ordinal);

        foreach (var name in e.CSharpInvariants.Where(n => !names.Contains(n)))
        {
            problems.Add($"C# invariant {name} (src/Map/Invariant.cs) is not in the catalogue (tests/Unit/Vocabulary/Catalogue.cs).");
        }

        foreach (var p in e.Catalogue)
        {
            var defined = e.Model.Operators.Contains(p.Name) || Vocabulary.Catalogue.BuiltIn.Contains(p.Name);
            if (p.InModel && !defined)
            {
                problems.Add($"{p.Name} is said to be in the model, but no tla/*.tla module defines it.");
            }
            else if (p.InModel && !checkedByTlc.Contains(p.Name))
            {
                problems.Add($"{p.Name} is defined in the model, but no tla/MC*.cfg checks it.");
            }
            else if (!p.InModel && defined)
            {
                problems.Add($"{p.Name} is defined in the model, but the catalogue says the model cannot state it.");
            }

            if ((p.CSharp is null || !p.InModel) && string.IsNullOrWhiteSpace(p.WhyNot))
            {
                problems.Add($"{p.Name} is checked on one side only, and the catalogue does not say why.");
            }
        }

        foreach (var name in checkedByTlc.Where(n => !names.Contains(n)))
        {
            var where = string.Join(", ", e.Model.Configurations.Where(c => c.Checks.Contains(name)).Select(c => c.FileName));
            problems.Add($"{name}, checked by {where}, is not in the catalogue.");
        }

        foreach (var m in e.Mutants)
        {
            var h = m.Header;
            if (!names.Contains(h.Breaks))
            {
                problems.Add($"{m.Name}: 'Breaks: {h.Breaks}' is not a catalogued property.");
            }

            if (!e.Harnesses.Contains(h.Harness))
            {
                problems.Add($"{m.Name}: 'Harness: {h.Harness}' is not a [Test] method in tests/Systematic/Harnesses.");
            }

            if (h.Bug is null)
            {
                continue;
            }

            if (h.Bug != MutantHeader.ModelName(m.Name))
            {
                problems.Add($"{m.Name}: 'Bug: {h.Bug}' is not the patch's name in Pascal case, {MutantHeader.ModelName(m.Name)}.");
            }

            if (!e.Model.Bugs.Contains(h.Bug))
            {
                problems.Add($"{m.Name}: 'Bug: {h.Bug}' is not in the model's Bugs set (tla/SyncMap.tla).");
            }

            var config = e.Model.Configurations.FirstOrDefault(c => c.FileName == Evidence.ConfigurationOf(h.Bug));
            if (config is null)
            {
                problems.Add($"{m.Name}: there is no tla/{Evidence.ConfigurationOf(h.Bug)}.");
            }
            else if (config.Counterexample != h.Breaks)
            {
                problems.Add($"{m.Name}: 'Breaks: {h.Breaks}', but tla/{config.FileName} expects '{config.Expect}'.");
            }
        }

        var patched = e.Mutants.Select(m => m.Header.Bug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var bug in e.Model.Bugs.Where(b => !patched.Contains(b)))
        {
            problems.Add($"Bug \"{bug}\" of the model has no patch in tests/Mutants whose header says 'Bug: {bug}'.");
        }

        foreach (var c in e.Model.Configurations.Where(c => c.Bug is not null))
        {
            if (!e.Model.Bugs.Contains(c.Bug!))
            {
                problems.Add($"tla/{c.FileName} sets Bug = \"{c.Bug}\", which is not in the model's Bugs set.");
            }
            else if (c.FileName != Evidence.ConfigurationOf(c.Bug!))
            {
                problems.Add($"tla/{c.FileName} sets Bug = \"{c.Bug}\" but is not named {Evidence.ConfigurationOf(c.Bug!)}.");
            }
        }

        return problems;
    }
}
